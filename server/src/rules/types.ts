// The LSP-free contract of a diagnostic rule: a rule reads a RuleContext and returns Findings.
// features/diagnostics.ts turns findings into LSP Diagnostics; cli.ts prints them.
import type { ProjectCatalog, Quotas } from '../core/cncfProjects';
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
  /** Changes whenever any answer below may change (whole-file rules key their kept findings on it). */
  readonly version: number;
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
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line for --help and the README. */
  description: string;
  check(ctx: RuleContext): Finding[];
  /**
   * For a rule that reads the whole file: everything its findings depend on. With a RuleCache, the
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
