// The bot: Program Description at most 3000 characters after trimming (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { DESCRIPTION_MAX } from '../room';
import { figure, finding } from './helpers';
import type { DraftRule } from './types';

export const descriptionTooLong: DraftRule = {
  id: 'form/description-too-long',
  defaultSeverity: 'error',
  description: 'Program Description longer than 3,000 characters (the LFX limit).',
  check(ctx) {
    const section = sectionOf(ctx.draft, FIELD.description);
    const length = section?.value.length ?? 0;
    if (!section || length <= DESCRIPTION_MAX) return [];
    return [
      finding(
        'form/description-too-long',
        `${section.label} is ${figure(length)} characters (the LFX limit is ${figure(DESCRIPTION_MAX)}): trim ${figure(length - DESCRIPTION_MAX)}.`,
        section.valueRange ?? section.labelRange,
      ),
    ];
  },
};
