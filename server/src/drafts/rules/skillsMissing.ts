// The bot: "Either check 'Skills same as Technologies?' or fill in Required/Desirable Skills." (error).
import { isTicked, sectionOf, valueOf } from '../draft';
import { FIELD, labelOf } from '../form';
import { finding, labelRange, tickFix } from './helpers';
import type { DraftRule } from './types';

export const skillsMissing: DraftRule = {
  id: 'form/skills-missing',
  defaultSeverity: 'error',
  description: 'Neither "Skills same as Technologies?" ticked nor Required/Desirable Skills given.',
  check(ctx) {
    const { draft } = ctx;
    if (isTicked(draft, FIELD.skillsSame) || valueOf(draft, FIELD.skills)) return [];
    const same = labelOf(draft.form, FIELD.skillsSame);
    const skills = labelOf(draft.form, FIELD.skills);
    const range = sectionOf(draft, FIELD.skills) ? labelRange(ctx, FIELD.skills) : labelRange(ctx, FIELD.skillsSame);
    return [
      finding('form/skills-missing', `Either tick "${same}" or fill in ${skills}.`, range, {
        fixes: [valueOf(draft, FIELD.technologies) ? tickFix(draft, FIELD.skillsSame, true) : undefined],
      }),
    ];
  },
};
