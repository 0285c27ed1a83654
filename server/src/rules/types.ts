// The LSP-free contract of a diagnostic rule: a rule reads a RuleContext and returns Findings.
// lsp/analyses.ts turns findings into LSP Diagnostics; cli.ts prints them.
import type { ProjectCatalog, Quotas } from '../core/cncfProjects';
import type { MovedProjects } from '../core/incremental';
import type { FileKind, IdeasModel, Proposal, Span } from '../core/model';
import type { Term } from '../core/term';

export type Severity = 'hint' | 'information' | 'warning' | 'error';

export interface TextEdit {
  range: Span;
  newText: string;
}

/** A fix a code action applies as is: no re-parse needed. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when the fix may be applied together with the other fixes of its rule ("fix all"). */
  safeForFixAll?: boolean;
}

export interface RelatedLocation {
  uri: string;
  range: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  /** Overrides the rule's default severity for this finding (a setting overrides both). */
  severity?: Severity;
  message: string;
  range: Span;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** Where a proposal of another (or this) file sits, as the workspace knowledge reports it. */
export interface ProposalRef {
  uri: string;
  project: string;
  title: string;
  range: Span;
}

export interface MentorLocation {
  uri: string;
  range: Span;
}

/** What the cross-file rules need from the workspace knowledge (server: KnowledgeIndex; CLI: same). */
export interface KnowledgeView {
  /**
   * Changes whenever an answer about files other than `uri` may change (whole-file rules, which skip
   * their own file's entries, key their kept findings on it).
   */
  versionExcept(uri: string): number;
  /** Every address a handle carries across the workspace, with where each is written. */
  mentorEmails(handle: string): ReadonlyMap<string, MentorLocation[]>;
  /** Proposals whose upstream target normalises to `normalizedUrl`, across the workspace. */
  proposalsForTarget(normalizedUrl: string): ProposalRef[];
  /** Path, kind and term of an indexed file. */
  fileInfo(uri: string): { path: string; kind: FileKind; term?: Term } | undefined;
}

export interface RuleContext {
  uri: string;
  /** File path (or the uri's path) used for the term and the file's identity. */
  path: string;
  text: string;
  /** The text's lines without line endings (shared between versions: never modify). */
  lines: readonly string[];
  model: IdeasModel;
  term?: Term;
  catalog: ProjectCatalog;
  quotas: Quotas;
  knowledge?: KnowledgeView;
  /**
   * Projects of `model` that are the previous version's moved by whole lines (IncrementalState.moved):
   * a RuleCache moves their findings with them. Absent: nothing is known to have moved.
   */
  moved?: MovedProjects;
}

/**
 * What a rule's findings depend on, from which the registry derives what it keeps between versions
 * (rules/cache.ts; test/stress/rules/ruleCache.test.ts compares cached runs with plain ones):
 * - `project`: the union of its findings on each top-level project alone (and on the loose
 *   proposals alone). It looks at one proposal or project heading at a time, its own lines, and
 *   file-level facts only (kind, term, template, catalogue, uri; the line count only for a project
 *   at the end of the file); its findings' positions (ranges, related, fixes) lie in the project's
 *   lines. Findings are kept per project object and moved with a project moved by whole lines. A
 *   rule comparing across projects must not say `project`.
 * - `structure`: reads only the heading structure: project and proposal names, titles, levels,
 *   heading and title ranges, which proposal sits under which project, heading lines, the TOC (and
 *   its lines), template, kind, catalogue and quotas; never a section's `range`, fields, mentors or
 *   upstream links. Findings are kept while the model's `headings` and `toc` are the same objects
 *   (a version shares them only when they are unchanged: core/incremental.ts `retype`).
 * - `file`: reads the whole file; kept only while its declared `inputs` are unchanged (none: runs
 *   on every version).
 */
export type RuleScope = 'project' | 'structure' | 'file';

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** What its findings depend on: the registry caches by it (see RuleScope). */
  scope: RuleScope;
  /** One line for --help and the README. */
  description: string;
  check(ctx: RuleContext): Finding[];
  /**
   * For a `file` rule: everything its findings depend on. With a RuleCache, the
   * previous findings are kept while every input is `===` to the previous run's (cheap per-project
   * signatures make typing elsewhere in the file cost no run).
   */
  inputs?(ctx: RuleContext): readonly unknown[];
}

/** A finding with its final severity, ready for a converter. */
export interface ResolvedFinding extends Finding {
  severity: Severity;
}

export type { Proposal };
