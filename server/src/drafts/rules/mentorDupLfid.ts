// The bot: no LFID twice among the mentors, compared case-insensitively, empty ones included (error).
import { duplicateMentorParts } from './helpers';
import type { DraftRule } from './types';

export const mentorDupLfid: DraftRule = {
  id: 'form/mentor-dup-lfid',
  defaultSeverity: 'error',
  description: 'The same LFID on two mentor lines.',
  check: (ctx) => duplicateMentorParts(ctx, 'dup-lfid', 'form/mentor-dup-lfid', 'LFID'),
};
