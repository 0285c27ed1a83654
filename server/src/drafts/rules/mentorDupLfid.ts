// The bot: no LFID twice among the mentors, compared case-insensitively, empty ones included (error).
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorDupLfid: DraftRule = {
  id: 'form/mentor-dup-lfid',
  defaultSeverity: 'error',
  description: 'The same LFID on two mentor lines.',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'dup-lfid')
      .map(({ line, part, value, first }) => {
        const earlier = first ? roleOf(first) : 'another line';
        const message = value
          ? `${roleOf(line)}: duplicate LFID \`${value}\` (already given for ${earlier}).`
          : `${roleOf(line)}: no LFID, like ${earlier}: the bot counts two empty ones as the same; write each mentor's own.`;
        return finding('form/mentor-dup-lfid', message, part?.value ? part.range : line.range, {
          related: first && ctx.uri ? [{ uri: ctx.uri, range: first.range, message: `First written here (${roleOf(first).toLowerCase()})` }] : [],
        });
      });
  },
};
