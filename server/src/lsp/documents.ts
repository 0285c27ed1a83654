// The document store: the open documents and their ideas models, one per version, brought up to date
// from the edits the editor sent (core/incremental.ts) rather than parsed whole per keystroke. It
// also hands each new model to the workspace index (at once for a new document, then throttled).
import { TextDocuments, type TextDocumentsConfiguration } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { applyEdits, parseFull, type IncrementalState, type TextEdit } from '../core/incremental';
import type { IdeasModel } from '../core/model';
import type { WorkspaceIndex } from '../core/workspaceIndex';

export function uriToPath(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
  } catch {
    return uri;
  }
}

/** Content changes of one document, in offsets of the text each applies to. */
export type EditListener = (uri: string, fromVersion: number, edits: TextEdit[], toVersion: number) => void;

/** TextDocuments that report every content change (in offsets) before applying it. */
export interface EditRecordingDocuments extends TextDocuments<TextDocument> {
  /** Called with each change of an open document, before the document updates. */
  onDidRecordEdits(listener: EditListener): void;
}

/** The open documents, reporting their edits so the models can follow incrementally. */
export function createDocuments(): EditRecordingDocuments {
  const listeners: EditListener[] = [];
  const documents = new TextDocuments(recordingConfiguration((...edit) => listeners.forEach((l) => l(...edit)))) as EditRecordingDocuments;
  documents.onDidRecordEdits = (listener) => void listeners.push(listener);
  return documents;
}

/**
 * TextDocuments configuration that hands every content change to `onEdits` (in offsets of the text
 * it applies to, as TextDocument computes them) before applying it.
 */
function recordingConfiguration(onEdits: EditListener): TextDocumentsConfiguration<TextDocument> {
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

interface CachedModel {
  version: number;
  /** Text, model and what the incremental updater keeps (core/incremental.ts). */
  state: IncrementalState;
  /** Content changes received since `version`, in order; applied when the model is next asked for. */
  pending: { from: number; to: number; edits: TextEdit[] }[];
  /** Set when a change could not be recorded: the next model is a full parse. */
  broken: boolean;
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

export class DocumentModels {
  private readonly models = new Map<string, CachedModel>();
  /** Documents whose newest model is waiting to reach the index (see INDEX_DELAY_MS). */
  private readonly indexTimers = new Map<string, NodeJS.Timeout>();
  private readonly byteSizes = new Map<string, { version: number; bytes: number }>();

  constructor(
    readonly documents: EditRecordingDocuments,
    private readonly index: WorkspaceIndex,
  ) {
    documents.onDidRecordEdits((uri, from, edits, to) => this.recordEdits(uri, from, edits, to));
  }

  /**
   * The incremental state of a document at its version (text, model, lines): the changes received
   * since the cached version are applied incrementally (only the edited chunk is re-scanned), else
   * the text is parsed whole.
   */
  stateOf(document: TextDocument): IncrementalState {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.state;
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
    return state;
  }

  /** The model of a document at its version (see stateOf). */
  modelOf(document: TextDocument): IdeasModel {
    return this.stateOf(document).model;
  }

  /** The lines of a document at its version (carried over edits with its model). */
  linesOf(document: TextDocument): readonly string[] {
    const idx = this.stateOf(document).idx;
    return idx ? idx.lines() : document.getText().split(/\r\n|\r|\n/);
  }

  /**
   * The last model parsed for an open document, whatever its version (completion answers from it
   * plus the line being typed rather than parsing each keystroke); undefined when none was parsed.
   */
  lastModel(uri: string): IdeasModel | undefined {
    return this.models.get(uri)?.state.model;
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

  /** True while `version` is the document's current version (for dropping stale work). */
  isCurrent(uri: string, version: number): boolean {
    return this.documents.get(uri)?.version === version;
  }

  /** Sends every waiting model to the index now (workspace symbols, tests and the benchmark). */
  flushIndex(): void {
    for (const uri of [...this.indexTimers.keys()]) this.indexNow(uri);
  }

  forget(uri: string): void {
    this.byteSizes.delete(uri);
    const timer = this.indexTimers.get(uri);
    if (timer) clearTimeout(timer);
    this.indexTimers.delete(uri);
    this.models.delete(uri);
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

  /** Records content changes of an open document. */
  private recordEdits(uri: string, fromVersion: number, edits: TextEdit[], toVersion: number): void {
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
}
