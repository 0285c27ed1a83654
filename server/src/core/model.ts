// The LSP-free model of a project-ideas file. Every range is zero-based, in UTF-16 code units like
// LSP's, so features hand ranges to the protocol unchanged. Nothing here imports vscode-languageserver.
//
// THE CACHING CONTRACT. A published model (what parseIdeas, parseFull and applyEdits return) is
// never mutated, to any depth: the types below are read-only all the way down, so a write is a type
// error. Everything derived from a model is cached on its objects' identity (rule findings per
// project, the outline per project, structure findings while `headings` and `toc` are the same
// objects, knowledge records per file, hover and completion data): a new version shares an object
// with the previous one only when the object's content is unchanged (core/incremental.ts), and a
// changed object is always a new one. Only the parser writes, to objects it has not published yet
// (`Draft`).

/** A position in a document: zero-based line and UTF-16 character. Same shape as LSP's Position. */
export interface Pos {
  readonly line: number;
  readonly character: number;
}

/** A half-open range [start, end). Same shape as LSP's Range. */
export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

/** Which kind of file this is, read from its path when known, else from its content. */
export type FileKind = 'lfx-ideas' | 'term-readme' | 'gsoc' | 'unknown';

/** The standard fields, whatever spelling the file uses; `other` for any recognised extra label. */
export type FieldKey =
  | 'description'
  | 'outcome'
  | 'skills'
  | 'mentors'
  | 'upstream'
  | 'lfx'
  | 'size'
  | 'other';

/** The file's own template (its fenced `Template` block), or defaults when it has none. */
export interface TemplateInfo {
  /** True when read from a Template block in the file. */
  readonly fromFile: boolean;
  /** The fenced block holding the template, when there is one. */
  readonly range?: Span;
  /** Heading level of a CNCF project section (`###` = 3). */
  readonly projectLevel: number;
  /** Heading level of a proposal (`####` = 4). */
  readonly proposalLevel: number;
  /** Field labels in template order, as spelled in the template. */
  readonly fields: readonly { readonly key: FieldKey; readonly label: string }[];
}

export interface Heading {
  readonly level: number;
  /** Plain text of the heading (inline code and links reduced to their text). */
  readonly text: string;
  /** GitHub-style anchor slug, with `-1`, `-2` suffixes for repeats, as GitHub renders it. */
  readonly slug: string;
  /** The whole heading line(s). */
  readonly range: Span;
  /** The heading's text without the `#` markers. */
  readonly textRange: Span;
}

export interface Field {
  readonly key: FieldKey;
  /** The label as written, without bullet, bold markers or colon (e.g. `Upstream Issue (URL)`). */
  readonly label: string;
  readonly labelRange: Span;
  /** Where the value is; absent when the field is empty. */
  readonly valueRange?: Span;
  /** The value's text, trimmed (continuation lines and sub-bullets included, joined with `\n`). */
  readonly value: string;
  /** The whole field: label to the end of its value. */
  readonly range: Span;
}

export interface Mentor {
  readonly name?: string;
  readonly handle?: string; // without the `@`
  readonly email?: string;
  readonly primary: boolean;
  /** The mentor entry as written. */
  readonly raw: string;
  readonly range: Span;
  readonly nameRange?: Span;
  readonly handleRange?: Span;
  readonly emailRange?: Span;
  /** How the entry departs from `Name (@handle, email)`: e.g. `handle-without-at`, `profile-link`,
   *  `angle-email`, `mailto`, `obfuscated-email`, `no-email`, `no-handle`, `role-label`. Empty when canonical. */
  readonly deviations: readonly string[];
}

export type UpstreamKind = 'issue' | 'pull' | 'discussion' | 'search' | 'other';

export interface UpstreamRef {
  /** The URL, or for a bare `owner/repo#N` the GitHub URL it stands for. */
  readonly url: string;
  /** The text as written (URL, `<url>`, `[text](url)`, `owner/repo#N`). */
  readonly raw: string;
  readonly owner?: string;
  readonly repo?: string;
  readonly number?: number;
  readonly kind: UpstreamKind;
  readonly range: Span;
}

/** What a project and a proposal share: a heading and the section under it. */
export interface HeadingSection {
  readonly level: number;
  /** Heading line(s). */
  readonly headingRange: Span;
  /** Heading text only: the symbol's selection range. */
  readonly titleRange: Span;
  /** Heading to the end of the section (before the next heading at its level or above). */
  readonly range: Span;
}

export interface Proposal extends HeadingSection {
  readonly title: string;
  readonly fields: readonly Field[];
  readonly mentors: readonly Mentor[];
  readonly upstream: readonly UpstreamRef[];
  /** The description holds the expected outcomes (the generated README quotes the whole program
   *  description, `## Expected outcomes` included): there is no separate Expected Outcome field. */
  readonly outcomeInDescription?: boolean;
}

export interface Project extends HeadingSection {
  readonly name: string;
  readonly proposals: readonly Proposal[];
  /** Sub-projects such as Kubernetes > Kubespray. */
  readonly subprojects: readonly Project[];
}

export interface TocEntry {
  readonly text: string;
  /** The anchor without `#`. */
  readonly anchor: string;
  /** Nesting depth in the list, 0 for top level. */
  readonly depth: number;
  readonly range: Span;
}

export interface Toc {
  /** The lines holding the list (between markers, or the list itself). */
  readonly range: Span;
  readonly form: 'markers' | 'heading' | 'list';
  readonly entries: readonly TocEntry[];
}

/**
 * Something unusual noticed while reading, for diagnostics later. Codes are stable identifiers.
 * Positions are structured data, never quoted in the message: a project moved by whole lines
 * moves its irregularities with it (core/incremental.ts `cloneShift`).
 */
export interface Irregularity {
  readonly code: string;
  readonly message: string;
  readonly range: Span;
  /** Another place the irregularity refers to (e.g. the first of two `Mentors` fields). */
  readonly related?: Span;
}

/**
 * A model object while the parser builds it (core/parse only): its own properties writable, its
 * arrays mutable. Once returned in a model it is read as the read-only type.
 */
export type Draft<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

export interface IdeasModel {
  readonly kind: FileKind;
  readonly template: TemplateInfo;
  readonly projects: readonly Project[];
  /** Proposals found before any project heading (e.g. right after `## Proposed Project ideas`). */
  readonly looseProposals: readonly Proposal[];
  readonly headings: readonly Heading[];
  readonly toc?: Toc;
  readonly irregularities: readonly Irregularity[];
  /** Number of lines in the text; every range lies within it. */
  readonly lineCount: number;
}
