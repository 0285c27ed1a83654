// The bot: a custom prerequisite (box ticked or any text given) needs a description (error).
import { FIELD, labelOf } from '../form';
import { customPrerequisite } from './custom';
import { finding, labelRange, tickFix } from './helpers';
import type { DraftRule } from './types';

export const customDescriptionMissing: DraftRule = {
  id: 'form/custom-description-missing',
  defaultSeverity: 'error',
  description: 'A custom prerequisite without a description.',
  check(ctx) {
    const custom = customPrerequisite(ctx.draft);
    if (!custom.active || custom.description) return [];
    const onlyBox = custom.checked && !custom.name;
    return [
      finding('form/custom-description-missing', `The custom prerequisite needs a ${labelOf(ctx.draft.form, FIELD.customDescription)} (at most 500 characters).`, labelRange(ctx, FIELD.customDescription), {
        fixes: [onlyBox ? tickFix(ctx.draft, FIELD.custom, false) : undefined],
      }),
    ];
  },
};
