// The bot: no LFID twice among the mentors, compared case-insensitively (error).
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
      .map(({ line, part, value, first }) =>
        finding('form/mentor-dup-lfid', `${roleOf(line)}: duplicate LFID \`${value ?? ''}\`${first ? ` (already given for ${roleOf(first)})` : ''}.`, part?.range ?? line.range, {
          related: first && ctx.uri ? [{ uri: ctx.uri, range: first.range, message: `First written here (${roleOf(first).toLowerCase()})` }] : [],
        }),
      );
  },
};
