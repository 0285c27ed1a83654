// The bot: the custom prerequisite's description is at most 500 characters on LFX (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { CUSTOM_DESCRIPTION_MAX } from '../room';
import { customPrerequisite } from './custom';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const customDescriptionTooLong: DraftRule = {
  id: 'form/custom-description-too-long',
  defaultSeverity: 'error',
  description: 'A custom prerequisite description longer than 500 characters (the LFX limit).',
  check(ctx) {
    const custom = customPrerequisite(ctx.draft);
    const section = sectionOf(ctx.draft, FIELD.customDescription);
    if (!custom.active || !section || custom.description.length <= CUSTOM_DESCRIPTION_MAX) return [];
    return [
      finding('form/custom-description-too-long', `${section.label} is ${custom.description.length} characters (the LFX limit is ${CUSTOM_DESCRIPTION_MAX}): trim ${custom.description.length - CUSTOM_DESCRIPTION_MAX}.`, section.valueRange ?? section.labelRange),
    ];
  },
};
