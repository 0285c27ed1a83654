// The rule registry and the one function both the server and the CLI call.
import type { RuleSeverity } from '../settings';
import { DISABLE_MARK, disabledRules, type Disabled } from './disable';
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
import type { Finding, ResolvedFinding, Rule, RuleContext, Severity } from './types';
import { unknownProject } from './unknownProject';
import { upstreamIssue } from './upstreamIssue';
import { comparePos, templateText } from './util';
import { cloneShift, movedProjects } from '../core/incremental';
import type { Project } from '../core/model';

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

/**
 * Rules whose findings are the union of their findings on each top-level project alone (and on the
 * loose proposals alone): they look at one proposal or project heading at a time, its own lines,
 * and file-level facts only (kind, term, template, catalogue, uri; the line count only for a
 * project at the end of the file). Their findings' positions (ranges, related, fixes) lie in the
 * project's lines. With a RuleCache they run per project: a project the incremental model reused
 * unchanged (the same object) keeps its findings, and one it moved by whole lines gets them moved.
 * A rule comparing across projects must not be listed here (test/unit/rules/ruleCache.test.ts
 * compares cached runs with plain ones over random edits).
 */
const PER_PROJECT: ReadonlySet<string> = new Set([
  requiredField.id,
  templatePlaceholder.id,
  mentorFormat.id,
  mentorHandle.id,
  mentorEmail.id,
  mentorDuplicate.id,
  mentorCount.id,
  upstreamIssue.id,
  duplicateField.id,
  unknownProject.id,
  gsocProjectSize.id,
]);

/**
 * Rules that read only the heading structure: project and proposal names, titles, levels, heading
 * and title ranges, which proposal sits under which project, heading lines, the TOC (and its
 * lines), template, kind, catalogue and quotas; never a section's `range`, fields, mentors or
 * upstream links. A version keeps the previous `headings` array and `toc` object only when these
 * are unchanged (core/incremental.ts `retype`), so with a RuleCache their findings are kept while
 * both are the same objects.
 */
const PER_STRUCTURE: ReadonlySet<string> = new Set([headingLevel.id, duplicateProject.id, duplicateTitle.id, quota.id, toc.id]);

/** A project's PER_PROJECT findings by rule, and the line count they were computed at when it mattered. */
interface ProjectFindings {
  lines: number;
  byRule: Map<string, Finding[]>;
}

/** Per-document memory of PER_PROJECT findings by project object, and of PER_STRUCTURE findings (see `runRules`). */
export class RuleCache {
  key = '';
  template: unknown;
  templateKey = '';
  catalog: unknown;
  quotas: unknown;
  projects = new WeakMap<Project, ProjectFindings>();
  structure?: { headings: unknown; toc: unknown; kind: string; findings: Map<string, Finding[]> };
  resolved = new WeakMap<Finding, { severity: Severity; lines: number; out: ResolvedFinding }>();
  byInputs = new Map<string, { inputs: readonly unknown[]; findings: Finding[] }>();
}

function perStructure(rule: Rule, ctx: RuleContext, cache: RuleCache): Finding[] {
  const { headings, toc, kind } = ctx.model;
  let memo = cache.structure;
  if (!memo || memo.headings !== headings || memo.toc !== toc || memo.kind !== kind) cache.structure = memo = { headings, toc, kind, findings: new Map() };
  let findings = memo.findings.get(rule.id);
  if (!findings) memo.findings.set(rule.id, (findings = rule.check(ctx)));
  return findings;
}

/** A whole-file rule's findings, kept while its declared inputs are unchanged (Rule.inputs). */
function perInputs(rule: Rule, ctx: RuleContext, cache: RuleCache): Finding[] {
  if (!rule.inputs) return rule.check(ctx);
  const inputs = rule.inputs(ctx);
  const kept = cache.byInputs.get(rule.id);
  if (kept && kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) return kept.findings;
  const findings = rule.check(ctx);
  cache.byInputs.set(rule.id, { inputs, findings });
  return findings;
}

const NOTHING_DISABLED: Disabled = { all: false, ids: new Set() };

/** Everything besides a project's own lines and model that PER_PROJECT rules read. */
function fileKey(ctx: RuleContext, cache: RuleCache): string {
  const m = ctx.model;
  const file = JSON.stringify([ctx.uri, ctx.path, m.kind, ctx.term?.id ?? null, ctx.term?.year ?? null, ctx.term?.program ?? null]);
  // The template is shared between versions while unchanged (core/incremental.ts): read it once then.
  if (m.template !== cache.template) {
    cache.template = m.template;
    cache.templateKey = JSON.stringify([m.template, templateText(ctx)]);
  }
  return file + cache.templateKey;
}

