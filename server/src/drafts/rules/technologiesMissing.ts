// The bot: "Technologies is empty." (error).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const technologiesMissing = emptyFieldRule(
  'form/technologies-missing',
  FIELD.technologies,
  'Technologies is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: list the languages, frameworks and platforms, comma-separated.`,
);
