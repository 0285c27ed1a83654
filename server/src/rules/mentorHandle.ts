// A GitHub handle GitHub would not accept: 1-39 letters, digits and single hyphens, no hyphen at either end.
import { isPlaceholderMentor } from './templatePlaceholder';
import type { Finding, Rule } from './types';
import { isValidHandle } from '../core/vocabulary';
import { proposalsOf } from '../core/walk';

function why(handle: string): string {
  if (handle.length > 39) return 'it is longer than 39 characters';
  if (/^-|-$/.test(handle)) return 'it starts or ends with a hyphen';
  if (/--/.test(handle)) return 'it has two hyphens in a row';
  if (!handle.length) return 'it is empty';
  return `it contains ${JSON.stringify(/[^A-Za-z0-9-]/.exec(handle)?.[0] ?? '?')}`;
}

export const mentorHandle: Rule = {
  id: 'mentor-handle',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'A GitHub handle that is not 1-39 letters, digits and single hyphens (no hyphen at either end).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { proposal } of proposalsOf(ctx.model)) {
      for (const mentor of proposal.mentors) {
        if (mentor.handle === undefined || isValidHandle(mentor.handle) || isPlaceholderMentor(mentor)) continue;
        findings.push({
          ruleId: 'mentor-handle',
          message: `"@${mentor.handle}" is not a valid GitHub handle: ${why(mentor.handle)}. Handles are 1-39 letters, digits and single hyphens, not starting or ending with a hyphen.`,
          range: mentor.handleRange ?? mentor.range,
        });
      }
    }
    return findings;
  },
};