/** The line count a project's findings depend on: only a project reaching the end of the file (whole-line fixes there take the line before). */
function linesKey(project: Project, ctx: RuleContext): number {
  return project.range.end.line + 2 >= ctx.lines.length ? ctx.lines.length : -1;
}

function findingsOf(project: Project, ctx: RuleContext, cache: RuleCache): ProjectFindings {
  const lines = linesKey(project, ctx);
  let entry = cache.projects.get(project);
  if (!entry || entry.lines !== lines) cache.projects.set(project, (entry = { lines, byRule: new Map() }));
  return entry;
}

function perProject(rule: Rule, ctx: RuleContext, cache: RuleCache): Finding[] {
  const out: Finding[] = [];
  const model = ctx.model;
  if (model.looseProposals.length) out.push(...rule.check({ ...ctx, model: { ...model, projects: [] } }));
  for (const project of model.projects) {
    const entry = findingsOf(project, ctx, cache);
    let findings = entry.byRule.get(rule.id);
    if (!findings) {
      // Moved by an edit above: the previous version's findings, moved with it.
      const moved = movedProjects.get(project);
      const before = moved && cache.projects.get(moved.from);
      const earlier = before && before.lines === -1 && entry.lines === -1 ? before.byRule.get(rule.id) : undefined;
      findings = earlier ? cloneShift(earlier, moved!.by) : rule.check({ ...ctx, model: { ...model, projects: [project], looseProposals: [] } });
      entry.byRule.set(rule.id, findings);
    }
    out.push(...findings);
  }
  return out;
}

export interface RunOptions {
  /** Severity per rule id (`projectIdeas.rules`, `--rule id=severity`). */
  severities?: Record<string, RuleSeverity>;
  /** Called when a rule throws (it is skipped; the others still run). */
  onError?: (ruleId: string, error: unknown) => void;
  /** One per document: per-project findings of unchanged projects are kept between versions. */
  cache?: RuleCache;
}

/** Runs every rule not switched off (by setting or by a disable comment) and resolves severities. */
export function runRules(ctx: RuleContext, options: RunOptions = {}): ResolvedFinding[] {
  // One native search of the text instead of a look at every line, in the usual file without one.
  const disabled = ctx.text.includes(DISABLE_MARK) ? disabledRules(ctx.lines) : NOTHING_DISABLED;
  if (disabled.all) return [];
  const cache = options.cache;
  if (cache) {
    const key = fileKey(ctx, cache);
    if (key !== cache.key || ctx.catalog !== cache.catalog || ctx.quotas !== cache.quotas) {
      cache.key = key;
      cache.catalog = ctx.catalog;
      cache.quotas = ctx.quotas;
      cache.projects = new WeakMap();
      cache.structure = undefined;
      cache.byInputs.clear();
    }
  }
  const out: ResolvedFinding[] = [];
  for (const rule of RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off' || disabled.ids.has(rule.id)) continue;
    let findings;
    try {
      findings = !cache ? rule.check(ctx) : PER_PROJECT.has(rule.id) ? perProject(rule, ctx, cache) : PER_STRUCTURE.has(rule.id) ? perStructure(rule, ctx, cache) : perInputs(rule, ctx, cache);
    } catch (error) {
      options.onError?.(rule.id, error);
      continue;
    }
    for (const finding of findings) {
      const severity: Severity = setting ?? finding.severity ?? rule.defaultSeverity;
      out.push(cache ? resolvedOnce(cache, ctx, finding, severity) : resolve(ctx, finding, severity));
    }
  }
  return out.sort((a, b) => comparePos(a.range.start, b.range.start) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

function resolve(ctx: RuleContext, finding: Finding, severity: Severity): ResolvedFinding {
  return { ...finding, severity, range: clamp(ctx, finding.range) };
}

/**
 * A finding kept from an earlier version (its project, or the structure, unchanged: so are its
 * lines) resolves to the very object it did then, so what is derived from it downstream (the LSP
 * diagnostic and its JSON) is made once.
 */
function resolvedOnce(cache: RuleCache, ctx: RuleContext, finding: Finding, severity: Severity): ResolvedFinding {
  const known = cache.resolved.get(finding);
  if (known && known.severity === severity && known.lines === ctx.lines.length) return known.out;
  const out = resolve(ctx, finding, severity);
  cache.resolved.set(finding, { severity, lines: ctx.lines.length, out });
  return out;
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
