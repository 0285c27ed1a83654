// Go to Symbol in Workspace (Ctrl+T): proposals and projects of every ideas file, from the server's
// index of the workspace, including files no editor has opened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { IDEAS_2024, activateExtension, fixtureUri, ours, pollUntil, showSymbols, workspaceSymbols } from './helpers';

function isOpen(relativePath: string): boolean {
  const target = fixtureUri(relativePath).toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === target);
}

describe('Workspace symbols (Ctrl+T)', () => {
  before(async () => {
    await activateExtension();
  });

  it('finds a proposal in an ideas file that is not open', async () => {
    assert.equal(isOpen(IDEAS_2024), false, `${IDEAS_2024} must stay closed for this test`);
    const title = 'Pluggable exporters for Lanternd';
    const found = await pollUntil(
      `workspace symbol "${title}" from the server's index`,
      () => workspaceSymbols('Pluggable exporters'),
      (result) => ours(result).some((s) => s.name === title),
      { show: showSymbols },
    );
    const symbol = ours(found).find((s) => s.name === title)!;
    assert.equal(vscode.SymbolKind[symbol.kind], 'Method', showSymbols(found));
    assert.equal(symbol.location.uri.toString(), fixtureUri(IDEAS_2024).toString());
    assert.match(symbol.containerName, /Lanternd/);
    assert.match(symbol.containerName, /2024/, 'the container names the term');
    // The range points at the heading text. Read the file from disk: opening it would defeat the test.
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(symbol.location.uri));
    const range = symbol.location.range;
    const line = text.split(/\r?\n/)[range.start.line] ?? '';
    assert.equal(line.slice(range.start.character, range.end.character), title);
    assert.equal(isOpen(IDEAS_2024), false, 'the query opened the file');
  });

  it('finds a project in every term that has it', async () => {
    const found = await pollUntil(
      'the project "Lanternd" in both terms',
      () => workspaceSymbols('Lanternd'),
      (result) => ours(result).filter((s) => s.name === 'Lanternd').length >= 2,
      { show: showSymbols },
    );
    const files = ours(found)
      .filter((s) => s.name === 'Lanternd')
      .map((s) => s.location.uri.path.replace(/^.*\/programs\//, 'programs/'))
      .sort();
    assert.deepEqual(files, [IDEAS_2024, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md'], showSymbols(found));
  });
});
