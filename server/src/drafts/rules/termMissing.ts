// The bot: "Term is empty." (error).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const termMissing = emptyFieldRule(
  'form/term-missing',
  FIELD.term,
  'Term is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: choose the term this proposal is for, e.g. "2026 Term 3 (Sep-Nov)".`,
);
