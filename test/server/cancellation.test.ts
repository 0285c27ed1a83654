// The real server over stdio: a diagnostics pull that is cancelled, or whose document changed while
// the server waited for settings, is answered with ServerCancelled (retrigger when it changed), and
// the next pull gives the diagnostics of the newest text. A pull with the previous resultId is
// answered `unchanged` when the diagnostics are the same.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient, fileUri } from './lspClient';

const IDEAS = path.resolve(__dirname, '../fixtures/rules/workspace/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');
const SERVER_CANCELLED = -32802;

describe('server: stale and cancelled requests', function () {
  this.timeout(30_000);
  let client: LspClient;
  const text = readFileSync(IDEAS, 'utf8');

  before(async () => {
    client = await LspClient.start({ settings: {} });
  });
  after(async () => {
    await client?.stop();
  });

  it('answers a pull for a version changed meanwhile with ServerCancelled, retrigger', async () => {
    const uri = fileUri('/tmp/project-ideas-stale/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md');
    client.open(uri, text);
    // The first pull for a uri waits for its settings (a round trip to us): the change sent right
    // after the request reaches the server before our answer to workspace/configuration.
    const pending = client.request('textDocument/diagnostic', { textDocument: { uri } });
    client.change(uri, [{ text: text + '\n#### Added proposal\n\n- Description: late.\n' }]);
    await assert.rejects(pending, (error: any) => error.code === SERVER_CANCELLED && error.data?.retriggerRequest === true);
    const fresh = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(fresh.kind, 'full');
    assert.ok(fresh.items.some((d: any) => /Added proposal/.test(d.message)), 'the retried pull sees the new proposal');
    client.close(uri);
  });

  it('answers a cancelled pull with ServerCancelled, no retrigger', async () => {
    const uri = fileUri('/tmp/project-ideas-stale/cancelled/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md');
    client.open(uri, text);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: any) => error.code === SERVER_CANCELLED && error.data?.retriggerRequest === false);
    const fresh = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(fresh.kind, 'full');
    client.close(uri);
  });

  it('answers unchanged to a pull with the previous resultId when nothing changed', async () => {
    const uri = fileUri('/tmp/project-ideas-stale/unchanged/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md');
    client.open(uri, text);
    const pull = (previousResultId?: string) => client.request<any>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // Typing in a description changes no diagnostic.
    const at = text.indexOf('- Description:') + '- Description:'.length;
    const lines = text.slice(0, at).split('\n');
    const pos = { line: lines.length - 1, character: lines[lines.length - 1].length };
    client.change(uri, [{ range: { start: pos, end: pos }, text: ' more words' }]);
    assert.equal((await pull(first.resultId)).kind, 'unchanged');
    // A duplicated proposal heading changes them: a full report with a new resultId.
    client.change(uri, [{ text: text + '\n#### Added proposal\n\n- Description: late.\n' }]);
    const changed = await pull(first.resultId);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.resultId);
    assert.ok(changed.items.some((d: any) => /Added proposal/.test(d.message)));
    // Without a resultId (or with an old one) the report is always full.
    assert.equal((await pull()).kind, 'full');
    assert.equal((await pull(first.resultId)).kind, 'full');
    client.close(uri);
  });
});
