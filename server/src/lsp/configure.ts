// Every handler of the language server, on a given connection and document store: the process's
// stdio connection (server.ts) or an in-memory pair (test/server). Handlers find the document's kind
// (lsp/kinds.ts) and call its service; nothing here analyses text.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ServerCapabilities,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { ServerContext } from '../context';
import { FIX_ALL_KIND } from '../features/codeActions';
import { PROPOSE_AGAIN_KIND } from '../features/drafts/proposeAgainAction';
import { COMPLETION_TRIGGERS } from '../features/completion';
import { documentDiagnostics, fullReport } from '../features/diagnostics';
import { StaleRequest } from './analyses';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { entrySnippetRequest, statsRequest, type CustomRequest, type ServerStats } from '../protocol';
import { isWorkspaceDataPath } from '../workspaceData';
import type { DocumentKindService, KindRequest } from './documentKind';
import { uriToPath, type EditRecordingDocuments } from './documents';
import { WorkspaceIndexer, type IndexerOptions } from './indexer';
import { DiagnosticsRefresher } from './refresh';

export interface ServerOptions {
  /** The document kinds served (default: every kind of lsp/kinds.ts). */
  kinds?: readonly DocumentKindService[];
  /** When the first workspace indexing starts, and how often it reports progress. */
  indexer?: IndexerOptions;
}

/** A custom request's handler, typed by its definition in ../protocol.ts. */
function onCustomRequest<P, R>(connection: Connection, request: CustomRequest<P, R>, handler: (params: P) => R | Promise<R>): void {
  connection.onRequest(request.method, (params: unknown): unknown => handler(params as P));
}

/** Registers every handler on `connection` and starts listening to `documents`; returns the stores. */
export function configureServer(connection: Connection, documents: EditRecordingDocuments, options: ServerOptions = {}): ServerContext {
  const server = new ServerContext(connection, documents, options.kinds);
  const refresher = new DiagnosticsRefresher(connection);
  const indexer = new WorkspaceIndexer(server, connection, refresher, options.indexer);
  server.index.onDidChange(() => refresher.schedule());
  const loadData = () => server.data.load(indexer.folders.map((f) => uriToPath(f.uri)));

  /** The document's kind and settings, for a handler (undefined: not open, or no kind owns it). */
  const requestFor = (uri: string) => {
    indexer.touch();
    return server.kinds.request(uri);
  };
  /** Files over `projectIdeas.maxFileSize` get the outline only: no hover, completion, lens or hint. */
  const withinSize = (request: KindRequest) => !server.models.isOverSize(request.document, request.settings.maxFileSize);
  const commands = new Map(server.kinds.all.flatMap((kind) => Object.entries(kind.commands ?? {})));

  connection.onInitialize((params): InitializeResult => {
    server.settings.supported = !!params.capabilities.workspace?.configuration;
    refresher.supported = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    indexer.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' } satisfies WorkspaceFolder] : []);
    const has = (service: keyof DocumentKindService) => server.kinds.all.some((kind) => kind[service] !== undefined);
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Project Ideas' },
      workspaceSymbolProvider: true,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, PROPOSE_AGAIN_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
      ...(has('codeLenses') ? { codeLensProvider: { resolveProvider: false } } : {}),
      ...(has('inlayHints') ? { inlayHintProvider: { resolveProvider: false } } : {}),
      ...(commands.size ? { executeCommandProvider: { commands: [...commands.keys()] } } : {}),
    };
    return { capabilities, serverInfo: { name: 'project-ideas' } };
  });

  connection.onInitialized(() => {
    if (server.settings.supported) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'projectIdeas' });
    }
    // Analyses wait for the data files (server.data.ready): their first answers need no refresh.
    void loadData();
    // The open documents enter the index as they are answered, then the workspace: one refresh at
    // the end of the first run, for all of it.
    refresher.hold();
    void indexer.index().finally(() => refresher.release());
  });

  connection.onShutdown(() => {
    indexer.stop();
    refresher.stop();
  });

  connection.onDidChangeConfiguration(() => {
    server.settings.clear();
    refresher.schedule();
    void indexer.index();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((change) => isWorkspaceDataPath(uriToPath(change.uri)))) void loadData().then(() => refresher.schedule());
    return indexer.filesChanged(changes.filter((change) => !isWorkspaceDataPath(uriToPath(change.uri))));
  });

  documents.onDidOpen(() => indexer.touch());
  documents.onDidChangeContent(() => indexer.touch());
  documents.onDidClose(({ document }) => {
    server.forget(document.uri);
    indexer.closed(document.uri);
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const request = await requestFor(textDocument.uri);
    return (await request?.kind.outline?.(request)) ?? [];
  });

  connection.onWorkspaceSymbol(({ query }, token) => {
    // A synchronous pass over the index capped at 500 results: cancellation is honoured before it.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    server.models.flushIndex(); // open documents' newest models first
    return workspaceSymbols(server.index, query);
  });

  connection.onHover(async ({ textDocument, position }) => {
    const request = await requestFor(textDocument.uri);
    if (!request?.kind.hover || !withinSize(request)) return null;
    return (await request.kind.hover(request, position)) ?? null;
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const request = await requestFor(textDocument.uri);
    if (!request?.kind.completion || !withinSize(request)) return null;
    return (await request.kind.completion(request, position)) ?? null;
  });

  connection.onCompletionResolve(async (item) => {
    for (const kind of server.kinds.all) {
      const resolved = await kind.resolveCompletion?.(item, server);
      if (resolved) return resolved;
    }
    return item;
  });

  connection.languages.diagnostics.on(async ({ textDocument }, token): Promise<DocumentDiagnosticReport> => {
    indexer.touch();
    const version = documents.get(textDocument.uri)?.version;
    try {
      // Always a full report: telling an unchanged one apart costs a whole comparison of the report,
      // measured as dear as sending it (scripts/bench.ts).
      const report = fullReport(await documentDiagnostics(server, textDocument.uri, token));
      if (version !== undefined) indexer.answeredDiagnostics(textDocument.uri, version);
      return report;
    } catch (error) {
      // Cancelled, or for a version that is gone: no work done; the client asks again when it wants.
      if (error instanceof StaleRequest) {
        throw new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: !error.cancelled });
      }
      throw error;
    }
  });

  connection.onCodeAction(async (params) => {
    const request = await requestFor(params.textDocument.uri);
    return (await request?.kind.codeActions?.(request, params)) ?? [];
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const request = await requestFor(textDocument.uri);
    if (!request?.kind.codeLenses || !withinSize(request)) return [];
    return request.kind.codeLenses(request);
  });

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const request = await requestFor(textDocument.uri);
    if (!request?.kind.inlayHints || !withinSize(request)) return [];
    return request.kind.inlayHints(request, range);
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const run = commands.get(command);
    if (!run) throw new ResponseError(LSPErrorCodes.RequestFailed, `unknown command ${command}`);
    return run(args ?? [], server);
  });

  onCustomRequest(connection, entrySnippetRequest, async (params) => {
    const request = await requestFor(params.textDocument.uri);
    return (await request?.kind.entrySnippet?.(request, params)) ?? null;
  });

  onCustomRequest(connection, statsRequest, (): ServerStats => {
    // After a collection when node runs with --expose-gc.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    return {
      memory: process.memoryUsage(),
      gc: !!gc,
      openDocuments: documents.all().length,
      indexedFiles: server.index.size,
      indexRevision: server.index.revision,
      analysesRun: server.analyses.analysesRun,
      diagnosticRefreshes: refresher.sent,
    };
  });

  documents.listen(connection);
  return server;
}
