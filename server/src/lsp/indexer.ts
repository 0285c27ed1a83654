// The workspace indexer: every ideas file of the workspace folders in the workspace index (read from
// disk; open documents come from the editor), kept up to date as files change on disk or are closed.
// It yields to the editor: the first run waits until the open documents have been answered (or the
// client has been quiet a while), settings are read once per workspace folder, progress is reported
// at a human rate, and the diagnostics refresh the index changes call for is one, at the end.
import { promises as fs } from 'node:fs';
import { FileChangeType, type Connection, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { ServerContext } from '../context';
import { isIdeasFile, matchesIdeasGlobs } from '../core/ideasFiles';
import { parseFull, parseFullAsync } from '../core/incremental';
import { markdownFilesUnder, readHead } from '../core/scan';
import type { Settings } from '../settings';
import type { DocumentKindService, KindIndexing } from './documentKind';
import { uriToPath } from './documents';
import type { DiagnosticsRefresher } from './refresh';

export interface IndexerOptions {
  /** How long (ms) the open documents' diagnostics stay answered before the first run starts. */
  settleMs?: number;
  /** Quiet time (ms) after which the first run starts whatever was answered. */
  idleMs?: number;
  /** The latest (ms) the first run starts after it was asked for, however busy the client keeps the server. */
  maxWaitMs?: number;
  /** Least time (ms) between two progress reports. */
  progressMs?: number;
}

const DEFAULTS: Required<IndexerOptions> = { settleMs: 200, idleMs: 1000, maxWaitMs: 3000, progressMs: 500 };

/** A file's text for the index, or undefined when it is unreadable or over `maxFileSize`. */
export async function readIndexable(file: string, maxFileSize: number): Promise<string | undefined> {
  try {
    if ((await fs.stat(file)).size > maxFileSize) return undefined;
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export class WorkspaceIndexer {
  folders: WorkspaceFolder[] = [];
  private run = 0;
  private readonly options: Required<IndexerOptions>;
  /** When the client last asked or told the server something (see `touch`). */
  private lastActivity = Date.now();
  /** Open documents whose diagnostics were answered, by version. */
  private readonly answered = new Map<string, number>();
  /** Settled when the first run may start. */
  private started: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly server: ServerContext,
    private readonly connection: Connection,
    private readonly refresher: DiagnosticsRefresher,
    options: IndexerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The client asked or told something: the first run waits for a quiet moment. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  /** An open document's diagnostics were answered (the editor has what it shows first). */
  answeredDiagnostics(uri: string, version: number): void {
    this.answered.set(uri, version);
    this.touch();
  }

  forget(uri: string): void {
    this.answered.delete(uri);
  }

  /** Ends the current run and starts none (the server is shutting down). */
  stop(): void {
    this.run++;
    this.stopped = true;
  }

  /**
   * Indexes the workspace folders in the background, reporting progress. A newer run (settings
   * changed) supersedes an older one; files no longer found (or no longer matching the settings)
   * leave the index. Open documents are indexed from their editor text.
   */
  index(): Promise<void> {
    // Never a rejected promise: an unhandled rejection would end the server's process.
    return this.indexRun().catch((error) => this.connection.console.error(`Project Ideas: indexing failed: ${String((error as Error)?.stack ?? error)}`));
  }

  private async indexRun(): Promise<void> {
    if (this.stopped) return;
    const run = ++this.run;
    this.server.indexing = true;
    this.started ??= this.quietMoment();
    await this.started;
    if (run !== this.run) return;
    const { server, connection } = this;
    const started = Date.now();
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Project Ideas: indexing', 0, 'looking for ideas files', false);
    let lastReport = 0;
    const report = (percent: number, message: string, last = false) => {
      const now = Date.now();
      if (now - lastReport < this.options.progressMs && !last) return;
      lastReport = now;
      progress?.report(percent, message);
    };
    this.refresher.hold();
    let count = 0;
    try {
      const found: { uri: string; file: string; settings: Settings; owner: KindIndexing | 'ideas' }[] = [];
      for (const folder of this.folders) {
        const root = uriToPath(folder.uri);
        // One workspace/configuration request per folder, not per file.
        const settings = await server.settings.for(folder.uri);
        for await (const file of markdownFilesUnder(root)) {
          if (run !== this.run) return;
          const owner = await this.ownerOnDisk(file, settings);
          if (!owner) continue;
          found.push({ uri: URI.file(file).toString(), file, settings, owner });
          report(0, `found ${found.length} files`);
        }
      }
      const keep = new Set(found.map((f) => f.uri));
      for (const file of [...server.index.all()]) {
        if (!keep.has(file.uri) && !server.documents.get(file.uri)) server.index.delete(file.uri);
      }
      for (const kind of this.kindIndexes()) {
        for (const uri of [...kind.uris(server)]) if (!keep.has(uri)) this.changedOthers(kind.delete(server, uri));
      }
      for (const { uri, file, settings, owner } of found) {
        if (run !== this.run) return;
        if (server.documents.get(uri)) {
          // Open: the editor's text is what counts.
        } else if (owner === 'ideas') await this.indexFile(uri, file, settings);
        else await this.indexKindFile(owner, uri, file, settings);
        count++;
        report(Math.floor((count * 100) / found.length), `${count}/${found.length} files`, count === found.length);
        // Yield between files so requests are answered while indexing runs.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const k = server.knowledge;
      connection.console.info(
        `Project Ideas: indexed ${count} files in ${Date.now() - started} ms: ${k.mentors().length} mentors, ${k.skills().length} skills, ${k.targets().length} upstream targets, ${k.proposalCount()} distinct proposals.`,
      );
      server.indexing = false;
    } finally {
      progress?.done();
      // The index changes of the run: one refresh (when any was called for).
      this.refresher.release();
    }
  }

  /** Files changed on disk: closed ideas files (and other kinds' files) are read again; deleted ones (or folders) leave the index. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    const server = this.server;
    for (const change of changes) {
      if (server.documents.get(change.uri)) continue;
      const file = uriToPath(change.uri);
      if (change.type === FileChangeType.Deleted) {
        server.index.delete(change.uri);
        server.index.deleteUnder(change.uri);
        const prefix = change.uri.endsWith('/') ? change.uri : `${change.uri}/`;
        for (const kind of this.kindIndexes()) {
          for (const uri of [...kind.uris(server)]) if (uri === change.uri || uri.startsWith(prefix)) this.changedOthers(kind.delete(server, uri));
        }
        continue;
      }
      const settings = await this.settingsOfFile(change.uri);
      const text = await readIndexable(file, settings.maxFileSize);
      const owner = text === undefined ? undefined : this.ownerOf(file, text, settings);
      if (owner === 'ideas') server.index.set(change.uri, file, parseFull(text!, { path: file }).model);
      else server.index.delete(change.uri);
      this.setKindFile(owner, change.uri, file, text);
    }
  }

  /** A document was closed: the file on disk is what the workspace knows once the editor lets go of it. */
  closed(uri: string): void {
    this.forget(uri);
    const server = this.server;
    if (!server.index.get(uri)) {
      // Another kind's file (a draft) counts from disk again.
      if (uri.startsWith('file:') && this.kindIndexes().length) {
        const file = uriToPath(uri);
        void this.settingsOfFile(uri)
          .then(async (settings) => {
            const text = await readIndexable(file, settings.maxFileSize);
            this.setKindFile(text === undefined ? undefined : this.ownerOf(file, text, settings), uri, file, text);
          })
          .catch(() => undefined);
      }
      return;
    }
    const file = uriToPath(uri);
    void server.settings
      .for(uri)
      .then(({ maxFileSize }) => readIndexable(file, maxFileSize))
      .then((text) => (text === undefined ? server.index.delete(uri) : server.index.set(uri, file, parseFull(text, { path: file }).model)))
      .catch(() => server.index.delete(uri));
  }

  /** The kinds holding files of the workspace besides the ideas index (lsp/documentKind.ts `indexing`). */
  private kindIndexes(): KindIndexing[] {
    return this.server.kinds.all.flatMap((kind: DocumentKindService) => (kind.indexing ? [kind.indexing] : []));
  }

  /** Which index a file found on disk belongs to, as the kinds recognise an open document: globs first, then content. */
  private async ownerOnDisk(file: string, settings: Settings): Promise<KindIndexing | 'ideas' | undefined> {
    const kinds = this.kindIndexes();
    const byPath = kinds.find((kind) => kind.indexes(file, undefined, settings));
    if (byPath) return byPath;
    if (matchesIdeasGlobs(file, settings.files)) return 'ideas';
    if (!settings.detectByContent) return undefined;
    const head = await readHead(file);
    return head === undefined ? undefined : (kinds.find((k) => k.indexes(file, head, settings)) ?? (isIdeasFile(file, head, settings) ? 'ideas' : undefined));
  }

  /** The same from a file's text. */
  private ownerOf(file: string, text: string, settings: Settings): KindIndexing | 'ideas' | undefined {
    const kinds = this.kindIndexes();
    const byPath = kinds.find((k) => k.indexes(file, undefined, settings));
    if (byPath) return byPath;
    if (matchesIdeasGlobs(file, settings.files)) return 'ideas';
    return kinds.find((k) => k.indexes(file, text, settings)) ?? (isIdeasFile(file, text, settings) ? 'ideas' : undefined);
  }

  /** A file's text goes to its kind's index and leaves the others'. */
  private setKindFile(owner: KindIndexing | 'ideas' | undefined, uri: string, file: string, text: string | undefined): void {
    for (const kind of this.kindIndexes()) {
      this.changedOthers(kind === owner && text !== undefined ? kind.set(this.server, uri, file, text) : kind.delete(this.server, uri));
    }
  }

  private async indexKindFile(owner: KindIndexing, uri: string, file: string, settings: Settings): Promise<void> {
    const text = await readIndexable(file, settings.maxFileSize);
    if (!this.server.documents.get(uri)) this.setKindFile(text === undefined ? undefined : owner, uri, file, text);
  }

  /** Another kind's index changed what the open documents' findings read: they are pulled again. */
  private changedOthers(changed: boolean): void {
    if (changed) this.refresher.schedule();
  }

  private async indexFile(uri: string, file: string, settings: Settings): Promise<void> {
    const server = this.server;
    try {
      // A file over projectIdeas.maxFileSize gets the outline only when opened; the index skips it.
      const text = await readIndexable(file, settings.maxFileSize);
      if (text === undefined) {
        server.index.delete(uri);
        return;
      }
      // Scanned chunk by chunk (each distinct chunk once across the workspace's versions of a file),
      // giving the event loop back every few ms so requests are answered meanwhile.
      const model = (await parseFullAsync(text, { path: file })).model;
      if (!server.documents.get(uri)) server.index.set(uri, file, model);
    } catch {
      server.index.delete(uri);
    }
  }

  /** The settings of a file on disk: its workspace folder's (asked once), else its own. */
  private settingsOfFile(uri: string): Promise<Settings> {
    const folder = this.folders
      .filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`))
      .sort((a, b) => b.uri.length - a.uri.length)[0];
    return this.server.settings.for(folder?.uri ?? uri);
  }

  /**
   * Resolves once the editor has what it shows first: every open document's diagnostics answered at
   * its current version for `settleMs` (the outline and the rest of the first requests come with
   * them), or `idleMs` without a message (a client that never pulls, or nothing open), or at the
   * latest `maxWaitMs` after the first run was asked for. Polled, cheaply, every 50 ms.
   */
  private quietMoment(): Promise<void> {
    const { settleMs, idleMs, maxWaitMs } = this.options;
    const asked = Date.now();
    let answeredSince: number | undefined;
    return new Promise((resolve) => {
      const poll = () => {
        const now = Date.now();
        const open = this.server.documents.all();
        const answered = open.length > 0 && open.every((d) => this.answered.get(d.uri) === d.version);
        answeredSince = answered ? (answeredSince ?? now) : undefined;
        if (this.stopped || now - this.lastActivity >= idleMs || (answeredSince !== undefined && now - answeredSince >= settleMs) || now - asked >= maxWaitMs) resolve();
        else setTimeout(poll, 50);
      };
      poll();
    });
  }
}
