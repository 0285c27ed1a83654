// The bundled dist/server.js over stdio, as the extension starts it: the same answers as the server
// in process (the outline written from its pre-serialised pieces, diagnostics, the custom requests
// of server/src/protocol.ts), stdout carrying the protocol only, and an exit when stdin ends.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { entrySnippetRequest, statsRequest } from '../../server/src/protocol';
import { LspClient, fileUri } from './lspClient';

const WORKSPACE = path.resolve(__dirname, '../fixtures/workspace');
const CURRENT = path.join(WORKSPACE, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');

describe('server: the bundle over stdio', function () {
  this.timeout(30_000);
  const clients: LspClient[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
  });

  async function answers(client: LspClient) {
    const uri = fileUri(CURRENT);
    client.open(uri, readFileSync(CURRENT, 'utf8'));
    // Cross-file findings depend on the workspace index: compare once it is complete.
    await client.waitFor(() => client.notifications.some((n) => n.method === 'window/logMessage' && /indexed \d+ files/.test(n.params.message)));
    const outline = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const diagnostics = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const snippet = await client.send(entrySnippetRequest, {
      textDocument: { uri },
      position: { line: 0, character: 0 },
      kind: 'proposal',
    });
    return { outline, diagnostics, snippet };
  }

  it('answers as the server in process does', async () => {
    const spawned = await LspClient.spawn({ folders: [WORKSPACE] });
    const inProcess = await LspClient.start({ folders: [WORKSPACE] });
    clients.push(spawned, inProcess);
    const got = await answers(spawned);
    assert.ok(Array.isArray(got.outline) && got.outline.length > 0, 'an outline');
    assert.ok(got.snippet?.snippet.includes('${1:Proposal title}'), JSON.stringify(got.snippet));
    assert.deepEqual(got, await answers(inProcess));
    const stats = await spawned.send(statsRequest, {});
    assert.equal(stats.openDocuments, 1);
    assert.equal(spawned.stderr.join(''), '', 'nothing on stderr');
  });

  it('exits when its input ends', async () => {
    const client = await LspClient.spawn({});
    const exited = once(client.process, 'exit');
    client.process.stdin!.end();
    const [code] = await exited;
    assert.equal(typeof code, 'number');
  });
});
