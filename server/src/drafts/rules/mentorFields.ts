// The bot: a mentor line must have 3 or 4 `|`-separated parts, else the line is rejected (error).
// Quick fix: `Name (@handle, email)` (or a pasted markdown list item) to `Name | @handle | email | `.
import { parseEntry } from '../../core/parse/mentors';
import type { Fix } from '../../rules/types';
import type { MentorLine } from '../draft';
import { mentorPipeLine } from '../outline';
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

/** `- Mira Quell (@mquell, mira@example.org)` -> `Mira Quell | @mquell | mira@example.org | `, when it reads as one mentor. */
export function pipeForm(text: string): string | undefined {
  const bare = text.replace(/^(?:[-*+]|\d{1,3}[.)])[ \t]+/, '').replace(/^\*\*([^*]{1,200})\*\*/, '$1').trim();
  if (!bare || bare.length > 600 || bare.includes('|')) return undefined;
  const mentor = parseEntry(0, bare, 0);
  if (!mentor?.name || (!mentor.handle && !mentor.email)) return undefined;
  const name = mentor.name.replace(/[*_]/g, '').trim();
  if (!name) return undefined;
  return mentorPipeLine({ name, handle: mentor.handle, email: mentor.email });
}

export function convertFix(line: MentorLine): Fix | undefined {
  const converted = pipeForm(line.text);
  if (!converted) return undefined;
  return { title: `Convert to \`${converted.trimEnd()}\``, edits: [{ range: line.range, newText: converted }], safeForFixAll: true };
}

export const mentorFields: DraftRule = {
  id: 'form/mentor-fields',
  defaultSeverity: 'error',
  description: 'A mentor line without 3 or 4 `|`-separated parts (`Full Name | @github-handle | email | LFID`).',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'count')
      .map(({ line }) =>
        finding(
          'form/mentor-fields',
          `${roleOf(line)}: expected 3 or 4 \`|\`-separated parts (\`Full Name | @github-handle | email | LFID\`), got ${line.parts.length}; the bot drops this line.`,
          line.range,
          { fixes: [convertFix(line)] },
        ),
      );
  },
};
