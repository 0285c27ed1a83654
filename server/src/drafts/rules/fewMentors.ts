// The bot: the mentors are valid and there is exactly one (warning: a co-mentor is encouraged, not required).
import { mentorCheck } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const fewMentors: DraftRule = {
  id: 'form/few-mentors',
  defaultSeverity: 'warning',
  description: 'One mentor only (a co-mentor shares the load and covers absences).',
  check(ctx) {
    const check = mentorCheck(ctx.draft);
    if (!check.ok || check.count !== 1) return [];
    return [finding('form/few-mentors', 'One mentor only: at least two are encouraged, so a co-mentor can share the load and cover absences.', ctx.draft.mentors[0].range)];
  },
};
