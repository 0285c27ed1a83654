// Beyond the bot: a Term not among the form's dropdown options (information when the options
// come from the shipped copy of the form).
import { FIELD } from '../form';
import { optionFindings } from './options';
import type { DraftRule } from './types';

export const unknownTerm: DraftRule = {
  id: 'form/unknown-term',
  defaultSeverity: 'warning',
  description: "A Term not among the form's dropdown options.",
  check: (ctx) => optionFindings(ctx, 'form/unknown-term', FIELD.term, 'Term'),
};
