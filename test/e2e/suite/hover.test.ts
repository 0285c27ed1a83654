// Hover cards in the real editor: a mentor (facts from both terms, one file never opened) and a
// project heading; the markdown is not trusted and carries no HTML.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { IDEAS_2025, openFixture, pollUntil } from './helpers';

function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

function markdownOf(hovers: readonly vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
}

const show = (hovers: vscode.Hover[]) => markdownOf(hovers).map((m) => m.value).join('\n---\n') || '(no hover)';

describe('Hover cards', () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = (await openFixture(IDEAS_2025)).document;
  });

  it('shows a mentor card with the proposals of both terms', async () => {
    const position = positionOf(document, '@alice-example', 2);
    const hovers = await pollUntil(
      'a mentor card for @alice-example naming both terms',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (result) => markdownOf(result ?? []).some((m) => /in \*\*2 terms\*\*/.test(m.value)),
      { show },
    );
    const card = markdownOf(hovers).find((m) => /in \*\*2 terms\*\*/.test(m.value))!;
    assert.match(card.value, /\(https:\/\/github\.com\/alice-example\)/);
    assert.match(card.value, /Pluggable exporters for Lanternd\]\(file:[^)]*2024\/03-Sep-Nov\/project_ideas\.md#L\d+\)/);
    assert.ok(!card.isTrusted, 'a hover built from document text is never trusted');
    assert.ok(!card.supportHtml, 'no raw HTML');
    assert.doesNotMatch(card.value, /command:/);
  });

  it('shows the quota and earlier terms on a project heading', async () => {
    const position = positionOf(document, '### Lanternd', 6);
    // The earlier term comes from the workspace index (a file never opened): wait until it is read.
    const hovers = await pollUntil(
      'a project card for Lanternd with its quota and its earlier term',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (result) => markdownOf(result ?? []).some((m) => /quota \d+/.test(m.value) && /earlier term/.test(m.value)),
      { show },
    );
    const card = markdownOf(hovers).find((m) => /quota/.test(m.value))!;
    assert.match(card.value, /proposals? this term \(LFX 2025 01\\-Mar\\-May\), quota 4/);
    assert.match(card.value, /1 proposal in 1 earlier term/);
  });
});
