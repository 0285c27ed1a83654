// The bot (warning): another proposal of the term has the same upstream issue after upstream's
// normalisation. Here also against the other drafts and the term README's accepted proposals.
import { sectionOf, valueOf } from '../draft';
import { FIELD } from '../form';
import { normalizeUpstream } from '../workspace';
import { finding, URL_RE } from './helpers';
import type { DraftRule } from './types';

export const duplicateUpstream: DraftRule = {
  id: 'form/duplicate-upstream',
  defaultSeverity: 'warning',
  description: 'An upstream issue already used by another proposal of the term (a draft or the term README).',
  check(ctx) {
    const section = sectionOf(ctx.draft, FIELD.upstream);
    const url = section?.value ?? '';
    const term = valueOf(ctx.draft, FIELD.term);
    if (!ctx.workspace || !section || !URL_RE.test(url) || !term) return [];
    const target = normalizeUpstream(url);
    const others = ctx.workspace.upstreamUses(target, term);
    if (!others.length) return [];
    const names = others.slice(0, 3).map((o) => `"${o.title}"${o.source === 'readme' ? ' (accepted)' : ' (draft)'}`);
    return [
      finding('form/duplicate-upstream', `This upstream issue is already used by ${names.join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''} in ${term}; each program should link its own issue.`, section.valueRange ?? section.labelRange, {
        related: others.slice(0, 20).map((o) => ({ uri: o.uri, range: o.range, message: `Same upstream issue: ${o.title}` })),
      }),
    ];
  },
};
