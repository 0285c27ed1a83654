// Beyond the bot: a CNCF Project not among the form's dropdown options (information when the
// options come from the shipped copy of the form).
import { FIELD } from '../form';
import { optionFindings } from './options';
import type { DraftRule } from './types';

export const unknownProject: DraftRule = {
  id: 'form/unknown-project',
  defaultSeverity: 'warning',
  description: "A CNCF Project not among the form's dropdown options.",
  check: (ctx) => optionFindings(ctx, 'form/unknown-project', FIELD.project, 'CNCF Project'),
};
