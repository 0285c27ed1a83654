// The bot: "Mentors field is empty. At least one mentor (primary) is required." (error).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const mentorsEmpty = emptyFieldRule(
  'form/mentors-empty',
  FIELD.mentors,
  'Mentors is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: at least one mentor (the primary) is required, one per line: \`Full Name | @github-handle | email | LFID\`.`,
);
