// A term README in the generated shape (descriptions as indented blockquotes holding their own
// `## Description` and `## Expected outcomes` headings, a generated table of contents) in the real
// editor: every squiggle stays on the lines its finding is about, the outline lists only the real
// fields, and the one defect planted in the fixture (a TOC link to an anchor no heading has) is the
// one finding. The fixture is read only; it is a later term than the other fixtures, with projects
// and people of its own, so the other suites' counts do not see it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { documentSymbols, openFixture, ours, pollUntil, showOutline, symbolTree } from './helpers';

const README = 'programs/lfx-mentorship/2027/01-Mar-May/README.md';
const BROKEN_ANCHOR = '#rule-bundle-for-falco';
const FIELDS = ['Description', 'Recommended Skills', 'Technologies', 'Mentor(s)', 'Upstream Issue', 'LFX URL'];

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ourDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'project-ideas');
const show = (ds: readonly vscode.Diagnostic[]) =>
  ds.map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`).join('\n') || '(none)';

/** The lines of the document's regions, read from its text: the table of contents and each proposal. */
function regionsOf(document: vscode.TextDocument): { toc: { first: number; last: number }; proposals: { title: string; first: number; last: number }[] } {
  const headings: { level: number; title: string; line: number }[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const m = /^(#{1,6})\s+(.*)$/.exec(document.lineAt(line).text); // blockquoted headings start with `  >`
    if (m) headings.push({ level: m[1].length, title: m[2].trim(), line });
  }
  const endOf = (i: number) => {
    const next = headings.slice(i + 1).find((h) => h.level <= headings[i].level);
    return (next ? next.line : document.lineCount) - 1;
  };
  const tocAt = headings.findIndex((h) => h.title === 'Table of Contents');
  assert.ok(tocAt >= 0, `${README} has no table of contents`);
  const proposals = headings.flatMap((h, i) => (h.level === 4 ? [{ title: h.title, first: h.line, last: endOf(i) }] : []));
  return { toc: { first: headings[tocAt].line, last: endOf(tocAt) }, proposals };
}

describe('Generated term README', () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = (await openFixture(README)).document;
  });

  it('reports the broken TOC anchor once, on its TOC entry, and no squiggle outside the lines a finding is about', async () => {
    const brokenLine = document.getText().split('\n').findIndex((l) => l.includes(`(${BROKEN_ANCHOR})`));
    assert.ok(brokenLine >= 0, `the fixture lost its broken anchor ${BROKEN_ANCHOR}`);
    const diagnostics = await pollUntil(
      `the table-of-contents finding on line ${brokenLine + 1} of ${README}`,
      () => ourDiagnostics(document.uri),
      (ds) => ds.some((d) => codeOf(d) === 'toc' && d.message.includes(BROKEN_ANCHOR)),
      { show },
    );
    // The one defect: nothing else in the file is wrong, so nothing else is reported.
    assert.equal(diagnostics.length, 1, `one finding expected:\n${show(diagnostics)}`);
    const [toc] = diagnostics;
    assert.equal(toc.range.start.line, brokenLine, show(diagnostics));
    assert.equal(toc.range.end.line, brokenLine, `the finding underlines its TOC entry only:\n${show(diagnostics)}`);
    assert.match(document.getText(toc.range), /Rule bundles for Falco/, 'the range is the broken entry');

    // Whatever the findings, each stays within the region it is about: the TOC's own lines for a
    // TOC finding, its proposal's lines for any other; none reaches past it, none spans the file.
    const { toc: tocLines, proposals } = regionsOf(document);
    for (const d of diagnostics) {
      const { start, end } = d.range;
      assert.ok(end.line - start.line < document.lineCount - 1, `spans the whole file: ${show([d])}`);
      if (codeOf(d) === 'toc') {
        assert.ok(start.line >= tocLines.first && end.line <= tocLines.last, `a TOC finding outside lines ${tocLines.first + 1}-${tocLines.last + 1}: ${show([d])}`);
      } else {
        const inside = proposals.find((p) => start.line >= p.first && start.line <= p.last);
        assert.ok(inside && end.line <= inside.last, `a finding outside its proposal's lines: ${show([d])}`);
      }
    }
  });

  it('lists only the real fields in the outline, none from the quoted description', async () => {
    const all = await pollUntil(
      `the Project Ideas outline of ${README} (Falco and Kyverno with their proposals)`,
      () => documentSymbols(document.uri),
      (result) => ['Falco', 'Kyverno'].every((name) => ours(result).some((s) => s.name === name && (s.children?.length ?? 0) > 0)),
      { show: showOutline },
    );
    const symbols = ours(all);
    const tree = symbolTree(symbols);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children.map((p) => p.name)]),
      [
        ['Falco', ['Plugin health checks', 'Rule bundles for Falco']],
        ['Kyverno', ['Policy report timeline']],
      ],
      `outline was:\n${tree}`,
    );
    for (const proposal of symbols.flatMap((s) => s.children)) {
      assert.deepEqual(
        proposal.children.map((f) => [f.name, vscode.SymbolKind[f.kind]]),
        FIELDS.map((name) => [name, 'Field']),
        `fields of "${proposal.name}"; outline was:\n${tree}`,
      );
      const description = proposal.children.find((f) => f.name === 'Description')!;
      assert.deepEqual(description.children.map((c) => c.name), [], `nothing nested under "${proposal.name}" > Description:\n${tree}`);
      // The quoted description is the field's value: its range covers the blockquote.
      assert.match(document.getText(description.range), /> ## Expected outcomes/, `"${proposal.name}" > Description does not hold its quoted text`);
    }
    assert.doesNotMatch(tree, /Expected outcomes/i, `a heading of the quoted description became a symbol:\n${tree}`);
  });
});
