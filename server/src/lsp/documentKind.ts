// What a kind of document is to the server: how it is recognised and which services answer for it.
// Each kind is one object implementing DocumentKindService, listed in lsp/kinds.ts; the handlers in
// lsp/configure.ts find a document's kind there and call its service, so no feature asks "which
// kind is this?". Every service is optional: a kind without `hover` simply has no hovers.
import type {
  CodeAction,
  CodeActionParams,
  CodeLens,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  InlayHint,
  Position,
  Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { EntrySnippetParams, EntrySnippetResult } from '../protocol';
import type { ResolvedFinding } from '../rules/types';
import type { Settings } from '../settings';

/** What every service call gets: the open document at its current version, its settings, the stores. */
export interface KindRequest {
  document: TextDocument;
  /** The document's `projectIdeas.*` settings (SettingsStore). */
  settings: Settings;
  /** The stores: documents and models, settings, analyses, workspace data, index and knowledge. */
  server: ServerContext;
}

type Answer<T> = T | Promise<T>;

/**
 * How a kind takes part in the workspace index: which files on disk it holds (not open in the
 * editor) and what they contribute. The indexer (lsp/indexer.ts) asks the kinds with this hook
 * before the ideas index, at each run and on files changed on disk or closed.
 */
export interface KindIndexing {
  /**
   * Whether a file on disk is the kind's: by path (globs from `settings`) when `head` is undefined,
   * else by its first 20 KB (content detection). Cheap; never throws.
   */
  indexes(path: string, head: string | undefined, settings: Settings): boolean;
  /** The file's text as read from disk replaces what it contributed. True when the other documents' findings may change. */
  set(server: ServerContext, uri: string, path: string, text: string): boolean;
  /** The file is gone or no longer the kind's. True when it contributed anything. */
  delete(server: ServerContext, uri: string): boolean;
  /** The files it holds (a run drops those it no longer finds). */
  uris(server: ServerContext): Iterable<string>;
}

export interface DocumentKindService {
  /** A stable name: `ideas`, `lfx-draft`. Shown in logs; never in user text. */
  readonly id: string;

  /**
   * Whether a document is of this kind: by path (globs from `settings`) and, where the kind allows,
   * by content. Called once per document version and settings (the answer is cached); must not
   * throw, and should look at as little text as it can. Kinds are asked in the order of the list in
   * lsp/kinds.ts: the first that says yes owns the document.
   */
  recognises(file: { path: string; text: string }, settings: Settings): boolean;

  /** Files of this kind saved in the workspace but not open, indexed for the other documents' rules. */
  readonly indexing?: KindIndexing;

  /** The outline (textDocument/documentSymbol). Answered even for files over `maxFileSize`. */
  outline?(request: KindRequest): Answer<DocumentSymbol[]>;

  /**
   * The findings of the document's current version (pull diagnostics, code actions, the CLI's
   * `check`). Not called for files over `maxFileSize` (they get one `file-too-large` finding). The
   * analysis store (lsp/analyses.ts) remembers the result per version, settings, workspace data and
   * index revision, converts it to LSP diagnostics and drops stale requests: return findings only.
   */
  findings?(request: KindRequest): ResolvedFinding[];

  /**
   * What else a document's findings depend on, besides its text, settings, the workspace data and
   * the other files' index revision (e.g. the other open drafts): the remembered findings are
   * reused while it returns the same value (`===`). Cheap; absent: nothing else.
   */
  findingsDependOn?(request: KindRequest): unknown;

  /** Hover at a position. Not called over `maxFileSize`. */
  hover?(request: KindRequest, position: Position): Answer<Hover | null | undefined>;

  /** Completion at a position. Not called over `maxFileSize`. */
  completion?(request: KindRequest, position: Position): Answer<CompletionList | CompletionItem[] | null | undefined>;

  /**
   * completionItem/resolve: the resolved item when `item` is one of this kind's (look at its
   * `data`), else undefined so the next kind is asked.
   */
  resolveCompletion?(item: CompletionItem, server: ServerContext): Answer<CompletionItem | undefined>;

  /** Quick fixes and source actions (the findings are at `findingsFor` in features/diagnostics.ts). */
  codeActions?(request: KindRequest, params: CodeActionParams): Answer<CodeAction[]>;

  /** Code lenses, each with its command already set (no codeLens/resolve). Not called over `maxFileSize`. */
  codeLenses?(request: KindRequest): Answer<CodeLens[]>;

  /** Inlay hints in a range (e.g. room left in a field). Not called over `maxFileSize`. */
  inlayHints?(request: KindRequest, range: Range): Answer<InlayHint[]>;

  /**
   * Commands run by the server (workspace/executeCommand), by command id; announced in the
   * initialize result. Code lenses and code actions name them. Arguments are as the client sends
   * them: check them before use.
   */
  commands?: Readonly<Record<string, (args: readonly unknown[], server: ServerContext) => Answer<unknown>>>;

  /** `projectIdeas/entrySnippet`: an entry shaped by the document (Insert Proposal…); null when none fits. */
  entrySnippet?(request: KindRequest, params: EntrySnippetParams): Answer<EntrySnippetResult | null>;

  /** The document was closed: drop what the kind keeps for it. */
  forget?(uri: string): void;
}
