// The bot: a Coding Challenge URL with the Coding Challenge box unticked is dropped by the export (error).
import { sectionOf } from '../draft';
import { CODING_CHALLENGE_OPTION, FIELD, labelOf } from '../form';
import { clearFix, codingChallengeTicked, finding, tickFix } from './helpers';
import type { DraftRule } from './types';

export const challengeUncheckedWithUrl: DraftRule = {
  id: 'form/challenge-unchecked-with-url',
  defaultSeverity: 'error',
  description: 'A Coding Challenge URL while the Coding Challenge box is unticked (the export would drop it).',
  check(ctx) {
    const { draft } = ctx;
    const section = sectionOf(draft, FIELD.challengeUrl);
    if (!section?.value || codingChallengeTicked(draft)) return [];
    return [
      finding(
        'form/challenge-unchecked-with-url',
        `${labelOf(draft.form, FIELD.challengeUrl)} is given but "${CODING_CHALLENGE_OPTION}" is not ticked under ${labelOf(draft.form, FIELD.prerequisites)}: the export would drop the URL.`,
        section.valueRange ?? section.labelRange,
        { fixes: [tickFix(draft, FIELD.prerequisites, true, CODING_CHALLENGE_OPTION), clearFix(section, `Clear ${section.label}`)] },
      ),
    ];
  },
};
