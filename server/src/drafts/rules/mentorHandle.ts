// The bot: a handle `@` + 1-39 letters, digits and single inner hyphens (error).
import { isAtHandle, mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorHandle: DraftRule = {
  id: 'form/mentor-handle',
  defaultSeverity: 'error',
  description: 'A mentor handle that is not `@username` (1-39 letters, digits, single inner hyphens).',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'handle')
      .map(({ line, part, value }) => {
        const written = value ?? '';
        // `mquell`, `github.com/mquell`: the handle is there, only its form is wrong.
        const bare = /^(?:https?:\/\/)?(?:www\.)?(?:github\.com\/)?@?([A-Za-z0-9-]{1,39})\/?$/i.exec(written)?.[1];
        const fixed = bare && isAtHandle(`@${bare}`) && `@${bare}` !== written ? `@${bare}` : undefined;
        return finding(
          'form/mentor-handle',
          written
            ? `${roleOf(line)}: handle \`${written}\` doesn't match the \`@username\` format.`
            : `${roleOf(line)}: the GitHub handle is empty; write it as \`@username\`.`,
          part?.value ? part.range : line.range,
          { fixes: fixed && part ? [{ title: `Write the handle as \`${fixed}\``, edits: [{ range: part.range, newText: fixed }], safeForFixAll: true }] : [] },
        );
      });
  },
};
