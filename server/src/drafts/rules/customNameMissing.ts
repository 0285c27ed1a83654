// The bot: a custom prerequisite (box ticked or any text given) needs a name (error).
import { FIELD, labelOf } from '../form';
import { customPrerequisite } from './custom';
import { finding, labelRange, tickFix } from './helpers';
import type { DraftRule } from './types';

export const customNameMissing: DraftRule = {
  id: 'form/custom-name-missing',
  defaultSeverity: 'error',
  description: 'A custom prerequisite without a name.',
  check(ctx) {
    const custom = customPrerequisite(ctx.draft);
    if (!custom.active || custom.name) return [];
    const onlyBox = custom.checked && !custom.description;
    return [
      finding('form/custom-name-missing', `The custom prerequisite needs a ${labelOf(ctx.draft.form, FIELD.customName)} (at most 20 characters).`, labelRange(ctx, FIELD.customName), {
        fixes: [onlyBox ? tickFix(ctx.draft, FIELD.custom, false) : undefined],
      }),
    ];
  },
};
