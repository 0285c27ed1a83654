// Completion in the real editor: typing `@` on a new mentor sub-bullet offers the workspace's
// mentors (this project's first) and accepting one writes the whole `Name (@handle, email)` entry.
// The test edits the fixture and restores it afterwards (editFixture).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { IDEAS_2025, editFixture, pollUntil, type EditedFixture } from './helpers';

const mentorLabels = (list: vscode.CompletionList | undefined) =>
  (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => /\(@[\w-]+/.test(l));

/** Every mentor of the workspace but the one already in the proposal: both terms indexed. */
const EXPECTED = ['alice-example', 'bob-sample', 'evan-madeup', 'frida-invented', 'dana-fictional'];

describe('Completion', () => {
  let fixture: EditedFixture | undefined;
  afterEach(async () => {
    await fixture?.restore();
    fixture = undefined;
  });

  it('offers known mentors after @, mentors of this project first, and inserts the whole entry', async () => {
    fixture = await editFixture(IDEAS_2025);
    const { editor, document } = fixture;
    const carol = document.positionAt(document.getText().indexOf('  - Carol Placeholder'));
    const lineEnd = document.lineAt(carol.line).range.end;
    assert.ok(await editor.edit((edit) => edit.insert(lineEnd, '\n  - @')));
    const position = new vscode.Position(carol.line + 1, 5);
    const list = await pollUntil(
      `mentor completions after @ for ${EXPECTED.join(', ')}`,
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '@'),
      (result) => EXPECTED.every((h) => mentorLabels(result).some((l) => l.includes(`(@${h}`))),
      { show: (r) => mentorLabels(r).join('\n') },
    );
    const ours = [...list.items].filter((i) => /\(@[\w-]+/.test(typeof i.label === 'string' ? i.label : i.label.label));
    ours.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const handles = ours.map((i) => /\(@([\w-]+)/.exec(typeof i.label === 'string' ? i.label : i.label.label)![1]);
    assert.deepEqual(handles.slice(0, 3), ['alice-example', 'bob-sample', 'evan-madeup'], handles.join(', '));
    assert.ok(!handles.includes('carol-placeholder'), 'a mentor already listed in the proposal is not offered');
    const first = ours[0];
    const edit = first.textEdit ?? new vscode.TextEdit(first.range as vscode.Range, String(first.insertText));
    assert.ok(await editor.edit((e) => e.replace(edit.range, edit.newText)));
    assert.equal(document.lineAt(position.line).text, '  - Alice Example (@alice-example, alice@example.org)');
  });
});
