// A project or proposal heading at a level other than the file's structure (its template, or the level
// most of its headings use when the whole file departs from its template).
import type { Project, Proposal, Span } from '../core/model';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { atxMarker, majority, projectLevelOf } from './util';
import { nestedTops } from '../core/walk';
import { span } from '../core/span';


function setLevelFix(ctx: RuleContext, heading: Span, level: number): Fix | undefined {
  const line = heading.start.line;
  const marker = atxMarker(ctx.lines[line] ?? '');
  if (!marker) return undefined;
  return {
    title: `Make it a level-${level} heading (${'#'.repeat(level)})`,
    edits: [{ range: span(line, marker.start, line, marker.end), newText: '#'.repeat(level) }],
    safeForFixAll: true,
  };
}

export const headingLevel: Rule = {
  id: 'heading-level',
  defaultSeverity: 'warning',
  scope: 'structure',
  description: 'A project or proposal heading at a level other than the file\'s structure (e.g. `###` project, `####` proposal).',
  check(ctx) {
    const findings: Finding[] = [];
    const t = ctx.model.template;
    // A project one level below the project before it is that project's sub-project, even when the
    // parent has proposals of its own (`### KubeEdge` > `#### Edge log shipping`, `#### Sedna` > `##### …`).
    // A CNCF project of its own one level too deep is a level mistake, not a sub-project.
    const nested = new Map([...nestedTops(ctx.model)].filter(([p]) => !ctx.catalog.find(p.name)));
    const projectLevel = projectLevelOf(ctx.model);
    const direct = ctx.model.projects.flatMap((p) => p.proposals.map((q) => q.level - p.level));
    const offset = majority(direct) ?? Math.max(1, t.proposalLevel - t.projectLevel);
    const proposalLevel = projectLevel + offset;
    const report = (kind: 'project' | 'sub-project' | 'proposal', name: string, heading: Span, title: Span, level: number, expected: number, parent?: string) => {
      if (level === expected || expected > 6) return;
      const fix = setLevelFix(ctx, heading, expected);
      findings.push({
        ruleId: 'heading-level',
        message: `${kind === 'proposal' ? 'Proposal' : kind === 'project' ? 'Project' : 'Sub-project'} heading "${name}" is at level ${level} (${'#'.repeat(level)}); ${
          kind === 'project' ? 'project headings in this file are' : parent ? `under "${parent}" it should be` : 'proposal headings in this file are'
        } at level ${expected} (${'#'.repeat(expected)}).`,
        range: title.start.line === heading.start.line ? { start: heading.start, end: title.end } : heading,
        fixes: fix ? [fix] : undefined,
      });
    };
    const proposals = (list: readonly Proposal[], expected: number, parent?: string) => {
      for (const q of list) report('proposal', q.title, q.headingRange, q.titleRange, q.level, expected, parent);
    };
    const walk = (project: Project, expected: number, parent?: Project) => {
      report(parent ? 'sub-project' : 'project', project.name, project.headingRange, project.titleRange, project.level, expected, parent?.name);
      proposals(project.proposals, expected + offset, parent ? project.name : undefined);
      for (const sub of project.subprojects) walk(sub, expected + 1, project);
    };
    const expectedOf = new Map<Project, number>();
    for (const project of ctx.model.projects) {
      const parent = nested.get(project);
      const expected = parent ? (expectedOf.get(parent) ?? projectLevel) + 1 : projectLevel;
      expectedOf.set(project, expected);
      walk(project, expected, parent);
    }
    proposals(ctx.model.looseProposals, proposalLevel);
    return findings;
  },
};
