// The custom requests between client and server, typed once (as rust-analyzer's lsp_ext.ts): the
// client (client/src/extension.ts) and the server (server/src/lsp/configure.ts) both import this
// module. It imports nothing, so it adds nothing to the client bundle but these names.

/** A custom request: its method name, carrying the types of its params and result for both ends. */
export interface CustomRequest<Params, Result> {
  readonly method: string;
  /** Never set: holds the types only. */
  readonly types?: (params: Params) => Result;
}

export type ParamsOf<R> = R extends CustomRequest<infer P, unknown> ? P : never;
export type ResultOf<R> = R extends CustomRequest<never, infer T> ? T : never;

function request<Params, Result>(method: string): CustomRequest<Params, Result> {
  return { method };
}

/** What `projectIdeas/entrySnippet` inserts: a proposal, a CNCF project section or a mentor line. */
export type EntryKind = 'proposal' | 'project' | 'mentor';

export interface EntrySnippetParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
  kind: EntryKind;
}

export interface EntrySnippetResult {
  /** Snippet syntax (tab stops), for `editor.insertSnippet`. */
  snippet: string;
  /** Where to insert it when not at the requested position (the cursor was inside a proposal: the
   *  end of that proposal's last line). */
  position?: { line: number; character: number };
}

/**
 * An entry shaped by the file's own template, for the "Insert Proposal" / "Insert Project Section"
 * commands; null when the document is not of a kind that has entries.
 */
export const entrySnippetRequest = request<EntrySnippetParams, EntrySnippetResult | null>('projectIdeas/entrySnippet');

export interface ServerStats {
  /** process.memoryUsage(), after a collection when the server runs with --expose-gc. */
  memory: NodeJS.MemoryUsage;
  gc: boolean;
  openDocuments: number;
  indexedFiles: number;
  indexRevision: number;
  /** Analyses run (not reused) since start: tests see reuse through it. */
  analysesRun: number;
  /** workspace/diagnostic/refresh requests sent since start. */
  diagnosticRefreshes: number;
}

/** The server's memory and counts, for load and cache tests. */
export const statsRequest = request<Record<string, never> | undefined, ServerStats>('projectIdeas/stats');
