// The LSP-free contract of a draft rule: the same Finding shape as the ideas-file rules
// (rules/types.ts), read from a DraftContext instead of an IdeasModel.
import type { Span } from '../../core/model';
import type { Finding, Severity } from '../../rules/types';
import type { DraftModel } from '../draft';
import type { LoadedForm } from '../form';

/** Another proposal the workspace knows: a draft, or an accepted one of a term README. */
export interface KnownProposal {
  uri: string;
  /** Its heading or Program Name section. */
  range: Span;
  title: string;
  project: string;
  /** The term as the form writes it (`2026 Term 3 (Sep-Nov)`) or as a path does (`2026/03-Sep-Nov`). */
  term: string;
  /** Its upstream issue URL, as written. */
  upstream?: string;
  source: 'draft' | 'readme';
}

/** What the workspace-reading draft rules need; the caller leaves the checked document out. */
export interface DraftWorkspace {
  /** Other proposals of the same term whose upstream URL normalises to `normalizedUrl` (upstream's normalisation). */
  upstreamUses(normalizedUrl: string, term: string): readonly KnownProposal[];
  /** Other proposals of the project in the term (drafts and accepted ones). */
  proposalsOf(project: string, term: string): readonly KnownProposal[];
  /** Proposals allowed per project per term (quotas.yml: default 4, Kubernetes 8). */
  quotaFor(project: string): number;
}

export interface DraftContext {
  uri: string;
  text: string;
  /** The text's lines without line endings. */
  lines: readonly string[];
  draft: DraftModel;
  /** The form the draft was read against, and where its options came from. */
  form: LoadedForm;
  workspace?: DraftWorkspace;
}

export interface DraftRule {
  /** `form/<code>`. */
  id: string;
  defaultSeverity: Severity;
  /** One line for --help and the README. */
  description: string;
  check(ctx: DraftContext): Finding[];
}

export type { Finding, Severity };
