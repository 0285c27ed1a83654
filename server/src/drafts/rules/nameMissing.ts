// The bot: "Program Name is empty." (error).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const nameMissing = emptyFieldRule(
  'form/name-missing',
  FIELD.name,
  'Program Name is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: write the descriptive part of the program's name on LFX.`,
);
