// The bot: at most 4 non-blank lines in Mentors (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { mentorCheck } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorsTooMany: DraftRule = {
  id: 'form/mentors-too-many',
  defaultSeverity: 'error',
  description: 'More than 4 mentor lines.',
  check(ctx) {
    const check = mentorCheck(ctx.draft);
    const section = sectionOf(ctx.draft, FIELD.mentors);
    if (!check.tooMany || !section) return [];
    const fifth = ctx.draft.mentors[4];
    const last = ctx.draft.mentors[ctx.draft.mentors.length - 1];
    return [
      finding('form/mentors-too-many', `${check.count} mentor lines: at most 4 mentors are allowed.`, {
        start: fifth.range.start,
        end: last.range.end,
      }),
    ];
  },
};
