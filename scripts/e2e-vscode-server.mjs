#!/usr/bin/env node
// Starts VS Code's server from a code-server build whose out/server-main.js only exports
// loadCodeWithNls() (code-server 4.93 and before: code-server loads VS Code as a library), the way
// code-server does (out/node/routes/vscode.js): createServer(null, args), then an HTTP server handing
// it every request and upgrade. Takes the same flags scripts/e2e-host.mjs gives server-main.js and
// prints the same `Server bound to HOST:PORT` line when it listens.
//
//   node scripts/e2e-vscode-server.mjs SERVER_MAIN --host H --port P [--flag | --option value]...
import http from 'node:http';
import { createRequire } from 'node:module';

const [serverMain, ...rest] = process.argv.slice(2);
const args = {};
for (let i = 0; i < rest.length; i++) {
  const key = rest[i].replace(/^--/, '');
  if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) args[key] = rest[++i];
  else args[key] = true;
}
const host = String(args.host ?? '127.0.0.1');
const port = Number(args.port);

const { loadCodeWithNls } = createRequire(import.meta.url)(serverMain);
const serverModule = await loadCodeWithNls();
// compatibility: as code-server passes it (connection-token flags optional since 1.63).
const vscode = await serverModule.createServer(null, { ...args, compatibility: '1.64' });
const server = http.createServer((req, res) => vscode.handleRequest(req, res));
server.on('upgrade', (req, socket) => vscode.handleUpgrade(req, socket));
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
server.listen(port, host, () => console.log(`Server bound to ${host}:${port} (IPv4)`));
process.on('exit', () => {
  server.close();
  vscode.dispose?.();
});
