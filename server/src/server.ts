// The process: the language server over stdio (what the extension starts: `node dist/server.js
// --stdio`), or node IPC. Every handler is in lsp/configure.ts; nothing else happens at load time.
import { createConnection, ProposedFeatures, type MessageReader } from 'vscode-languageserver/node';
import { createDocuments } from './lsp/documents';
import { configureServer } from './lsp/configure';
import { stdoutWriter } from './preserialized';

// Over stdio messages are written by our encoder (preserialized.ts). The input stays the raw stream:
// createConnection then exits when it ends, as it does for --stdio (its typings pair a stream only
// with a stream, hence the cast).
const stdio = process.argv.includes('--stdio');
const connection = stdio ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, stdoutWriter()) : createConnection(ProposedFeatures.all);
// stdout carries the protocol: anything a library logs goes to the client's output channel instead
// (what createConnection does itself when it opens stdio).
if (stdio) {
  const log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.log = console.info = console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
}
configureServer(connection, createDocuments());
connection.listen();
