// Palette commands in the real editor: Insert Proposal and Insert Project Section write an entry
// shaped by the file's own template (its heading levels and field labels), with tab stops. Each test
// edits the fixture and restores it afterwards (editFixture); each command runs once, once the
// language server answers for the file, and the test waits for its effect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { IDEAS_2025, activateExtension, editFixture, pollUntil, type EditedFixture } from './helpers';

describe('Commands', () => {
  let fixture: EditedFixture | undefined;
  afterEach(async () => {
    await fixture?.restore();
    fixture = undefined;
  });

  it('are in the command palette under the Project Ideas category', async () => {
    // Registered on activation: activate first, whatever ran before (or did not).
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['projectIdeas.insertProposal', 'projectIdeas.insertProjectSection', 'projectIdeas.restartServer']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  /** Runs a command once at the end of the file and waits until the text gains the inserted heading. */
  async function insertAtEnd(command: string, heading: RegExp): Promise<{ editor: vscode.TextEditor; lines: string[] }> {
    fixture = await editFixture(IDEAS_2025);
    const { editor, document } = fixture;
    const before = document.getText();
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand(command);
    const text = await pollUntil(
      `the entry inserted by ${command}`,
      () => document.getText(),
      (t) => t !== before && heading.test(t.slice(before.length)),
      { show: (t) => (t === before ? '(the text is unchanged)' : t.slice(before.length)) },
    );
    assert.ok(text.startsWith(before), 'the entry is inserted at the end, the text before it unchanged');
    return { editor, lines: text.slice(before.length).split('\n') };
  }

  it('Insert Proposal writes a proposal at the file\'s proposal level with the template\'s fields', async () => {
    const { editor, lines } = await insertAtEnd('projectIdeas.insertProposal', /^#### /m);
    const headings = lines.filter((l) => l.startsWith('#'));
    assert.equal(headings.length, 1, `one proposal heading inserted:\n${lines.join('\n')}`);
    assert.match(headings[0], /^#### \S/, 'the proposal heading uses the template\'s level (####)');
    const labels = lines.filter((l) => /^- [^:]+:/.test(l)).map((l) => /^- ([^:]+):/.exec(l)![1]);
    assert.deepEqual(labels, ['Description', 'Expected Outcome', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue', 'LFX URL']);
    // The first tab stop selects the title placeholder, ready to type over.
    assert.ok(!editor.selection.isEmpty, 'the snippet leaves the first placeholder selected');
  });

  it('Insert Project Section writes a project heading with a first proposal under it', async () => {
    const { lines } = await insertAtEnd('projectIdeas.insertProjectSection', /^### /m);
    const headings = lines.filter((l) => l.startsWith('#'));
    assert.equal(headings.length, 2, `one project and one proposal heading inserted:\n${lines.join('\n')}`);
    assert.match(headings[0], /^### \S/);
    assert.match(headings[1], /^#### \S/);
  });

  it('contributes the LFX and GSoC snippets to markdown files', async () => {
    fixture = await editFixture(IDEAS_2025);
    const { editor, document } = fixture;
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((e) => e.insert(end, '\nlfx-pro')));
    const at = document.lineAt(document.lineCount - 1).range.end;
    const labels = (list: vscode.CompletionList | undefined) =>
      (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    const list = await pollUntil(
      'the lfx-proposal snippet in completion',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at),
      (l) => labels(l).includes('lfx-proposal'),
      { show: (l) => labels(l).slice(0, 30).join(', ') },
    );
    const snippet = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'lfx-proposal')!;
    assert.equal(snippet.kind, vscode.CompletionItemKind.Snippet);
  });
});
