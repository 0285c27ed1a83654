// The bot: custom prerequisite text with its box unticked is dropped by the export (error).
import { sectionOf } from '../draft';
import { FIELD, labelOf } from '../form';
import { customPrerequisite } from './custom';
import { finding, labelRange, tickFix } from './helpers';
import type { DraftRule } from './types';

export const customUncheckedWithCopy: DraftRule = {
  id: 'form/custom-unchecked-with-copy',
  defaultSeverity: 'error',
  description: 'A custom prerequisite name or description while its box is unticked (the export would drop it).',
  check(ctx) {
    const custom = customPrerequisite(ctx.draft);
    if (!custom.active || custom.checked) return [];
    const box = sectionOf(ctx.draft, FIELD.custom);
    return [
      finding(
        'form/custom-unchecked-with-copy',
        `A custom prerequisite is written but "${labelOf(ctx.draft.form, FIELD.custom)}" is not ticked: the export would drop it.`,
        box?.checkboxes[0]?.range ?? labelRange(ctx, FIELD.custom),
        { fixes: [tickFix(ctx.draft, FIELD.custom, true)] },
      ),
    ];
  },
};
