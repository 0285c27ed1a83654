// Drives the real dist/server.js over stdio, as an editor would. Used by every protocol test.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** Workspace folder paths (absolute). */
  folders?: string[];
  /** What `workspace/configuration` answers for section `projectIdeas`. */
  settings?: unknown;
  /** Extra client capabilities merged into the defaults. */
  capabilities?: Record<string, unknown>;
}

export class LspClient {
  readonly notifications: { method: string; params: any }[] = [];
  readonly stderr: string[] = [];
  private versions = new Map<string, number>();
  settings: unknown;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(process.env.PI_SERVER_NODE_ARGS ? process.env.PI_SERVER_NODE_ARGS.split(' ') : []), SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    client.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk) => client.stderr.push(String(chunk)));
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
    });
    connection.onRequest('workspace/configuration', (params: any) =>
      params.items.map((item: any) => (item.section === 'projectIdeas' ? client.settings : null)),
    );
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.listen();
    const folders = (options.folders ?? []).map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) }));
    await connection.sendRequest('initialize', {
      processId: process.pid,
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
    return client;
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
      void this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
