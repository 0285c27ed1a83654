// The bot: no handle twice among the mentors, compared case-insensitively (error).
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
      .map(({ line, part, value, first }) =>
        finding('form/mentor-dup-handle', `${roleOf(line)}: duplicate handle \`${value ?? ''}\`${first ? ` (already given for ${roleOf(first)})` : ''}.`, part?.range ?? line.range, {
          related: first && ctx.uri ? [{ uri: ctx.uri, range: first.range, message: `First written here (${roleOf(first).toLowerCase()})` }] : [],
        }),
      );
  },
};
