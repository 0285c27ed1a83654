// What the server's start asks of the editor, over stdio as the extension runs it: the editor opens
// one file and asks for its outline and diagnostics at once; until the workspace index is complete,
// count the workspace/configuration requests, progress reports and diagnostics refreshes (each
// refresh makes the editor pull every open document's full report again), and time the answers.
//   npx tsx scripts/start-figures.ts WORKSPACE FILE [--server dist/server.js] [--runs 3]
// Compare two builds by pointing --server at each (e.g. a worktree of an older commit).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args.splice(at, 2)[1] : fallback;
};
const server = path.resolve(option('--server', path.join(__dirname, '../dist/server.js')));
const runs = Number(option('--runs', '3'));
const [workspace, file] = args.map((a) => path.resolve(a));
if (!workspace || !file) {
  console.error('usage: npx tsx scripts/start-figures.ts WORKSPACE FILE [--server dist/server.js] [--runs 3]');
  process.exit(2);
}

async function once(): Promise<Record<string, number>> {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const c = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const uri = pathToFileURL(file).toString();
  const figures: Record<string, number> = { configurationRequests: 0, progressReports: 0, diagnosticRefreshes: 0 };
  const started = Date.now();
  let indexed = 0;
  c.onRequest('workspace/configuration', (p: { items: unknown[] }) => (figures.configurationRequests++, p.items.map(() => ({}))));
  c.onRequest('window/workDoneProgress/create', () => null);
  c.onRequest('client/registerCapability', () => null);
  c.onRequest('workspace/diagnostic/refresh', () => {
    figures.diagnosticRefreshes++;
    // As the editor does: every open document is pulled again.
    void c.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
    return null;
  });
  c.onUnhandledProgress((p: { value: { kind: string } }) => {
    if (p.value.kind === 'report') figures.progressReports++;
  });
  c.onNotification((method: string, p: any) => {
    if (method === 'window/logMessage' && /indexed \d+ files/.test(String(p?.message ?? ''))) indexed = Date.now() - started;
  });
  c.listen();
  const folder = pathToFileURL(workspace).toString();
  await c.sendRequest('initialize', {
    processId: null,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: path.basename(workspace) }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      window: { workDoneProgress: true },
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  await c.sendNotification('initialized', {});
  await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
  const asked = Date.now();
  const [outlineMs, diagnosticsMs] = await Promise.all([
    c.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then(() => Date.now() - asked),
    c.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).then(() => Date.now() - asked),
  ]);
  while (!indexed) await new Promise((resolve) => setTimeout(resolve, 20));
  // Refreshes are throttled: give a late one the time to come (for the count, not as a measurement).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  c.dispose();
  child.kill();
  return { outlineMs, diagnosticsMs, indexedMs: indexed, ...figures };
}

async function main(): Promise<void> {
  console.log(`server ${path.relative(process.cwd(), server) || server}, workspace ${workspace}, open ${path.relative(workspace, file)}`);
  for (let run = 1; run <= runs; run++) {
    const f = await once();
    console.log(
      `run ${run}: outline ${f.outlineMs} ms, diagnostics ${f.diagnosticsMs} ms, index complete ${f.indexedMs} ms; ` +
        `${f.configurationRequests} configuration requests, ${f.progressReports} progress reports, ${f.diagnosticRefreshes} diagnostics refreshes`,
    );
  }
}
void main();
