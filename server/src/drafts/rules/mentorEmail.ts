// The bot: an e-mail address with no spaces, `x@y.z` (after unwrapping `[a](mailto:a)`, `<a>`,
// `mailto:a`) (error). An obfuscated address (`mira at example dot org`) gets a fix writing it plainly.
import { OBFUSCATED_EMAIL, plainObfuscatedEmail } from '../../core/parse/mentors';
import { mentorCheck, roleOf, EMAIL_RE } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

/** `mira [at] example [dot] org`, `mira AT example DOT org` -> `mira@example.org` (the whole part, read as the ideas files' parser reads it). */
export function deobfuscate(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 300) return undefined;
  const m = OBFUSCATED_EMAIL.exec(trimmed);
  if (!m || m.index !== 0 || m[0].length !== trimmed.length) return undefined;
  const address = plainObfuscatedEmail(m);
  return EMAIL_RE.test(address) ? address : undefined;
}

export const mentorEmail: DraftRule = {
  id: 'form/mentor-email',
  defaultSeverity: 'error',
  description: 'A mentor e-mail address that is not `name@domain.tld` without spaces (obfuscated addresses included).',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'email')
      .map(({ line, part, value }) => {
        const plain = part ? deobfuscate(part.value) : undefined;
        const message = !value
          ? `${roleOf(line)}: the e-mail address is empty; use the address tied to the mentor's LFID account.`
          : plain
            ? `${roleOf(line)}: email \`${value}\` is obfuscated; the bot needs it written plainly (\`${plain}\`).`
            : `${roleOf(line)}: email \`${value}\` doesn't look valid (expected name@domain.tld, no spaces).`;
        return finding('form/mentor-email', message, part?.value ? part.range : line.range, {
          fixes: plain && part ? [{ title: `Write the address as \`${plain}\``, edits: [{ range: part.range, newText: plain }], safeForFixAll: true }] : [],
        });
      });
  },
};
