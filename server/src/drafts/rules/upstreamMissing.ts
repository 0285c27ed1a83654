// The bot: "Upstream Issue URL is empty." (error).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const upstreamMissing = emptyFieldRule(
  'form/upstream-missing',
  FIELD.upstream,
  'Upstream Issue URL is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: link one tracking issue in the project's repository (an umbrella issue for several).`,
);
