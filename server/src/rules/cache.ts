// What one document's rule runs keep between versions, so a keystroke runs the rules of what it
// changed, by each rule's `scope` (rules/types.ts RuleScope):
//   project    findings per top-level project object: kept while the incremental model reuses the
//              project, moved by whole lines with a project it moved (RuleContext.moved, from the
//              incremental state: core/incremental.ts);
//   structure  findings while the model's `headings` array and `toc` object are the previous ones
//              (a version shares them only when the heading structure is unchanged);
//   file       a whole-file rule's findings while its declared inputs (Rule.inputs) are unchanged.
// Resolved findings are kept per finding object, so their LSP form and JSON are made once.
import { cloneShift } from '../core/incremental';
import type { Project } from '../core/model';
import type { Finding, ResolvedFinding, Rule, RuleContext, Severity } from './types';
import { templateText } from './util';
import { spanKey } from '../core/span';

/** A project's findings by rule, and the file facts around it they were computed with (`around`). */
interface ProjectFindings {
  around: string;
  byRule: Map<string, Finding[]>;
}

/** `around` of a project that depends on nothing around it: its findings move with it. */
const NOTHING_AROUND = '|';

export class RuleCache {
  private key = '';
  private template: unknown;
  private templateKey = '';
  private catalog: unknown;
  private quotas: unknown;
  projects = new WeakMap<Project, ProjectFindings>();
  structure?: { headings: unknown; toc: unknown; kind: string; findings: Map<string, Finding[]> };
  readonly byInputs = new Map<string, { inputs: readonly unknown[]; findings: Finding[] }>();
  private readonly resolvedFindings = new WeakMap<Finding, { severity: Severity; lines: number; out: ResolvedFinding }>();

  /** Starts a run: everything kept is dropped when what every rule may read changed (file, term, template, catalogue, quotas). */
  begin(ctx: RuleContext): void {
    const key = this.fileKey(ctx);
    if (key === this.key && ctx.catalog === this.catalog && ctx.quotas === this.quotas) return;
    this.key = key;
    this.catalog = ctx.catalog;
    this.quotas = ctx.quotas;
    this.projects = new WeakMap();
    this.structure = undefined;
    this.byInputs.clear();
  }

  /** A rule's findings for this version: the kept ones where its scope allows, else a run. */
  findings(rule: Rule, ctx: RuleContext): Finding[] {
    if (rule.scope === 'project') return this.perProject(rule, ctx);
    if (rule.scope === 'structure') return this.perStructure(rule, ctx);
    return this.perInputs(rule, ctx);
  }

  /**
   * A finding kept from an earlier version (its project, or the structure, unchanged: so are its
   * lines) resolves to the very object it did then, so what is derived from it downstream (the LSP
   * diagnostic and its JSON) is made once.
   */
  resolved(ctx: RuleContext, finding: Finding, severity: Severity, resolve: (ctx: RuleContext, finding: Finding, severity: Severity) => ResolvedFinding): ResolvedFinding {
    const known = this.resolvedFindings.get(finding);
    if (known && known.severity === severity && known.lines === ctx.lines.length) return known.out;
    const out = resolve(ctx, finding, severity);
    this.resolvedFindings.set(finding, { severity, lines: ctx.lines.length, out });
    return out;
  }

  /** Everything besides a project's own lines and model that per-project rules read. */
  private fileKey(ctx: RuleContext): string {
    const m = ctx.model;
    const file = JSON.stringify([ctx.uri, ctx.path, m.kind, ctx.term?.id ?? null, ctx.term?.year ?? null, ctx.term?.program ?? null]);
    // The template is shared between versions while unchanged (core/incremental.ts): read it once
    // then. Where it sits matters only to a project holding it (see `around`).
    if (m.template !== this.template) {
      this.template = m.template;
      this.templateKey = JSON.stringify([{ ...m.template, range: undefined }, templateText(ctx)]);
    }
    return file + this.templateKey;
  }

  private perProject(rule: Rule, ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    const model = ctx.model;
    if (model.looseProposals.length) out.push(...rule.check({ ...ctx, model: { ...model, projects: [] } }));
    for (const project of model.projects) {
      const entry = this.entryOf(project, ctx);
      let findings = entry.byRule.get(rule.id);
      if (!findings) {
        // Moved by an edit above: the previous version's findings, moved with it.
        const moved = ctx.moved?.get(project);
        const before = moved && this.projects.get(moved.from);
        const earlier = before && before.around === NOTHING_AROUND && entry.around === NOTHING_AROUND ? before.byRule.get(rule.id) : undefined;
        findings = earlier ? cloneShift(earlier, moved!.by) : rule.check({ ...ctx, model: { ...model, projects: [project], looseProposals: [] } });
        entry.byRule.set(rule.id, findings);
      }
      out.push(...findings);
    }
    return out;
  }

  private entryOf(project: Project, ctx: RuleContext): ProjectFindings {
    const around = aroundOf(project, ctx);
    let entry = this.projects.get(project);
    if (!entry || entry.around !== around) this.projects.set(project, (entry = { around, byRule: new Map() }));
    return entry;
  }

  private perStructure(rule: Rule, ctx: RuleContext): Finding[] {
    const { headings, toc, kind } = ctx.model;
    let memo = this.structure;
    if (!memo || memo.headings !== headings || memo.toc !== toc || memo.kind !== kind) this.structure = memo = { headings, toc, kind, findings: new Map() };
    let findings = memo.findings.get(rule.id);
    if (!findings) memo.findings.set(rule.id, (findings = rule.check(ctx)));
    return findings;
  }

  private perInputs(rule: Rule, ctx: RuleContext): Finding[] {
    if (!rule.inputs) return rule.check(ctx);
    const inputs = rule.inputs(ctx);
    const kept = this.byInputs.get(rule.id);
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) return kept.findings;
    const findings = rule.check(ctx);
    this.byInputs.set(rule.id, { inputs, findings });
    return findings;
  }
}

/**
 * The file facts a project's findings read besides the file key: the line count for a project
 * reaching the end of the file (whole-line fixes there take the line before), where the template
 * block sits for a project holding it (its lines are not entries).
 */
function aroundOf(project: Project, ctx: RuleContext): string {
  const atEnd = project.range.end.line + 2 >= ctx.lines.length;
  const t = ctx.model.template.range;
  const holdsTemplate = !!t && t.start.line <= project.range.end.line && t.end.line >= project.range.start.line;
  return `${atEnd ? ctx.lines.length : ''}|${holdsTemplate ? spanKey(t) : ''}`;
}
