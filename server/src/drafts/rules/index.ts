// The draft rules, in the bot's order, and the one function the server and the CLI call. Severities
// resolve as for the ideas-file rules: the setting (`projectIdeas.rules`, `--rule`) wins over a
// finding's own severity, which wins over the rule's default.
import type { RuleSeverity } from '../../settings';
import type { ResolvedFinding, Severity } from '../../rules/types';
import { challengeUncheckedWithUrl } from './challengeUncheckedWithUrl';
import { challengeUrlInvalid } from './challengeUrlInvalid';
import { challengeUrlMissing } from './challengeUrlMissing';
import { customDescriptionMissing } from './customDescriptionMissing';
import { customDescriptionTooLong } from './customDescriptionTooLong';
import { customNameMissing } from './customNameMissing';
import { customNameTooLong } from './customNameTooLong';
import { customUncheckedWithCopy } from './customUncheckedWithCopy';
import { descriptionMissing } from './descriptionMissing';
import { descriptionTooLong } from './descriptionTooLong';
import { duplicateUpstream } from './duplicateUpstream';
import { fewMentors } from './fewMentors';
import { headingInField } from './headingInField';
import { mentorDupEmail } from './mentorDupEmail';
import { mentorDupHandle } from './mentorDupHandle';
import { mentorDupLfid } from './mentorDupLfid';
import { mentorEmail } from './mentorEmail';
import { mentorFields } from './mentorFields';
import { mentorHandle } from './mentorHandle';
import { mentorLfidFormat } from './mentorLfidFormat';
import { mentorLfidMissing } from './mentorLfidMissing';
import { mentorName } from './mentorName';
import { mentorsEmpty } from './mentorsEmpty';
import { mentorsTooMany } from './mentorsTooMany';
import { nameMissing } from './nameMissing';
import { nameTooLong } from './nameTooLong';
import { placeholder } from './placeholder';
import { projectMissing } from './projectMissing';
import { quota } from './quota';
import { sectionMissing } from './sectionMissing';
import { skillsBoth } from './skillsBoth';
import { skillsMissing } from './skillsMissing';
import { technologiesMissing } from './technologiesMissing';
import { termMissing } from './termMissing';
import type { DraftContext, DraftRule } from './types';
import { unknownProject } from './unknownProject';
import { unknownTerm } from './unknownTerm';
import { upstreamFormat } from './upstreamFormat';
import { upstreamMissing } from './upstreamMissing';
import { upstreamMultiple } from './upstreamMultiple';

export const DRAFT_RULES: readonly DraftRule[] = [
  projectMissing,
  termMissing,
  nameMissing,
  nameTooLong,
  descriptionMissing,
  descriptionTooLong,
  technologiesMissing,
  skillsMissing,
  skillsBoth,
  mentorsEmpty,
  mentorsTooMany,
  mentorFields,
  mentorName,
  mentorHandle,
  mentorEmail,
  mentorDupHandle,
  mentorDupEmail,
  mentorLfidMissing,
  mentorLfidFormat,
  mentorDupLfid,
  fewMentors,
  upstreamMissing,
  upstreamFormat,
  upstreamMultiple,
  challengeUrlMissing,
  challengeUncheckedWithUrl,
  challengeUrlInvalid,
  customNameMissing,
  customNameTooLong,
  customDescriptionMissing,
  customDescriptionTooLong,
  customUncheckedWithCopy,
  sectionMissing,
  quota,
  duplicateUpstream,
  headingInField,
  unknownProject,
  unknownTerm,
  placeholder,
];

export const DRAFT_RULE_IDS: readonly string[] = DRAFT_RULES.map((r) => r.id);

export interface DraftRunOptions {
  /** Severity per rule id (`projectIdeas.rules`, `--rule form/x=off`). */
  severities?: Record<string, RuleSeverity>;
  /** Called when a rule throws (it is skipped; the others still run). */
  onError?: (ruleId: string, error: unknown) => void;
}

/** Runs every draft rule not switched off, resolves severities, keeps ranges inside the text. */
export function runDraftRules(ctx: DraftContext, options: DraftRunOptions = {}): ResolvedFinding[] {
  const out: ResolvedFinding[] = [];
  for (const rule of DRAFT_RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    let findings;
    try {
      findings = rule.check(ctx);
    } catch (error) {
      options.onError?.(rule.id, error);
      continue;
    }
    for (const finding of findings) {
      const severity: Severity = setting ?? finding.severity ?? rule.defaultSeverity;
      out.push({ ...finding, severity, range: clamp(ctx.lines, finding.range) });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

function clamp(lines: readonly string[], range: ResolvedFinding['range']): ResolvedFinding['range'] {
  const last = Math.max(0, lines.length - 1);
  const pos = (p: { line: number; character: number }) => {
    const line = Math.min(Math.max(0, p.line), last);
    return { line, character: Math.min(Math.max(0, p.character), (lines[line] ?? '').length) };
  };
  const start = pos(range.start);
  const end = pos(range.end);
  return start.line < end.line || (start.line === end.line && start.character <= end.character) ? { start, end } : { start, end: start };
}

export type { DraftContext, DraftRule, DraftWorkspace, KnownProposal } from './types';
