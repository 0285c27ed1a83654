// The LSP-free model of a project-ideas file. Every range is zero-based, in UTF-16 code units like
// LSP's, so features hand ranges to the protocol unchanged. Nothing here imports vscode-languageserver.

/** A position in a document: zero-based line and UTF-16 character. Same shape as LSP's Position. */
export interface Pos {
  line: number;
  character: number;
}

/** A half-open range [start, end). Same shape as LSP's Range. */
export interface Span {
  start: Pos;
  end: Pos;
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
  fromFile: boolean;
  /** The fenced block holding the template, when there is one. */
  range?: Span;
  /** Heading level of a CNCF project section (`###` = 3). */
  projectLevel: number;
  /** Heading level of a proposal (`####` = 4). */
  proposalLevel: number;
  /** Field labels in template order, as spelled in the template. */
  fields: { key: FieldKey; label: string }[];
}

export interface Heading {
  level: number;
  /** Plain text of the heading (inline code and links reduced to their text). */
  text: string;
  /** GitHub-style anchor slug, with `-1`, `-2` suffixes for repeats, as GitHub renders it. */
  slug: string;
  /** The whole heading line(s). */
  range: Span;
  /** The heading's text without the `#` markers. */
  textRange: Span;
}

export interface Field {
  key: FieldKey;
  /** The label as written, without bullet, bold markers or colon (e.g. `Upstream Issue (URL)`). */
  label: string;
  labelRange: Span;
  /** Where the value is; absent when the field is empty. */
  valueRange?: Span;
  /** The value's text, trimmed (continuation lines and sub-bullets included, joined with `\n`). */
  value: string;
  /** The whole field: label to the end of its value. */
  range: Span;
}

export interface Mentor {
  name?: string;
  handle?: string; // without the `@`
  email?: string;
  primary: boolean;
  /** The mentor entry as written. */
  raw: string;
  range: Span;
  nameRange?: Span;
  handleRange?: Span;
  emailRange?: Span;
  /** How the entry departs from `Name (@handle, email)`: e.g. `handle-without-at`, `profile-link`,
   *  `angle-email`, `mailto`, `obfuscated-email`, `no-email`, `no-handle`, `role-label`. Empty when canonical. */
  deviations: string[];
}

export type UpstreamKind = 'issue' | 'pull' | 'discussion' | 'search' | 'other';

export interface UpstreamRef {
  /** The URL, or for a bare `owner/repo#N` the GitHub URL it stands for. */
  url: string;
  /** The text as written (URL, `<url>`, `[text](url)`, `owner/repo#N`). */
  raw: string;
  owner?: string;
  repo?: string;
  number?: number;
  kind: UpstreamKind;
  range: Span;
}

export interface Proposal {
  title: string;
  level: number;
  /** Heading line(s). */
  headingRange: Span;
  /** Heading text only: the symbol's selection range. */
  titleRange: Span;
  /** Heading to the end of the proposal's section. */
  range: Span;
  fields: Field[];
  mentors: Mentor[];
  upstream: UpstreamRef[];
  /** The description holds the expected outcomes (the generated README quotes the whole program
   *  description, `## Expected outcomes` included): there is no separate Expected Outcome field. */
  outcomeInDescription?: boolean;
}

export interface Project {
  name: string;
  level: number;
  headingRange: Span;
  titleRange: Span;
  /** Heading to the end of the section (before the next heading at its level or above). */
  range: Span;
  proposals: Proposal[];
  /** Sub-projects such as Kubernetes > Kubespray. */
  subprojects: Project[];
}

export interface TocEntry {
  text: string;
  /** The anchor without `#`. */
  anchor: string;
  /** Nesting depth in the list, 0 for top level. */
  depth: number;
  range: Span;
}

export interface Toc {
  /** The lines holding the list (between markers, or the list itself). */
  range: Span;
  form: 'markers' | 'heading' | 'list';
  entries: TocEntry[];
}

/**
 * Something unusual noticed while reading, for diagnostics later. Codes are stable identifiers.
 * Positions are structured data, never quoted in the message: a project moved by whole lines
 * moves its irregularities with it (core/incremental.ts `cloneShift`).
 */
export interface Irregularity {
  code: string;
  message: string;
  range: Span;
  /** Another place the irregularity refers to (e.g. the first of two `Mentors` fields). */
  related?: Span;
}

export interface IdeasModel {
  kind: FileKind;
  template: TemplateInfo;
  projects: Project[];
  /** Proposals found before any project heading (e.g. right after `## Proposed Project ideas`). */
  looseProposals: Proposal[];
  headings: Heading[];
  toc?: Toc;
  irregularities: Irregularity[];
  /** Number of lines in the text; every range lies within it. */
  lineCount: number;
}
