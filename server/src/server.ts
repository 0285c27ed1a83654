// Entry point: connection, documents, capabilities. Handlers look up the model and delegate to a
// feature; nothing here analyses text.
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type InitializeResult,
  type MessageReader,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { promises as fs } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ServerContext, recordingDocuments, uriToPath } from './context';
import { outline } from './features/documentSymbols';
import { stdoutWriter, withJson } from './preserialized';
import { workspaceSymbols } from './features/workspaceSymbols';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { DiagnosticsRefresher, documentDiagnostics, fullReport, isWorkspaceDataFile, loadWorkspaceData, StaleRequest } from './features/diagnostics';
import { hover } from './features/hover';
import { completion, COMPLETION_TRIGGERS, resolveCompletion } from './features/completion';
import { ENTRY_SNIPPET_REQUEST, entrySnippet, type EntrySnippetParams, type EntrySnippetResult } from './features/insertEntry';
import { findIdeasFiles } from './core/scan';
import { isIdeasFile } from './core/ideasFiles';
import { parseFull, parseFullAsync } from './core/incremental';
import type { IdeasModel } from './core/model';

// Over stdio (what the extension uses) messages are written by our encoder (preserialized.ts).
const stdio = process.argv.includes('--stdio');
// The input stays the raw stream: createConnection then exits when it ends, as it does for --stdio
// (its typings pair a stream only with a stream, hence the cast).
const connection = stdio ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, stdoutWriter()) : createConnection(ProposedFeatures.all);
// stdout carries the protocol: anything a library logs goes to the client's output channel instead
// (what createConnection does itself when it opens stdio).
if (stdio) {
  const log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.log = console.info = console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
}
// Every content change reaches the model store (offsets included) before the document updates, so
// the model is brought up to date incrementally rather than re-parsed per keystroke.
const documents = new TextDocuments(recordingDocuments((uri, from, edits, to) => ctx.recordEdits(uri, from, edits, to)));
const ctx = new ServerContext(connection, documents);
let workspaceFolders: WorkspaceFolder[] = [];
const diagnosticsRefresher = new DiagnosticsRefresher(ctx);
ctx.index.onDidChange(() => diagnosticsRefresher.schedule());

connection.onInitialize((params): InitializeResult => {
  ctx.configurationSupported = !!params.capabilities.workspace?.configuration;
  diagnosticsRefresher.supported = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Project Ideas' },
      workspaceSymbolProvider: true,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
    },
    serverInfo: { name: 'project-ideas' },
  };
});

connection.onInitialized(() => {
  if (ctx.configurationSupported) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'projectIdeas' });
  }
  void loadWorkspaceData(ctx, workspaceFolders.map((f) => uriToPath(f.uri))).then(() => diagnosticsRefresher.schedule());
  void indexWorkspace();
});

connection.onDidChangeConfiguration(() => {
  ctx.clearSettings();
  diagnosticsRefresher.schedule();
  void indexWorkspace();
});

let indexRun = 0;

/**
 * Scans the workspace folders in the background and indexes every ideas file found, reporting a
 * percentage. A newer run (settings changed) supersedes an older one; files no longer found (or no
 * longer matching the settings) leave the index. Open documents are indexed from their editor text.
 */
async function indexWorkspace(): Promise<void> {
  const run = ++indexRun;
  const started = Date.now();
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Project Ideas: indexing', 0, 'looking for ideas files', false);
  let count = 0;
  try {
    const found: { uri: string; file: string }[] = [];
    for (const folder of workspaceFolders) {
      const root = uriToPath(folder.uri);
      const settings = await ctx.settingsFor(folder.uri);
      for await (const file of findIdeasFiles(root, settings)) {
        if (run !== indexRun) return;
        found.push({ uri: URI.file(file).toString(), file });
        if (found.length % 50 === 0) progress?.report(0, `found ${found.length} files`);
      }
    }
    const keep = new Set(found.map((f) => f.uri));
    for (const file of [...ctx.index.all()]) {
      if (!keep.has(file.uri) && !documents.get(file.uri)) ctx.index.delete(file.uri);
    }
    let lastPercent = -1;
    for (const { uri, file } of found) {
      if (run !== indexRun) return;
      if (!documents.get(uri)) await indexFile(uri, file);
      count++;
      const percent = Math.floor((count * 100) / found.length);
      if (percent !== lastPercent) {
        lastPercent = percent;
        progress?.report(percent, `${count}/${found.length} files`);
      }
      // Yield between files so requests are answered while indexing runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const k = ctx.knowledge;
    connection.console.info(
      `Project Ideas: indexed ${count} files in ${Date.now() - started} ms: ${k.mentors().length} mentors, ${k.skills().length} skills, ${k.targets().length} upstream targets, ${k.proposalCount()} distinct proposals.`,
    );
  } finally {
    progress?.done();
  }
}

async function indexFile(uri: string, file: string): Promise<void> {
  try {
    // A file over projectIdeas.maxFileSize gets the outline only when opened; the index skips it.
    const text = await readIndexable(file, (await ctx.settingsFor(uri)).maxFileSize);
    if (text === undefined) {
      ctx.index.delete(uri);
      return;
    }
    // Scanned chunk by chunk (each distinct chunk once across the workspace's versions of a file),
    // giving the event loop back every few ms so requests are answered meanwhile.
    const model = (await parseFullAsync(text, { path: file })).model;
    if (!documents.get(uri)) ctx.index.set(uri, file, model);
  } catch {
    ctx.index.delete(uri);
  }
}

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  for (const change of changes) {
    if (isWorkspaceDataFile(change.uri)) {
      void loadWorkspaceData(ctx, workspaceFolders.map((f) => uriToPath(f.uri))).then(() => diagnosticsRefresher.schedule());
      continue;
    }
    if (documents.get(change.uri)) continue;
    const file = uriToPath(change.uri);
    if (change.type === FileChangeType.Deleted) {
      ctx.index.delete(change.uri);
      ctx.index.deleteUnder(change.uri);
      continue;
    }
    const settings = await ctx.settingsFor(change.uri);
    const text = await readIndexable(file, settings.maxFileSize);
    if (text !== undefined && isIdeasFile(file, text, settings)) ctx.index.set(change.uri, file, parseFull(text, { path: file }).model);
    else ctx.index.delete(change.uri);
  }
});

