// The bot: an LFID is a single token without spaces, `@` or `/` (error).
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorLfidFormat: DraftRule = {
  id: 'form/mentor-lfid-format',
  defaultSeverity: 'error',
  description: 'An LFID with a space, `@` or `/` (write the LF username only).',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'lfid-format')
      .map(({ line, part, value }) => {
        // A profile URL: the username is its last path segment.
        const user = /^https?:\/\/\S*\/([^\s@/]+)\/?$/.exec(value ?? '')?.[1];
        return finding(
          'form/mentor-lfid-format',
          `${roleOf(line)}: LFID \`${value ?? ''}\` must be one token without spaces, \`@\` or \`/\` (the LF username, not a URL or an address).`,
          part?.range ?? line.range,
          { fixes: user && part ? [{ title: `Write the LFID as \`${user}\``, edits: [{ range: part.range, newText: user }] }] : [] },
        );
      });
  },
};
