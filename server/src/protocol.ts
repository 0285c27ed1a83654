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

// ---- LFX issue-form drafts ---------------------------------------------------------------------
// Commands the server runs on `workspace/executeCommand` (analysis needed: the form, the draft's
// findings, an ideas file's model) and the client commands that use them (palette, code lenses).
// The server never opens a link: it returns it, and the client opens it.

/** A server command: its id, carrying the types of its arguments and result for both ends. */
export interface ServerCommand<Args extends unknown[], Result> {
  readonly command: string;
  /** Never set: holds the types only. */
  readonly types?: (...args: Args) => Result;
}

function serverCommand<Args extends unknown[], Result>(command: string): ServerCommand<Args, Result> {
  return { command };
}

/** The options of the form's dropdowns, for the New LFX Proposal and Propose Again quick picks. */
export interface DraftFormOptions {
  projects: string[];
  terms: string[];
  /** Where the form came from: the workspace's .github/ISSUE_TEMPLATE copy or the shipped one. */
  origin: 'workspace' | 'shipped';
}

export const formOptionsCommand = serverCommand<[], DraftFormOptions>('projectIdeas.server.formOptions');

/** An empty draft for a project and a term, from the workspace's form. */
export const newProposalCommand = serverCommand<[project: string, term: string], { text: string }>('projectIdeas.server.newProposal');

export interface ProposeAgainAnswer {
  /** The new draft. */
  text: string;
  project: string;
  /** What the person should do or check, one sentence each. */
  notes: string[];
}

/** A draft for a term from the proposal at a zero-based line of an open ideas file (null: no proposal there). */
export const proposeAgainCommand = serverCommand<[uri: string, line: number, term: string], ProposeAgainAnswer | null>('projectIdeas.server.proposeAgain');

export interface IssueLinkAnswer {
  /** The prefilled new-issue link (also when refused: the client does not open it then). */
  url: string;
  bytes: number;
  title: string;
  /** What to set on the page: the dropdowns and ticked boxes a link cannot fill. */
  manual: string[];
  /** Why the link should not be opened now. */
  refusal?: { reason: 'errors' | 'too-long' | 'not-a-draft'; message: string };
}

/** The prefilled link of an open draft, under its repository and template settings (null: not a draft). */
export const issueLinkCommand = serverCommand<[uri: string], IssueLinkAnswer | null>('projectIdeas.server.issueLink');

export interface IssueBodyAnswer {
  title: string;
  /** The body from the first section on (notes above it are the author's). */
  body: string;
  /** Errors the bot would report on it. */
  errors: number;
}

export const issueBodyCommand = serverCommand<[uri: string], IssueBodyAnswer | null>('projectIdeas.server.issueBody');

/** `gh issue create -R <repository> --title … --body-file <draft>`. */
export const ghCommandCommand = serverCommand<[uri: string], { command: string; errors: number } | null>('projectIdeas.server.ghCommand');

/** The client's commands (palette, code lenses): the server names them in code lenses. */
export const CLIENT_COMMANDS = {
  newProposal: 'projectIdeas.newProposal',
  proposeAgain: 'projectIdeas.proposeAgain',
  openAsIssue: 'projectIdeas.openAsIssue',
  copyIssueBody: 'projectIdeas.copyIssueBody',
  copyGhCommand: 'projectIdeas.copyGhCommand',
} as const;
