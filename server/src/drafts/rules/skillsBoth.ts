// The bot: the box "Skills same as Technologies?" ticked and Required/Desirable Skills filled in:
// the export uses Technologies for both (warning).
import { isTicked, sectionOf, valueOf } from '../draft';
import { FIELD, labelOf } from '../form';
import { clearFix, finding, labelRange, tickFix } from './helpers';
import type { DraftRule } from './types';

export const skillsBoth: DraftRule = {
  id: 'form/skills-both',
  defaultSeverity: 'warning',
  description: '"Skills same as Technologies?" ticked while Required/Desirable Skills is filled in (the export uses Technologies).',
  check(ctx) {
    const { draft } = ctx;
    if (!isTicked(draft, FIELD.skillsSame) || !valueOf(draft, FIELD.skills)) return [];
    const skills = sectionOf(draft, FIELD.skills);
    return [
      finding(
        'form/skills-both',
        `"${labelOf(draft.form, FIELD.skillsSame)}" is ticked but ${labelOf(draft.form, FIELD.skills)} is also filled in; the export will use Technologies for both: clear one or the other.`,
        skills?.valueRange ?? labelRange(ctx, FIELD.skills),
        { fixes: [tickFix(draft, FIELD.skillsSame, false), clearFix(skills, `Clear ${labelOf(draft.form, FIELD.skills)}`)] },
      ),
    ];
  },
};
