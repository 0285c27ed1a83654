// Completion in the real editor: typing `@` on a new mentor sub-bullet offers the workspace's
// mentors (this project's first) and accepting one writes the whole `Name (@handle, email)` entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { IDEAS_2025, openFixture, pollUntil } from './helpers';

const mentorLabels = (list: vscode.CompletionList | undefined) =>
  (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => /\(@[\w-]+/.test(l));

describe('Completion', () => {
  let editor: vscode.TextEditor;
  before(async () => {
    editor = await openFixture(IDEAS_2025);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers known mentors after @, mentors of this project first, and inserts the whole entry', async () => {
    const document = editor.document;
    const carol = document.positionAt(document.getText().indexOf('  - Carol Placeholder'));
    const lineEnd = document.lineAt(carol.line).range.end;
    await editor.edit((edit) => edit.insert(lineEnd, '\n  - @'));
    const position = new vscode.Position(carol.line + 1, 5);
    const list = await pollUntil(
      'mentor completions after @',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '@'),
      (result) => mentorLabels(result).length >= 3,
      { show: (r) => mentorLabels(r).join('\n') },
    );
    const ours = [...list.items].filter((i) => /\(@[\w-]+/.test(typeof i.label === 'string' ? i.label : i.label.label));
    ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const handles = ours.map((i) => /\(@([\w-]+)/.exec(typeof i.label === 'string' ? i.label : i.label.label)![1]);
    assert.deepEqual(handles.slice(0, 3), ['alice-example', 'bob-sample', 'evan-madeup'], handles.join(', '));
    assert.ok(!handles.includes('carol-placeholder'), 'a mentor already listed in the proposal is not offered');
    const first = ours[0];
    const edit = first.textEdit ?? new vscode.TextEdit(first.range as vscode.Range, String(first.insertText));
    await editor.edit((e) => e.replace(edit.range, edit.newText));
    assert.equal(document.lineAt(position.line).text, '  - Alice Example (@alice-example, alice@example.org)');
  });
});
