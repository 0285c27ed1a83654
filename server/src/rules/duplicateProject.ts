// One CNCF project in two sections of a file (usually a merge mistake).
import type { Project } from '../core/model';
import type { Finding, Rule } from './types';

export const duplicateProject: Rule = {
  id: 'duplicate-project',
  defaultSeverity: 'warning',
  scope: 'structure',
  description: 'The same project (or sub-project) has two sections in one file; merge its proposals under one heading.',
  check(ctx) {
    const findings: Finding[] = [];
    const check = (projects: readonly Project[], parent?: Project) => {
      const seen = new Map<string, Project>();
      for (const project of projects) {
        // The whole heading, parenthesised part included: `Kubernetes (SIG Docs)` and
        // `Kubernetes (SIG Network)` are deliberate separate sections.
        const key = project.name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
        if (!key) continue;
        const first = seen.get(key);
        if (first) {
          findings.push({
            ruleId: 'duplicate-project',
            message: `"${project.name}" already has a section above${parent ? ` under "${parent.name}"` : ''}; put all of its proposals under one heading.`,
            range: project.titleRange,
            related: [{ uri: ctx.uri, range: first.titleRange, message: `First section of "${first.name}"` }],
          });
        } else seen.set(key, project);
        check(project.subprojects, project);
      }
    };
    check(ctx.model.projects);
    return findings;
  },
};