/** A file's text for the index, or undefined when it is unreadable or over `maxFileSize`. */
async function readIndexable(file: string, maxFileSize: number): Promise<string | undefined> {
  try {
    if ((await fs.stat(file)).size > maxFileSize) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

documents.onDidClose(({ document }) => {
  ctx.forget(document.uri);
  if (!ctx.index.get(document.uri)) return;
  // The file on disk is what the workspace knows once the editor lets go of it.
  const file = uriToPath(document.uri);
  void ctx
    .settingsFor(document.uri)
    .then(({ maxFileSize }) => readIndexable(file, maxFileSize))
    .then((text) => (text === undefined ? ctx.index.delete(document.uri) : ctx.index.set(document.uri, file, parseFull(text, { path: file }).model)))
    .catch(() => ctx.index.delete(document.uri));
});

/** The outline per model (one model per document version), with its JSON text: an unchanged version is not rebuilt. */
const symbolCache = new WeakMap<IdeasModel, DocumentSymbol[]>();

connection.onDocumentSymbol(async ({ textDocument }) => {
  const found = await ctx.modelFor(textDocument.uri);
  if (!found) return [];
  let symbols = symbolCache.get(found.model);
  if (!symbols) {
    const built = outline(found.model);
    symbolCache.set(found.model, (symbols = withJson(built.symbols, built.json)));
  }
  return symbols;
});

connection.onWorkspaceSymbol(({ query }, token) => {
  // A synchronous pass over the index capped at 500 results: cancellation is honoured before it.
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  ctx.flushIndex(); // open documents' newest models first
  return workspaceSymbols(ctx.index, query);
});

/**
 * Files over `projectIdeas.maxFileSize` get the outline only: no hover or completion (their
 * diagnostics say why, once, as a `file-too-large` information).
 */
async function overSizeLimit(document: TextDocument): Promise<boolean> {
  return ctx.isOverSize(document, (await ctx.settingsFor(document.uri)).maxFileSize);
}

connection.onHover(async ({ textDocument, position }) => {
  const found = await ctx.modelFor(textDocument.uri);
  if (!found || (await overSizeLimit(found.document))) return null;
  const term = ctx.index.get(textDocument.uri)?.term;
  return hover(found.model, textDocument.uri, term, position, ctx) ?? null;
});

connection.onCompletion(async ({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  if (!document || !(await ctx.isIdeasDocument(document)) || (await overSizeLimit(document))) return null;
  // The cached model (possibly a keystroke old) plus the current line: no parse per keystroke.
  const model = ctx.lastModel(document.uri) ?? ctx.modelOf(document);
  const lineText = (n: number) => (n < 0 ? '' : document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/(?:\r\n|\r|\n)$/, ''));
  return completion(model, position, lineText(position.line), ctx, lineText(position.line - 1));
});

connection.onCompletionResolve((item) => resolveCompletion(item, ctx.knowledge));

connection.onRequest(ENTRY_SNIPPET_REQUEST, async (params: EntrySnippetParams): Promise<EntrySnippetResult | null> => {
  const found = await ctx.modelFor(params.textDocument.uri);
  if (!found) return null;
  const line = params.position.line;
  const text = (n: number) => (n < 0 ? undefined : found.document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, ''));
  return { snippet: entrySnippet(found.model, params.kind, text(line) ?? '', text(line - 1)) };
});

connection.languages.diagnostics.on(async ({ textDocument }, token): Promise<DocumentDiagnosticReport> => {
  try {
    // Always a full report: telling an unchanged one apart costs a whole comparison of the report,
    // measured as dear as sending it (scripts/bench.ts).
    return fullReport(await documentDiagnostics(ctx, textDocument.uri, token));
  } catch (error) {
    // Cancelled, or for a version that is gone: no work done; the client asks again when it wants.
    if (error instanceof StaleRequest) {
      throw new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: !error.cancelled });
    }
    throw error;
  }
});

connection.onCodeAction((params) => codeActions(ctx, params));

/** `projectIdeas/stats`: the server's memory (after a collection when node runs with --expose-gc) and counts, for load and cache tests. */
connection.onRequest('projectIdeas/stats', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { memory: process.memoryUsage(), gc: !!gc, openDocuments: documents.all().length, indexedFiles: ctx.index.size, indexRevision: ctx.index.revision, analysesRun: ctx.analysesRun };
});

documents.listen(connection);
connection.listen();
