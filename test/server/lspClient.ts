// Speaks the protocol to the language server as an editor would: in process, over an in-memory
// connection pair driving configureServer (most tests: fast, same handlers), or to the bundled
// dist/server.js spawned over stdio (the tests guarding the bundle, stdio and the process).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, StreamMessageReader as ServerReader } from 'vscode-languageserver/node';
import { configureServer, type ServerOptions } from '../../server/src/lsp/configure';
import { createDocuments } from '../../server/src/lsp/documents';
import { stdoutWriter } from '../../server/src/preserialized';
import type { CustomRequest } from '../../server/src/protocol';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** Workspace folder paths (absolute). */
  folders?: string[];
  /** What `workspace/configuration` answers for section `projectIdeas`. */
  settings?: unknown;
  /** Extra client capabilities merged into the defaults. */
  capabilities?: Record<string, unknown>;
  /** In process only: options of configureServer (e.g. when the first indexing starts). */
  server?: ServerOptions;
}

/** In-process servers start indexing soon after the client goes quiet (tests wait for its effects). */
const IN_PROCESS_SERVER: ServerOptions = { indexer: { settleMs: 50, idleMs: 200, maxWaitMs: 1000 } };

/** A language server in this process on an in-memory pipe pair: the client's end. */
function inProcessServer(options: ServerOptions): { connection: MessageConnection; dispose(): void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // The server writes with the stdio encoder (preserialized.ts), as over stdio.
  const serverConnection = createConnection(ProposedFeatures.all, new ServerReader(toServer), stdoutWriter(toClient));
  configureServer(serverConnection, createDocuments(), options);
  serverConnection.listen();
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    connection,
    dispose() {
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

export class LspClient {
  readonly notifications: { method: string; params: any }[] = [];
  /** Requests the server sent to the client (workspace/configuration, refresh, progress…), in order. */
  readonly serverRequests: { method: string; params: any }[] = [];
  readonly stderr: string[] = [];
  /** What the server answered to `initialize` (its capabilities). */
  initializeResult: any;
  private versions = new Map<string, number>();
  settings: unknown;

  private constructor(
    readonly connection: MessageConnection,
    /** The spawned server (LspClient.spawn); undefined in process. */
    private readonly child: ChildProcess | undefined,
    private readonly disposeServer: () => void,
  ) {}

  /** The spawned server's process (LspClient.spawn only). */
  get process(): ChildProcess {
    if (!this.child) throw new Error('an in-process server has no process: use LspClient.spawn');
    return this.child;
  }

  /** A server in this process (configureServer on an in-memory connection pair), initialized. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const server = inProcessServer({ ...IN_PROCESS_SERVER, ...options.server });
    return new LspClient(server.connection, undefined, () => server.dispose()).initialize(options, null);
  }

  /** The bundled dist/server.js over stdio, initialized (PI_SERVER_NODE_ARGS: extra node arguments). */
  static async spawn(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(process.env.PI_SERVER_NODE_ARGS ? process.env.PI_SERVER_NODE_ARGS.split(' ') : []), SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(connection, child, () => child.kill());
    child.stderr!.on('data', (chunk) => client.stderr.push(String(chunk)));
    return client.initialize(options, process.pid);
  }

  private async initialize(options: StartOptions, processId: number | null): Promise<LspClient> {
    const connection = this.connection;
    this.settings = options.settings ?? {};
    connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
    });
    const answer = (method: string, result: (params: any) => unknown) =>
      connection.onRequest(method, (params: any) => {
        this.serverRequests.push({ method, params });
        return result(params);
      });
    answer('workspace/configuration', (params) => params.items.map((item: any) => (item.section === 'projectIdeas' ? this.settings : null)));
    answer('window/workDoneProgress/create', () => null);
    answer('client/registerCapability', () => null);
    answer('workspace/diagnostic/refresh', () => null);
    answer('workspace/semanticTokens/refresh', () => null);
    connection.listen();
    const folders = (options.folders ?? []).map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) }));
    this.initializeResult = await connection.sendRequest('initialize', {
      processId,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          diagnostic: { relatedDocumentSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
        ...(options.capabilities ?? {}),
      },
    });
    await connection.sendNotification('initialized', {});
    return this;
  }

  /** How many requests of `method` the server sent to the client so far. */
  requestsOf(method: string): { method: string; params: any }[] {
    return this.serverRequests.filter((r) => r.method === method);
  }

  /** A custom request of server/src/protocol.ts, typed by its definition. */
  send<P, R>(request: CustomRequest<P, R>, params: P): Promise<R> {
    return this.connection.sendRequest(request.method, params) as Promise<R>;
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends an incremental change (`range` given) or a full replacement. */
  change(uri: string, changes: ({ range: any; text: string } | { text: string })[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Polls `probe` until it returns a truthy value (never a fixed sleep); rejects after `timeoutMs`. */
  async waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value as T;
      if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // `exit` ends the server's process: only a spawned one.
      if (this.child) void this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.disposeServer();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
