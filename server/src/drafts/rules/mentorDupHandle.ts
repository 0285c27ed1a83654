// The bot: no handle twice among the mentors, compared case-insensitively, empty ones included (error).
import { duplicateMentorParts } from './helpers';
import type { DraftRule } from './types';

export const mentorDupHandle: DraftRule = {
  id: 'form/mentor-dup-handle',
  defaultSeverity: 'error',
  description: 'The same handle on two mentor lines.',
  check: (ctx) => duplicateMentorParts(ctx, 'dup-handle', 'form/mentor-dup-handle', 'handle'),
};
