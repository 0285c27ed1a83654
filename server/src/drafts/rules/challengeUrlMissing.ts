// The bot: Coding Challenge ticked under Application Prerequisites needs a Coding Challenge URL (error).
import { sectionOf } from '../draft';
import { CODING_CHALLENGE_OPTION, FIELD, labelOf } from '../form';
import { codingChallengeTicked, finding, labelRange, tickFix } from './helpers';
import type { DraftRule } from './types';

export const challengeUrlMissing: DraftRule = {
  id: 'form/challenge-url-missing',
  defaultSeverity: 'error',
  description: 'Coding Challenge ticked without a Coding Challenge URL.',
  check(ctx) {
    const { draft } = ctx;
    if (!codingChallengeTicked(draft)) return [];
    if (sectionOf(draft, FIELD.challengeUrl)?.value) return [];
    return [
      finding('form/challenge-url-missing', `"${CODING_CHALLENGE_OPTION}" is ticked, so ${labelOf(draft.form, FIELD.challengeUrl)} is required.`, labelRange(ctx, FIELD.challengeUrl), {
        fixes: [tickFix(draft, FIELD.prerequisites, false, CODING_CHALLENGE_OPTION)],
      }),
    ];
  },
};
