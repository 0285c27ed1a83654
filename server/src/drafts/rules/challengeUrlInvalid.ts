// The bot: the Coding Challenge URL (with the box ticked) is one `http(s)://` URL without spaces (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { codingChallengeTicked, finding, URL_RE } from './helpers';
import type { DraftRule } from './types';

export const challengeUrlInvalid: DraftRule = {
  id: 'form/challenge-url-invalid',
  defaultSeverity: 'error',
  description: 'A Coding Challenge URL that is not one `http(s)://` URL without spaces.',
  check(ctx) {
    const { draft } = ctx;
    const section = sectionOf(draft, FIELD.challengeUrl);
    if (!section?.value || URL_RE.test(section.value) || !codingChallengeTicked(draft)) return [];
    return [finding('form/challenge-url-invalid', `${section.label} \`${section.value.slice(0, 80)}\` is not a valid URL (expected one http(s):// URL with no spaces).`, section.valueRange ?? section.labelRange)];
  },
};
