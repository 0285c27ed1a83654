// The bot: no e-mail address twice among the mentors, compared case-insensitively (error).
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorDupEmail: DraftRule = {
  id: 'form/mentor-dup-email',
  defaultSeverity: 'error',
  description: 'The same e-mail address on two mentor lines.',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'dup-email')
      .map(({ line, part, value, first }) =>
        finding('form/mentor-dup-email', `${roleOf(line)}: duplicate e-mail address \`${value ?? ''}\`${first ? ` (already given for ${roleOf(first)})` : ''}.`, part?.range ?? line.range, {
          related: first && ctx.uri ? [{ uri: ctx.uri, range: first.range, message: `First written here (${roleOf(first).toLowerCase()})` }] : [],
        }),
      );
  },
};
