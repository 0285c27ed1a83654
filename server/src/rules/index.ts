// The rule registry and the one function both the server and the CLI call.
import type { RuleSeverity } from '../settings';
import { bulletSpace } from './bulletSpace';
import { DISABLE_MARK, disabledRules, type Disabled } from './disable';
import { duplicateField } from './duplicateField';
import { duplicateProject } from './duplicateProject';
import { duplicateTitle } from './duplicateTitle';
import { duplicateUpstream } from './duplicateUpstream';
import { gsocProjectSize } from './gsocProjectSize';
import { headingLevel } from './headingLevel';
import { lfxUrl } from './lfxUrl';
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
import type { Finding, ResolvedFinding, Rule, RuleContext, Severity } from './types';
import { unknownProject } from './unknownProject';
import { upstreamIssue } from './upstreamIssue';
import { RuleCache } from './cache';
import { comparePos } from '../core/span';

export const RULES: readonly Rule[] = [
  requiredField,
  bulletSpace,
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
  lfxUrl,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

const NOTHING_DISABLED: Disabled = { all: false, ids: new Set() };

export interface RunOptions {
  /** Severity per rule id (`projectIdeas.rules`, `--rule id=severity`). */
  severities?: Record<string, RuleSeverity>;
  /** Called when a rule throws (it is skipped; the others still run). */
  onError?: (ruleId: string, error: unknown) => void;
  /** One per document: findings of what an edit left unchanged are kept between versions (rules/cache.ts). */
  cache?: RuleCache;
}

/** Runs every rule not switched off (by setting or by a disable comment) and resolves severities. */
export function runRules(ctx: RuleContext, options: RunOptions = {}): ResolvedFinding[] {
  // One native search of the text instead of a look at every line, in the usual file without one.
  const disabled = ctx.text.includes(DISABLE_MARK) ? disabledRules(ctx.lines) : NOTHING_DISABLED;
  if (disabled.all) return [];
  const cache = options.cache;
  cache?.begin(ctx);
  const out: ResolvedFinding[] = [];
  for (const rule of RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off' || disabled.ids.has(rule.id)) continue;
    let findings;
    try {
      findings = !cache ? rule.check(ctx) : cache.findings(rule, ctx);
    } catch (error) {
      options.onError?.(rule.id, error);
      continue;
    }
    for (const finding of findings) {
      const severity: Severity = setting ?? finding.severity ?? rule.defaultSeverity;
      out.push(cache ? cache.resolved(ctx, finding, severity, resolve) : resolve(ctx, finding, severity));
    }
  }
  return out.sort((a, b) => comparePos(a.range.start, b.range.start) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** A finding with its final severity and its range inside the document. */
function resolve(ctx: RuleContext, finding: Finding, severity: Severity): ResolvedFinding {
  return { ...finding, severity, range: clamp(ctx, finding.range) };
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

export type { Finding, ResolvedFinding, Rule, RuleContext, Severity } from './types';
export { RuleCache } from './cache';
