// More proposals for one CNCF project in a term than its quota (quotas.yml; 4 by default, Kubernetes 8).
import { projectKey } from '../core/cncfProjects';
import type { Project, Proposal } from '../core/model';
import type { Finding, Rule } from './types';
import { isAcceptedReadme } from './util';
import { proposalsOf } from '../core/walk';

export const quota: Rule = {
  id: 'quota',
  defaultSeverity: 'warning',
  scope: 'structure',
  description: 'More proposals for one CNCF project in a term than its quota (quotas.yml, `projectIdeas.quotas`; default 4, Kubernetes 8); information in an accepted term README.',
  check(ctx) {
    const findings: Finding[] = [];
    if (ctx.model.kind === 'gsoc' || ctx.term?.program === 'gsoc') return findings;
    const groups = new Map<string, { sections: Project[]; proposals: Proposal[] }>();
    for (const { proposal, top } of proposalsOf(ctx.model)) {
      if (!top) continue;
      const known = ctx.catalog.find(top.name);
      const key = known ? `cncf:${known.slug}` : projectKey(top.name);
      if (!key) continue;
      const group = groups.get(key) ?? { sections: [], proposals: [] };
      groups.set(key, group);
      if (!group.sections.includes(top)) group.sections.push(top);
      group.proposals.push(proposal);
    }
    // A term README lists proposals already accepted (some terms allowed more): nothing to act on.
    const accepted = isAcceptedReadme(ctx);
    for (const { sections, proposals } of groups.values()) {
      const head = sections[0];
      const allowed = ctx.quotas.quotaFor(head.name, ctx.catalog.find(head.name));
      if (proposals.length <= allowed) continue;
      findings.push({
        ruleId: 'quota',
        severity: accepted ? 'information' : undefined,
        message: accepted
          ? `${head.name} has ${proposals.length} accepted proposals this term, above the usual quota of ${allowed} per project per term.`
          : `${head.name} has ${proposals.length} proposals this term; the quota is ${allowed} per project per term. Keep the strongest ${allowed}, or ask the program admins for an exception.`,
        range: head.titleRange,
        related: proposals.slice(allowed).map((p) => ({ uri: ctx.uri, range: p.titleRange, message: `Over the quota: "${p.title}"` })),
      });
    }
    return findings;
  },
};
