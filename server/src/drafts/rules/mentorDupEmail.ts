// The bot: no e-mail address twice among the mentors, compared case-insensitively, empty ones included (error).
import { duplicateMentorParts } from './helpers';
import type { DraftRule } from './types';

export const mentorDupEmail: DraftRule = {
  id: 'form/mentor-dup-email',
  defaultSeverity: 'error',
  description: 'The same e-mail address on two mentor lines.',
  check: (ctx) => duplicateMentorParts(ctx, 'dup-email', 'form/mentor-dup-email', 'e-mail address'),
};
