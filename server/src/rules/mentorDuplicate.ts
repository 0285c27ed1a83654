// The same mentor (handle or address) listed twice in one proposal.
import type { Mentor } from '../core/model';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { hasRepeatedField, wholeLines } from './util';
import { proposalsOf } from '../core/walk';

function removeLineFix(ctx: RuleContext, mentor: Mentor): Fix | undefined {
  if (mentor.range.start.line !== mentor.range.end.line) return undefined;
  const line = ctx.lines[mentor.range.start.line] ?? '';
  const outside = line.slice(0, mentor.range.start.character) + line.slice(mentor.range.end.character);
  if (!/^\s*(?:[-*+]\s*)?$/.test(outside)) return undefined;
  return { title: 'Remove the repeated mentor', edits: [{ range: wholeLines(ctx, mentor.range.start.line, mentor.range.start.line), newText: '' }], safeForFixAll: true };
}

export const mentorDuplicate: Rule = {
  id: 'mentor-duplicate',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'The same mentor (handle or e-mail address) listed twice in one proposal.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { proposal } of proposalsOf(ctx.model)) {
      const seen = new Map<string, Mentor>();
      if (hasRepeatedField(proposal, 'mentors')) continue; // reported by duplicate-field
      for (const mentor of proposal.mentors) {
        const keys = [mentor.handle && `h:${mentor.handle.toLowerCase()}`, mentor.email && `e:${mentor.email.toLowerCase()}`].filter(Boolean) as string[];
        const first = keys.map((k) => seen.get(k)).find(Boolean);
        if (first) {
          const fix = removeLineFix(ctx, mentor);
          const what = mentor.handle && first.handle?.toLowerCase() === mentor.handle.toLowerCase() ? `@${mentor.handle}` : mentor.email;
          findings.push({
            ruleId: 'mentor-duplicate',
            message: `${what} is listed twice among the mentors of "${proposal.title}"; list each mentor once.`,
            range: mentor.range,
            related: [{ uri: ctx.uri, range: first.range, message: 'First listed here' }],
            fixes: fix ? [fix] : undefined,
          });
          continue;
        }
        for (const k of keys) seen.set(k, mentor);
      }
    }
    return findings;
  },
};
