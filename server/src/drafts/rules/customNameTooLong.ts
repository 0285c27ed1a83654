// The bot: the custom prerequisite's name is at most 20 characters on LFX (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { CUSTOM_NAME_MAX } from '../room';
import { customPrerequisite } from './custom';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const customNameTooLong: DraftRule = {
  id: 'form/custom-name-too-long',
  defaultSeverity: 'error',
  description: 'A custom prerequisite name longer than 20 characters (the LFX limit).',
  check(ctx) {
    const custom = customPrerequisite(ctx.draft);
    const section = sectionOf(ctx.draft, FIELD.customName);
    if (!custom.active || !section || custom.name.length <= CUSTOM_NAME_MAX) return [];
    return [finding('form/custom-name-too-long', `${section.label} is ${custom.name.length} characters (the LFX limit is ${CUSTOM_NAME_MAX}).`, section.valueRange ?? section.labelRange)];
  },
};
