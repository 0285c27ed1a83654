// The bot (warning): the project's proposals of the term, this one included, above its quota
// (quotas.yml: default 4, Kubernetes 8). Counted over the other drafts and the accepted proposals.
import { sectionOf, valueOf } from '../draft';
import { FIELD } from '../form';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const quota: DraftRule = {
  id: 'form/quota',
  defaultSeverity: 'warning',
  description: "More proposals of the project in the term than its quota (the bot labels it Over Quota).",
  check(ctx) {
    const project = valueOf(ctx.draft, FIELD.project);
    const term = valueOf(ctx.draft, FIELD.term);
    const section = sectionOf(ctx.draft, FIELD.project);
    if (!ctx.workspace || !project || !term || !section) return [];
    const others = ctx.workspace.proposalsOf(project, term);
    const limit = ctx.workspace.quotaFor(project);
    const count = others.length + 1;
    if (count <= limit) return [];
    return [
      finding('form/quota', `Over quota: ${project} has ${count} proposals for ${term} (limit: ${limit}); the project should decide which to keep.`, section.valueRange ?? section.labelRange, {
        related: others.slice(0, 20).map((o) => ({ uri: o.uri, range: o.range, message: `${o.source === 'readme' ? 'Accepted' : 'Draft'}: ${o.title}` })),
      }),
    ];
  },
};
