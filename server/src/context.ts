// What every feature handler needs: the connection, open documents, models cached by version, the
// newest analysis (rule findings) per document, per-document settings and the workspace index.
// Features read models; they never parse.
import type { Connection, Diagnostic, TextDocuments, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ProjectCatalog, Quotas } from './core/cncfProjects';
import { isIdeasFile } from './core/ideasFiles';
import { KnowledgeIndex } from './core/knowledge';
import type { IdeasModel } from './core/model';
import { applyEdits, parseFull, type IncrementalState, type TextEdit } from './core/incremental';
import { WorkspaceIndex } from './core/workspaceIndex';
import { RuleCache } from './rules';
import type { ResolvedFinding } from './rules/types';
import { resolveSettings, DEFAULT_SETTINGS, type Settings } from './settings';

export function uriToPath(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
  } catch {
    return uri;
  }
}

interface CachedModel {
  version: number;
  /** Text, model and what the incremental updater keeps (core/incremental.ts). */
  state: IncrementalState;
  /** Content changes received since `version`, in order; applied when the model is next asked for. */
  pending: { from: number; to: number; edits: TextEdit[] }[];
  /** Set when a change could not be recorded: the next model is a full parse. */
  broken: boolean;
}

/** Everything the findings of a document depend on besides its text; equal keys give equal findings. */
export interface AnalysisKey {
  version: number;
  settings: Settings;
  catalog: ProjectCatalog;
  quotas: Quotas;
  /** WorkspaceIndex.revisionExcept(the document): cross-file rules read the other files' entries. */
  indexRevision: number;
}

/** The findings of an open document's newest analysed version (features/diagnostics.ts fills it). */
export interface Analysis {
  key: AnalysisKey;
  findings: ResolvedFinding[];
  /** The findings as LSP diagnostics, converted on the first pull that needs them. */
  diagnostics?: Diagnostic[];
}

/** Pending changes kept per document before giving up and parsing whole on the next request. */
const MAX_PENDING = 1000;

/**
 * How long an edited open document's new model may wait before it reaches the workspace index (and
 * the KnowledgeIndex contribution rebuilt from it, ~1-3 ms on a big file, plus the mentor records
 * it invalidates). Cross-file answers (workspace symbols, other files' diagnostics, knowledge in
 * hovers) lag at most this much; the document's own model and diagnostics never do (the rules
 * that read the knowledge skip the document's own entries).
 */
const INDEX_DELAY_MS = 300;

/**
 * TextDocuments configuration that hands every content change to `onEdits` (in offsets of the text
 * it applies to, as TextDocument computes them) before applying it, so the model store can update
 * incrementally. Use: `new TextDocuments(recordingDocuments((...a) => ctx.recordEdits(...a)))`.
 */
export function recordingDocuments(
  onEdits: (uri: string, fromVersion: number, edits: TextEdit[], toVersion: number) => void,
): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update(document, changes, version) {
      const from = document.version;
      const edits: TextEdit[] = [];
      let doc = document;
      for (const change of changes) {
        if ('range' in change && change.range) {
          const a = doc.offsetAt(change.range.start);
          const b = doc.offsetAt(change.range.end);
          edits.push({ start: Math.min(a, b), end: Math.max(a, b), text: change.text });
        } else edits.push({ start: 0, end: doc.getText().length, text: change.text });
        // One change at a time, so each edit's offsets refer to the text it applies to.
        doc = TextDocument.update(doc, [change], version);
      }
      try {
        onEdits(document.uri, from, edits, version);
      } catch {
        // Recording must never break synchronisation.
      }
      return doc;
    },
  };
}

