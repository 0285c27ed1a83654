// The Outline: our document symbols in the real editor, project > proposal > fields, mentors under
// Mentor(s), next to VS Code's own markdown headings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { IDEAS_2025, documentSymbols, openFixture, ours, pollUntil, showOutline, symbolTree } from './helpers';

describe('Outline (document symbols)', () => {
  let document: vscode.TextDocument;
  let symbols: vscode.DocumentSymbol[];
  let tree: string;

  before(async () => {
    const editor = await openFixture(IDEAS_2025);
    document = editor.document;
    const all = await pollUntil(
      `the Project Ideas outline of ${IDEAS_2025} (a "Lanternd" project with proposals)`,
      () => documentSymbols(document.uri),
      (result) => ours(result).some((s) => s.name === 'Lanternd' && (s.children?.length ?? 0) > 0),
      { show: showOutline },
    );
    symbols = ours(all);
    tree = symbolTree(symbols);
  });

  function project(name: string): vscode.DocumentSymbol {
    const found = symbols.find((s) => s.name === name);
    assert.ok(found, `no project "${name}" in the outline:\n${tree}`);
    return found;
  }

  function proposal(projectName: string, title: string): vscode.DocumentSymbol {
    const found = project(projectName).children.find((s) => s.name === title);
    assert.ok(found, `no proposal "${title}" under "${projectName}":\n${tree}`);
    return found;
  }

  it('lists the CNCF projects in file order, with their proposal counts', () => {
    assert.deepEqual(
      symbols.map((s) => [s.name, vscode.SymbolKind[s.kind], s.detail]),
      [
        ['Lanternd', 'Module', '2 proposals'],
        ['Quillmesh', 'Module', '1 proposal'],
      ],
      `outline was:\n${tree}`,
    );
  });

  it('nests the proposals under their project, selecting the heading text', () => {
    assert.deepEqual(
      project('Lanternd').children.map((s) => [s.name, vscode.SymbolKind[s.kind]]),
      [
        ['Metrics dashboard for Lanternd', 'Method'],
        ['Structured logging for the Lanternd agent', 'Method'],
      ],
      `outline was:\n${tree}`,
    );
    const metrics = proposal('Lanternd', 'Metrics dashboard for Lanternd');
    assert.equal(document.getText(metrics.selectionRange), 'Metrics dashboard for Lanternd');
    assert.equal(metrics.detail, '@alice-example, @bob-sample');
  });

  it('lists the fields of a proposal in file order', () => {
    assert.deepEqual(
      proposal('Lanternd', 'Metrics dashboard for Lanternd').children.map((s) => [s.name, vscode.SymbolKind[s.kind]]),
      [
        ['Description', 'Field'],
        ['Expected Outcome', 'Field'],
        ['Recommended Skills', 'Field'],
        ['Mentor(s)', 'Field'],
        ['Upstream Issue', 'Field'],
        ['LFX URL', 'Field'],
      ],
      `outline was:\n${tree}`,
    );
  });

  it('lists the mentors under Mentor(s), with their handles', () => {
    const mentors = proposal('Quillmesh', 'Quillmesh policy playground').children.find((s) => s.name === 'Mentor(s)');
    assert.ok(mentors, `no Mentor(s) field under "Quillmesh policy playground":\n${tree}`);
    assert.deepEqual(
      mentors.children.map((s) => [s.name, s.detail]),
      [
        ['Dana Fictional', '@dana-fictional'],
        ['Alice Example', '@alice-example'],
      ],
      `outline was:\n${tree}`,
    );
    assert.match(document.getText(mentors.children[0].range), /Dana Fictional \(@dana-fictional, dana@example\.com\)/);
  });

  it('keeps every symbol inside its parent and inside the document', () => {
    const lastLine = document.lineCount - 1;
    const check = (parent: vscode.DocumentSymbol | undefined, list: readonly vscode.DocumentSymbol[]) => {
      for (const s of list) {
        assert.ok(s.range.contains(s.selectionRange), `"${s.name}": selection range outside its range`);
        assert.ok(s.range.end.line <= lastLine, `"${s.name}" ends past the document (line ${s.range.end.line})`);
        if (parent) assert.ok(parent.range.contains(s.range), `"${s.name}" lies outside its parent "${parent.name}"`);
        check(s, s.children ?? []);
      }
    };
    check(undefined, symbols);
  });

  it('sits next to VS Code\'s markdown outline rather than replacing it', async () => {
    // The markdown extension's headings come as String symbols; they prove the Outline merges both.
    const all = await pollUntil('VS Code\'s markdown headings in the outline', () => documentSymbols(document.uri), (r) =>
      r.some((s) => s.kind === vscode.SymbolKind.String),
      { show: showOutline },
    );
    assert.ok(ours(all).length >= 2);
  });
});
