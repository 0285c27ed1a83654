// A project heading that names no CNCF project; the fixes offer the closest names. A near miss (a
// likely typo) is a warning; a name far from every project (an archived project, a sub-project
// typed at project level, a project missing from the list) is information.
import { editDistance, projectKey, type CncfProject } from '../core/cncfProjects';
import type { Finding, Rule, RuleContext } from './types';
import { nestedTops } from '../core/walk';

/** Headings that are legitimately not a project name from the list (TAGs, CNCF-wide work). */
const NOT_PROJECTS = /^(?:cncf\b|tag\b|sig\b|technical advisory group|working group|wg\b|toc\b|glossary|landscape)/i;

function knownIn(ctx: RuleContext, name: string): boolean {
  if (ctx.catalog.find(name)) return true;
  // `Konveyor AI`, `Kubernetes SIG Network`, `Jaeger / OpenTelemetry`: a known project name leads the heading.
  const words = name.split(/[\s/,:–—-]+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) if (ctx.catalog.find(words.slice(0, n).join(' '))) return true;
  const key = projectKey(name);
  // `OPA` for `Open Policy Agent (OPA)`.
  if (ctx.catalog.projects.some((p) => /\(([^)]{1,40})\)/.exec(p.name)?.[1] && projectKey(/\(([^)]{1,40})\)/.exec(p.name)![1].replace(/[()]/g, '')) === key)) return true;
  if (key.length < 4) return false;
  return ctx.catalog.projects.some((p) => {
    const k = projectKey(p.name);
    // `WasmEdge` for `WasmEdge Runtime`; `Cloud Native Buildpacks` for `Buildpacks`.
    return k.length >= 4 && (k.startsWith(key) || (k.length >= 6 && key.includes(k)));
  });
}

/** Project names within a small edit distance of the heading (typos, not lookalikes). */
function nearMisses(ctx: RuleContext, name: string): CncfProject[] {
  const key = projectKey(name).slice(0, 100);
  if (key.length < 4) return [];
  const limit = Math.max(1, Math.floor(key.length / 4));
  return ctx.catalog
    .closest(name, 10)
    .filter((p) => Math.min(editDistance(key, projectKey(p.name)), editDistance(key, projectKey(p.slug))) <= limit)
    .slice(0, 3);
}

// Per-keystroke cost (incremental work, scripts/bench.ts): `knownIn` and `nearMisses` scan the
// whole catalogue (edit distances) per heading, ~100 ms per diagnostics pull on a file with many
// unlisted names. Their answer depends only on the catalogue and the name: memoised per catalogue.
const verdicts = new WeakMap<object, Map<string, CncfProject[] | null>>();

/** null: a known project (or not checked); else the near misses (possibly none). */
function verdictFor(ctx: RuleContext, name: string): CncfProject[] | null {
  let cache = verdicts.get(ctx.catalog);
  if (!cache) verdicts.set(ctx.catalog, (cache = new Map()));
  let v = cache.get(name);
  if (v === undefined) {
    v = !name || NOT_PROJECTS.test(name) || projectKey(name).length < 2 || knownIn(ctx, name) ? null : nearMisses(ctx, name);
    if (cache.size > 5000) cache.clear();
    cache.set(name, v);
  }
  return v;
}

export const unknownProject: Rule = {
  id: 'unknown-project',
  defaultSeverity: 'warning',
  // Reads project names and levels only (a project one level below another is its sub-project).
  scope: 'structure',
  description: 'A project heading that names no CNCF project (from projects.yml or the shipped list); the fix offers the closest names.',
  check(ctx) {
    const findings: Finding[] = [];
    const nested = nestedTops(ctx.model);
    for (const project of ctx.model.projects) {
      // One level below a known CNCF project: its sub-project (Kubernetes > Kubespray, KubeEdge > Sedna).
      const parent = nested.get(project);
      if (parent && verdictFor(ctx, parent.name.replace(/\s+/g, ' ').trim()) === null) continue;
      const name = project.name.replace(/\s+/g, ' ').trim();
      const closest = verdictFor(ctx, name);
      if (!closest) continue;
      findings.push({
        ruleId: 'unknown-project',
        severity: closest.length ? 'warning' : 'information',
        message: closest.length
          ? `"${name}" is not a CNCF project name; did you mean ${closest.map((p) => `"${p.name}"`).join(', ')}?`
          : `"${name}" is not in the current CNCF project list; project headings name the CNCF project (a sub-project goes one level below its parent; an archived project is no longer listed).`,
        range: project.titleRange,
        fixes: closest.map((p) => ({ title: `Rename to "${p.name}"`, edits: [{ range: project.titleRange, newText: p.name }] })),
      });
    }
    return findings;
  },
};