export class ServerContext {
  readonly index = new WorkspaceIndex();
  private catalogValue: ProjectCatalog = ProjectCatalog.snapshot();
  /** CNCF projects: the workspace's projects.yml when loaded, else the shipped snapshot. */
  get catalog(): ProjectCatalog {
    return this.catalogValue;
  }
  set catalog(value: ProjectCatalog) {
    this.catalogValue = value;
    this.knowledge.catalogChanged();
  }
  /** Proposals allowed per project per term: the workspace's quotas.yml when loaded, else the defaults. */
  quotas: Quotas = Quotas.defaults();
  /** Mentors, upstream targets, skills and project sections across the index, updated per file. */
  readonly knowledge = KnowledgeIndex.attach(this.index, () => this.catalogValue);
  private readonly models = new Map<string, CachedModel>();
  /** Per open document: rule findings of the projects an edit left unchanged (rules/index.ts). */
  private readonly ruleCaches = new Map<string, RuleCache>();
  /** Per open document: its newest analysis, so pulls and code actions on one version run the rules once. */
  private readonly analyses = new Map<string, Analysis>();
  /** Documents whose newest model is waiting to reach the index (see INDEX_DELAY_MS). */
  private readonly indexTimers = new Map<string, NodeJS.Timeout>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly byteSizes = new Map<string, { version: number; bytes: number }>();
  private readonly reportedProblems = new Set<string>();
  /** Analyses run (not reused) since start: projectIdeas/stats reports it, so tests can see reuse. */
  analysesRun = 0;
  /** Set once the client says it can answer workspace/configuration. */
  configurationSupported = false;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Settings for a document, fetched once per uri until the configuration changes. */
  settingsFor(uri: string): Promise<Settings> {
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.fetchSettings(uri);
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  clearSettings(): void {
    this.settingsCache.clear();
    this.reportedProblems.clear();
  }

  private async fetchSettings(uri: string): Promise<Settings> {
    if (!this.configurationSupported) return DEFAULT_SETTINGS;
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'projectIdeas' });
    } catch {
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = resolveSettings(raw);
    for (const problem of problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      // A notification, not a request: a client that never answers must not leave a rejected promise.
      void this.connection.sendNotification('window/showMessage', { type: 2, message: `Project Ideas: ${problem}` });
    }
    return settings;
  }

  /** Whether an open document is a project-ideas file under its settings. */
  async isIdeasDocument(document: TextDocument): Promise<boolean> {
    const settings = await this.settingsFor(document.uri);
    return isIdeasFile(uriToPath(document.uri), document.getText(), settings);
  }

  /** The model of an open ideas document at its current version; parsed at most once per version. */
  async modelFor(uri: string): Promise<{ document: TextDocument; model: IdeasModel } | undefined> {
    const document = this.documents.get(uri);
    if (!document || !(await this.isIdeasDocument(document))) return undefined;
    return { document, model: this.modelOf(document) };
  }

  /**
   * The cached model of a document, brought to its version when new: the changes received since
   * the cached version are applied incrementally (core/incremental.ts; only the edited chunk is
   * re-scanned), else the text is parsed whole.
   */
  modelOf(document: TextDocument): IdeasModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.state.model;
    const text = document.getText();
    let state: IncrementalState | undefined;
    if (cached && !cached.broken && cached.pending.length && cached.pending[cached.pending.length - 1].to === document.version) {
      try {
        const edits: TextEdit[] = [];
        for (const p of cached.pending) edits.push(...p.edits);
        state = applyEdits(cached.state, edits, { textAfter: text });
        // The recorded edits must rebuild the editor's text (the very string, normally: no
        // comparison); anything else is a bug: parse whole.
        if (state.text !== text) state = undefined;
      } catch {
        state = undefined;
      }
    }
    state ??= parseFull(text, { path: uriToPath(document.uri) });
    this.models.set(document.uri, { version: document.version, state, pending: [], broken: false });
    // A new document goes into the index at once; later versions at most INDEX_DELAY_MS later.
    if (cached && this.index.get(document.uri)) this.indexSoon(document.uri);
    else this.indexNow(document.uri);
    return state.model;
  }

  /**
   * Whether an open document's text is over `maxFileSize` bytes of UTF-8, counted once per version
   * (and not at all when the length alone decides: UTF-8 takes 1 to 3 bytes per UTF-16 unit).
   */
  isOverSize(document: TextDocument, maxFileSize: number): boolean {
    const length = document.getText().length;
    if (length > maxFileSize) return true;
    if (length * 3 <= maxFileSize) return false;
    let known = this.byteSizes.get(document.uri);
    if (known?.version !== document.version) this.byteSizes.set(document.uri, (known = { version: document.version, bytes: Buffer.byteLength(document.getText(), 'utf8') }));
    return known.bytes > maxFileSize;
  }

  /** The lines of an open document at its version (carried over edits with its model). */
  linesOf(document: TextDocument): readonly string[] {
    this.modelOf(document);
    const idx = this.models.get(document.uri)?.state.idx;
    return idx ? idx.lines() : document.getText().split(/\r\n|\r|\n/);
  }

  private indexNow(uri: string): void {
    const timer = this.indexTimers.get(uri);
    if (timer) clearTimeout(timer);
    this.indexTimers.delete(uri);
    const cached = this.models.get(uri);
    if (cached) this.index.set(uri, uriToPath(uri), cached.state.model);
  }

  /** Throttled, not debounced: steady typing still reaches the index every INDEX_DELAY_MS. */
  private indexSoon(uri: string): void {
    if (this.indexTimers.has(uri)) return;
    const timer = setTimeout(() => this.indexNow(uri), INDEX_DELAY_MS);
    timer.unref?.();
    this.indexTimers.set(uri, timer);
  }

  /** Sends every waiting model to the index now (tests and the benchmark; features need not). */
  flushIndex(): void {
    for (const uri of [...this.indexTimers.keys()]) this.indexNow(uri);
  }

  /** Records content changes of an open document (called by the TextDocuments hook). */
  recordEdits(uri: string, fromVersion: number, edits: TextEdit[], toVersion: number): void {
    const cached = this.models.get(uri);
    if (!cached || cached.broken) return; // no model yet: the first request parses whole
    const last = cached.pending.length ? cached.pending[cached.pending.length - 1].to : cached.version;
    if (last !== fromVersion || cached.pending.length >= MAX_PENDING) {
      cached.broken = true;
      cached.pending = [];
      return;
    }
    cached.pending.push({ from: fromVersion, to: toVersion, edits });
  }

  /** True while `version` is the document's current version (for dropping stale work). */
  isCurrent(uri: string, version: number): boolean {
    return this.documents.get(uri)?.version === version;
  }

  /**
   * The last model parsed for an open document, whatever its version (completion answers from it
   * plus the line being typed rather than parsing each keystroke); undefined when none was parsed.
   */
  lastModel(uri: string): IdeasModel | undefined {
    return this.models.get(uri)?.state.model;
  }

  ruleCacheFor(uri: string): RuleCache {
    let cache = this.ruleCaches.get(uri);
    if (!cache) this.ruleCaches.set(uri, (cache = new RuleCache()));
    return cache;
  }

  lastAnalysis(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  rememberAnalysis(uri: string, analysis: Analysis): void {
    this.analysesRun++;
    // A document closed meanwhile is forgotten, not remembered again.
    if (this.documents.get(uri)) this.analyses.set(uri, analysis);
  }

  forget(uri: string): void {
    this.byteSizes.delete(uri);
    this.ruleCaches.delete(uri);
    this.analyses.delete(uri);
    const timer = this.indexTimers.get(uri);
    if (timer) clearTimeout(timer);
    this.indexTimers.delete(uri);
    this.models.delete(uri);
  }
}
