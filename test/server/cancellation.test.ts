// The server in process (configureServer on an in-memory connection): a diagnostics pull that is cancelled, or whose document changed while
// the server waited for settings, is answered with ServerCancelled (retrigger when it changed), and
// the next pull gives the diagnostics of the newest text. Every report is full (telling an
// unchanged report apart costs about what sending it does).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { statsRequest } from '../../server/src/protocol';
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
  /** Closes a document and waits until the index lets go of it (it is not on disk): no other test sees it. */
  const closeAndForget = async (uri: string) => {
    client.close(uri);
    await client.waitFor(async () => (await client.send(statsRequest, {})).indexedFiles === 0);
  };
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
    await closeAndForget(uri);
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
    await closeAndForget(uri);
  });

  it('answers a full report for the current text, whatever resultId the client sends back', async () => {
    const uri = fileUri('/tmp/project-ideas-stale/unchanged/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md');
    client.open(uri, text);
    const pull = (previousResultId?: string) => client.request<any>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.deepEqual(await pull('1'), first);
    // A duplicated proposal heading changes them.
    client.change(uri, [{ text: text + '\n#### Added proposal\n\n- Description: late.\n' }]);
    const changed = await pull('1');
    assert.equal(changed.kind, 'full');
    assert.ok(changed.items.some((d: any) => /Added proposal/.test(d.message)));
    await closeAndForget(uri);
  });
});
