// The bot: exactly one Upstream Issue URL (a comma means several) (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { finding, URL_RE } from './helpers';
import type { DraftRule } from './types';

export const upstreamMultiple: DraftRule = {
  id: 'form/upstream-multiple',
  defaultSeverity: 'error',
  description: 'More than one Upstream Issue URL (link an umbrella issue instead).',
  check(ctx) {
    const section = sectionOf(ctx.draft, FIELD.upstream);
    const url = section?.value ?? '';
    if (!section || !URL_RE.test(url) || !url.includes(',')) return [];
    return [
      finding('form/upstream-multiple', `${section.label} should be exactly one URL; if the program spans several issues, create an umbrella issue and link that.`, section.valueRange ?? section.labelRange),
    ];
  },
};
