// The bot: "CNCF Project is empty." (error). The value is not compared with the dropdown options here (see unknownProject.ts).
import { FIELD } from '../form';
import { emptyFieldRule } from './helpers';

export const projectMissing = emptyFieldRule(
  'form/project-missing',
  FIELD.project,
  'CNCF Project is empty (the bot blocks the proposal).',
  (label) => `${label} is empty: choose the CNCF project this program belongs to.`,
);
