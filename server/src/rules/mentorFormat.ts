// A mentor entry not written as `Name (@handle, email)`; rewritten when its parts are recognisable.
import type { Mentor } from '../core/model';
import { templateAsksForEmail } from './mentorEmail';
import { isPlaceholderMentor } from './templatePlaceholder';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { isCredibleMentor, quote, textOf } from './util';
import { proposalsOf } from '../core/walk';

const PHRASES: Record<string, string> = {
  'handle-without-at': 'the GitHub handle lacks its `@`',
  'profile-link': 'the handle is a GitHub profile link',
  'angle-email': 'the address is in `<…>`',
  mailto: 'the address is a mailto link',
  'obfuscated-email': 'the address is obfuscated',
  'no-handle': 'there is no GitHub handle',
  'role-label': 'it starts with a role label',
  nbsp: 'it holds a no-break space where an ordinary space belongs',
  'fullwidth-comma': 'it uses a full-width comma or semicolon (，；) instead of an ordinary comma',
  affiliation: 'the name is followed by a company or team; the entry asks for the name alone',
  'bracketed-name': 'the name is in square brackets, as in the template (`[Name]`)',
  'multi-line': 'it is spread over several lines',
  'no-name': 'there is no name',
};
const LABELLED = /\bgit[-_ ]?hub[ \t]*:/i;
/** Any other departure the parser notes, in words (never its internal code). */
const OTHER = 'it departs from that form';
/** Reported by other rules (mentor-email) or not a format problem. */
const IGNORED = new Set(['no-email', 'primary', 'primary-marker']);

export function canonicalMentor(mentor: Mentor, original: string): string | undefined {
  if (!mentor.name || !mentor.handle) return undefined;
  const name = mentor.name.replace(/\s+/g, ' ').trim();
  if (!name || /[()[\]<>@]/.test(name)) return undefined;
  let text = `${name} (@${mentor.handle}${mentor.email ? `, ${mentor.email}` : ''})`;
  if (mentor.primary && /primary/i.test(original)) text += ' - primary';
  return text;
}

export function rewriteFix(ctx: RuleContext, mentor: Mentor): Fix | undefined {
  if (mentor.range.start.line !== mentor.range.end.line) return undefined;
  const original = textOf(ctx, mentor.range);
  const text = canonicalMentor(mentor, original);
  if (!text || text === original) return undefined;
  return { title: `Rewrite as "${text}"`, edits: [{ range: mentor.range, newText: text }], safeForFixAll: true };
}

export const mentorFormat: Rule = {
  id: 'mentor-format',
  defaultSeverity: 'warning',
  scope: 'project',
  description: 'A mentor entry not in the form `Name (@handle, email)` (handle without `@`, profile link, `<address>`, mailto link, no handle…).',
  check(ctx) {
    const findings: Finding[] = [];
    // The `Name (@handle, email)` form came with the 2023 template: earlier files are only told.
    const severity = templateAsksForEmail(ctx) ? undefined : 'information';
    for (const { proposal } of proposalsOf(ctx.model)) {
      for (const mentor of proposal.mentors) {
        if (isPlaceholderMentor(mentor)) continue; // template-placeholder reports it
        const deviations = mentor.deviations.filter((d) => !IGNORED.has(d));
        if (!deviations.length || !isCredibleMentor(mentor)) continue;
        // `(email: x, github: handle)`: readable and unambiguous, only not the usual form.
        const labelled = LABELLED.test(mentor.raw.slice(0, 300));
        const what = [...new Set(deviations.map((d) => (labelled && d === 'handle-without-at' ? 'the handle and address are labelled (`github:`, `email:`)' : PHRASES[d] ?? OTHER)))].join('; ');
        const onlyLabelled = labelled && deviations.every((d) => d === 'handle-without-at');
        const fix = rewriteFix(ctx, mentor);
        findings.push({
          ruleId: 'mentor-format',
          severity: onlyLabelled ? 'information' : severity,
          message: `Mentor entry ${quote(mentor.raw)} is not in the form \`Name (@handle, email)\`: ${what}.`,
          range: mentor.range,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
    return findings;
  },
};
