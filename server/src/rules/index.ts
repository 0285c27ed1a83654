// The rule registry and the one function both the server and the CLI call.
import type { RuleSeverity } from '../settings';
import { disabledRules } from './disable';
import { duplicateField } from './duplicateField';
import { duplicateProject } from './duplicateProject';
import { duplicateTitle } from './duplicateTitle';
import { duplicateUpstream } from './duplicateUpstream';
import { gsocProjectSize } from './gsocProjectSize';
import { headingLevel } from './headingLevel';
import { mentorCount } from './mentorCount';
import { mentorDuplicate } from './mentorDuplicate';
import { mentorEmail } from './mentorEmail';
import { mentorEmailConsistency } from './mentorEmailConsistency';
import { mentorFormat } from './mentorFormat';
import { mentorHandle } from './mentorHandle';
import { quota } from './quota';
import { requiredField } from './requiredField';
import { templatePlaceholder } from './templatePlaceholder';
import { toc } from './toc';
import type { ResolvedFinding, Rule, RuleContext, Severity } from './types';
import { unknownProject } from './unknownProject';
import { upstreamIssue } from './upstreamIssue';
import { comparePos } from './util';

export const RULES: readonly Rule[] = [
  requiredField,
  templatePlaceholder,
  mentorFormat,
  mentorHandle,
  mentorEmail,
  mentorDuplicate,
  mentorCount,
  mentorEmailConsistency,
  upstreamIssue,
  duplicateUpstream,
  quota,
  headingLevel,
  duplicateProject,
  duplicateTitle,
  duplicateField,
  unknownProject,
  toc,
  gsocProjectSize,
];


export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export interface RunOptions {
  /** Severity per rule id (`projectIdeas.rules`, `--rule id=severity`). */
  severities?: Record<string, RuleSeverity>;
  /** Called when a rule throws (it is skipped; the others still run). */
  onError?: (ruleId: string, error: unknown) => void;
}

/** Runs every rule not switched off (by setting or by a disable comment) and resolves severities. */
export function runRules(ctx: RuleContext, options: RunOptions = {}): ResolvedFinding[] {
  const disabled = disabledRules(ctx.lines);
  if (disabled.all) return [];
  const out: ResolvedFinding[] = [];
  for (const rule of RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off' || disabled.ids.has(rule.id)) continue;
    let findings;
    try {
      findings = rule.check(ctx);
    } catch (error) {
      options.onError?.(rule.id, error);
      continue;
    }
    for (const finding of findings) {
      const severity: Severity = setting ?? finding.severity ?? rule.defaultSeverity;
      out.push({ ...finding, severity, range: clamp(ctx, finding.range) });
    }
  }
  return out.sort((a, b) => comparePos(a.range.start, b.range.start) || a.ruleId.localeCompare(b.ruleId));
}

/** Keeps every range inside the document, whatever a rule computed. */
function clamp(ctx: RuleContext, range: ResolvedFinding['range']): ResolvedFinding['range'] {
  const last = Math.max(0, ctx.lines.length - 1);
  const pos = (p: { line: number; character: number }) => {
    const line = Math.min(Math.max(0, p.line), last);
    return { line, character: Math.min(Math.max(0, p.character), (ctx.lines[line] ?? '').length) };
  };
  const start = pos(range.start);
  const end = pos(range.end);
  return comparePos(start, end) <= 0 ? { start, end } : { start, end: start };
}

export type { Finding, Fix, ResolvedFinding, Rule, RuleContext, Severity } from './types';
