// The bot: "Program Description is empty." (error).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const descriptionMissing = emptyFieldRule(
  'form/description-missing',
  FIELD.description,
  'Program Description is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: describe the program and what success looks like (## Description, ## Expected outcomes).`,
);
