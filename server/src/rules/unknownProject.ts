// A project heading that names no CNCF project; the fixes offer the closest names.
import { projectKey } from '../core/cncfProjects';
import type { Finding, Rule } from './types';

/** Headings that are legitimately not a project name from the list (TAGs, CNCF-wide work). */
const NOT_PROJECTS = /^(?:cncf\b|tag\b|sig\b|technical advisory group|working group|wg\b|toc\b|glossary|landscape)/i;

export const unknownProject: Rule = {
  id: 'unknown-project',
  defaultSeverity: 'warning',
  description: 'A project heading that names no CNCF project (from projects.yml or the shipped list); the fix offers the closest names.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const project of ctx.model.projects) {
      const name = project.name.replace(/\s+/g, ' ').trim();
      if (!name || NOT_PROJECTS.test(name) || ctx.catalog.find(name)) continue;
      const key = projectKey(name);
      // `Konveyor AI`, `Kubernetes SIG Network`, `Jaeger / OpenTelemetry`: a known project name leads the heading.
      const words = name.split(/[\s/,:–—-]+/).filter(Boolean);
      let known = false;
      for (let n = words.length - 1; n >= 1 && !known; n--) known = !!ctx.catalog.find(words.slice(0, n).join(' '));
      if (known || key.length < 2) continue;
      if (ctx.catalog.projects.some((p) => projectKey(p.name).length >= 4 && key.startsWith(projectKey(p.name)))) continue;
      const closest = ctx.catalog.closest(name, 3);
      findings.push({
        ruleId: 'unknown-project',
        message: `"${name}" is not a CNCF project name${closest.length ? `; did you mean ${closest.map((p) => `"${p.name}"`).join(', ')}?` : '; project headings name the CNCF project (see projects.yml).'}`,
        range: project.titleRange,
        fixes: closest.map((p) => ({ title: `Rename to "${p.name}"`, edits: [{ range: project.titleRange, newText: p.name }] })),
      });
    }
    return findings;
  },
};
