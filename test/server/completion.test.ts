// The server in process (configureServer on an in-memory connection): completion in each context on the invented two-term workspace,
// the entry-snippet request behind the Insert commands, and the index kept current from
// file-watcher events (no rescan).
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';
import { KNOWLEDGE_2025, KNOWLEDGE_WORKSPACE, positionIn, trackProgress } from './hoverFixture';

describe('server: completion', function () {
  this.timeout(30_000);
  let client: LspClient;
  let root: string;
  let file2025: string;
  let uri: string;
  let text: string;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pi-knowledge-'));
    cpSync(KNOWLEDGE_WORKSPACE, root, { recursive: true });
    file2025 = path.join(root, path.relative(KNOWLEDGE_WORKSPACE, KNOWLEDGE_2025));
    uri = fileUri(file2025);
    text = readFileSync(file2025, 'utf8');
    client = await LspClient.start({ folders: [root] });
    const progress = trackProgress(client);
    client.open(uri, text);
    await client.waitFor(() => progress.some((p) => p.kind === 'end'));
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const complete = (position: { line: number; character: number }, triggerCharacter?: string) =>
    client.request<any>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
  const handles = (list: any) => list.items.map((i: any) => /@([\w-]+)/.exec(i.label)?.[1]);

  it('offers mentors after @ typed in a mentor sub-bullet, this project first', async () => {
    const at = positionIn(text, '  - \n', 4);
    client.change(uri, [{ range: { start: at, end: at }, text: '@' }]);
    const list = await complete({ line: at.line, character: at.character + 1 }, '@');
    assert.deepEqual(handles(list), ['carol-p', 'alice-example', 'frank-madeup', 'bob-sample', 'erin-invented']);
    assert.equal(list.items[0].textEdit.newText, 'Carol Placeholder (@carol-p, carol@example.com)');
    assert.deepEqual(list.items[0].textEdit.range, { start: at, end: { line: at.line, character: at.character + 1 } });
    // The card is resolved for the item shown, not sent with the list.
    assert.equal(list.items[0].documentation, undefined);
    const resolved = await client.request<any>('completionItem/resolve', list.items[0]);
    assert.match(resolved.documentation.value, /^\*\*@carol\\-p\*\*\n\n- LFX 2025 01/);
    assert.deepEqual(resolved.textEdit, list.items[0].textEdit);
    client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
  });

  it('offers mentors at the start of a mentor sub-bullet', async () => {
    const list = await complete(positionIn(text, '  - \n', 4));
    assert.equal(handles(list)[0], 'carol-p');
  });

  it('offers skills after a comma, never one already listed', async () => {
    const list = await complete(positionIn(text, '- Recommended Skills: Go, \n', 26), ' ');
    const labels = list.items.map((i: any) => i.label);
    assert.equal(labels[0], 'Kubernetes');
    assert.ok(!labels.includes('Go'));
  });

  it('offers CNCF project names on a project heading', async () => {
    const pos = positionIn(text, '### Kubernetes', 4);
    const list = await complete({ line: pos.line, character: 14 });
    assert.equal(list.items[0].label, 'Kubernetes');
  });

  it('offers the missing fields and a new proposal at the start of a line', async () => {
    const list = await complete(positionIn(text, '\n\n- LFX URL:', 1));
    assert.deepEqual(
      list.items.map((i: any) => i.label),
      ['Expected Outcome', '#### New proposal', '### New CNCF project section'],
    );
    assert.equal(list.items[1].insertTextFormat, 2);
  });

  it('answers the entry-snippet request of the Insert commands from the file template', async () => {
    const r = await client.request<any>('projectIdeas/entrySnippet', {
      textDocument: { uri },
      position: positionIn(text, '### Kubernetes\n\n', 15),
      kind: 'project',
    });
    assert.match(r.snippet, /^\n### \$\{1:CNCF Project Name\}\n\n#### \$\{2:Proposal title\}\n\n- Description: \$\{3\}/);
  });

  it('keeps the index current from file-watcher events', async () => {
    const dir = path.join(root, 'programs/lfx-mentorship/2025/02-Jun-Aug');
    mkdirSync(dir, { recursive: true });
    const newFile = path.join(dir, 'project_ideas.md');
    writeFileSync(
      newFile,
      '## Template\n\n```\n### CNCF Project Name\n\n#### Title\n\n- Description:\n- Mentor(s):\n```\n\n## Proposed Project ideas\n\n### Kubernetes\n\n#### Gadget autoscaler\n\n- Description: Scale gadgets.\n- Mentor(s):\n  - Gina Newcomer (@gina-newcomer, gina@example.org)\n- Upstream Issue: https://github.com/invented-k8s/kubernetes/issues/9\n',
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(newFile), type: 1 }] });
    const at = positionIn(text, '  - \n', 4);
    await client.waitFor(async () => handles(await complete(at)).includes('gina-newcomer'));
    // Newest term of this project: ahead of the older Kubernetes mentor? Both are Kubernetes mentors; Gina is more recent.
    assert.deepEqual(handles(await complete(at)).slice(0, 2), ['gina-newcomer', 'carol-p']);
    rmSync(newFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(newFile), type: 3 }] });
    await client.waitFor(async () => !handles(await complete(at)).includes('gina-newcomer'));
  });

  it('forgets the files of a deleted folder, reported as one event for the folder', async () => {
    const dir = path.join(root, 'programs/lfx-mentorship/2025/03-Sep-Nov');
    mkdirSync(dir, { recursive: true });
    const newFile = path.join(dir, 'project_ideas.md');
    writeFileSync(newFile, '## Template\n\n```\n### CNCF Project Name\n```\n\n### Kubernetes\n\n#### Gizmo pruner\n\n- Description: Prune gizmos.\n- Mentor(s):\n  - Hana Folder (@hana-folder, hana@example.org)\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(newFile), type: 1 }] });
    const at = positionIn(text, '  - \n', 4);
    await client.waitFor(async () => handles(await complete(at)).includes('hana-folder'));
    rmSync(path.join(root, 'programs/lfx-mentorship/2025/03-Sep-Nov'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(dir), type: 3 }] });
    await client.waitFor(async () => !handles(await complete(at)).includes('hana-folder'));
  });
});
