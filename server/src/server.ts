// Entry point: connection, documents, capabilities. Handlers look up the model and delegate to a
// feature; nothing here analyses text.
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import { ServerContext, uriToPath } from './context';
import { documentSymbols } from './features/documentSymbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { findIdeasFiles } from './core/scan';
import { isIdeasFile } from './core/ideasFiles';
import { parseIdeas } from './core/parse';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ctx = new ServerContext(connection, documents);
let workspaceFolders: WorkspaceFolder[] = [];

connection.onInitialize((params): InitializeResult => {
  ctx.configurationSupported = !!params.capabilities.workspace?.configuration;
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Project Ideas' },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'project-ideas' },
  };
});

connection.onInitialized(() => {
  if (ctx.configurationSupported) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'projectIdeas' });
  }
  void indexWorkspace();
});

connection.onDidChangeConfiguration(() => {
  ctx.clearSettings();
  void indexWorkspace();
});

/** Scans the workspace folders in the background and indexes every ideas file found. */
async function indexWorkspace(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Project Ideas: indexing', 0, 'looking for ideas files', false);
  let count = 0;
  try {
    for (const folder of workspaceFolders) {
      const root = uriToPath(folder.uri);
      const settings = await ctx.settingsFor(folder.uri);
      for await (const file of findIdeasFiles(root, settings)) {
        const uri = URI.file(file).toString();
        if (documents.get(uri)) continue; // open documents are indexed from their editor text
        await indexFile(uri, file);
        if (++count % 10 === 0) progress?.report(`${count} files`);
        // Yield between files so requests are answered while indexing runs.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    progress?.done();
  }
}

async function indexFile(uri: string, file: string): Promise<void> {
  try {
    const text = await fs.readFile(file, 'utf8');
    ctx.index.set(uri, file, parseIdeas(text, { path: file }));
  } catch {
    ctx.index.delete(uri);
  }
}

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  for (const change of changes) {
    if (documents.get(change.uri)) continue;
    const file = uriToPath(change.uri);
    if (change.type === FileChangeType.Deleted) {
      ctx.index.delete(change.uri);
      continue;
    }
    const settings = await ctx.settingsFor(change.uri);
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined && isIdeasFile(file, text, settings)) ctx.index.set(change.uri, file, parseIdeas(text, { path: file }));
    else ctx.index.delete(change.uri);
  }
});

documents.onDidClose(({ document }) => {
  ctx.forget(document.uri);
  if (!ctx.index.get(document.uri)) return;
  // The file on disk is what the workspace knows once the editor lets go of it.
  const file = uriToPath(document.uri);
  void fs
    .readFile(file, 'utf8')
    .then((text) => ctx.index.set(document.uri, file, parseIdeas(text, { path: file })))
    .catch(() => ctx.index.delete(document.uri));
});

connection.onDocumentSymbol(async ({ textDocument }) => {
  const found = await ctx.modelFor(textDocument.uri);
  return found ? documentSymbols(found.model) : [];
});

connection.onWorkspaceSymbol(({ query }) => workspaceSymbols(ctx.index, query));

documents.listen(connection);
connection.listen();
