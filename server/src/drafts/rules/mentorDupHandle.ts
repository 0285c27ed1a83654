// The bot: no handle twice among the mentors, compared case-insensitively, empty ones included (error).
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorDupHandle: DraftRule = {
  id: 'form/mentor-dup-handle',
  defaultSeverity: 'error',
  description: 'The same handle on two mentor lines.',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'dup-handle')
      .map(({ line, part, value, first }) => {
        const earlier = first ? roleOf(first) : 'another line';
        const message = value
          ? `${roleOf(line)}: duplicate handle \`${value}\` (already given for ${earlier}).`
          : `${roleOf(line)}: no handle, like ${earlier}: the bot counts two empty ones as the same; write each mentor's own.`;
        return finding('form/mentor-dup-handle', message, part?.value ? part.range : line.range, {
          related: first && ctx.uri ? [{ uri: ctx.uri, range: first.range, message: `First written here (${roleOf(first).toLowerCase()})` }] : [],
        });
      });
  },
};
