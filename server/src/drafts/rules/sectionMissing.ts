// The bot: every non-markdown field of the form has its `### <label>` section (a missing one means
// the body was altered by hand) (error, one per missing section). Fix: add it with `_No response_`.
import { addSectionFix, finding, insertionPoint } from './helpers';
import type { DraftRule } from './types';

export const sectionMissing: DraftRule = {
  id: 'form/section-missing',
  defaultSeverity: 'error',
  description: 'A section of the form (`### <label>`) missing from the body.',
  check(ctx) {
    const { draft } = ctx;
    return draft.form.fields
      .filter((field) => !draft.byLabel.has(field.label))
      .map((field) =>
        finding('form/section-missing', `The section "### ${field.label}" is missing; the form writes every field, empty ones as _No response_.`, insertionPoint(ctx, field.label).range, {
          fixes: [addSectionFix(ctx, field.label)],
        }),
      );
  },
};
