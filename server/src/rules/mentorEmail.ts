// A mentor without an e-mail address, or with one that is not `something@domain.tld`.
import { isPlaceholderMentor } from './templatePlaceholder';
import type { Finding, Rule, RuleContext } from './types';
import { isCredibleMentor, isValidEmail, quote, templateText, textOf } from './util';
import { proposalsOf } from '../core/walk';

/** Whether the file's template asks for mentors' addresses (files before 2023 did not). */
export function templateAsksForEmail(ctx: RuleContext): boolean {
  if (!ctx.model.template.fromFile) return (ctx.term?.year ?? 9999) >= 2023;
  return /@[\w.-]+\.\w+|e-?mail/i.test(templateText(ctx));
}

export const mentorEmail: Rule = {
  id: 'mentor-email',
  defaultSeverity: 'warning',
  scope: 'project',
  description: 'A mentor without an e-mail address (in LFX files, the one used on the LFX Mentorship platform), or with an invalid one.',
  check(ctx) {
    const findings: Finding[] = [];
    const asks = templateAsksForEmail(ctx);
    const gsoc = ctx.term ? ctx.term.program === 'gsoc' : ctx.model.kind === 'gsoc';
    for (const { proposal } of proposalsOf(ctx.model)) {
      for (const mentor of proposal.mentors) {
        if (isPlaceholderMentor(mentor)) continue; // template-placeholder reports it
        if (mentor.email === undefined || mentor.email.trim() === '') {
          if (!isCredibleMentor(mentor)) continue;
          // Something address-like the parser could not take as an address: `bob@example`, `bob@exa_mple.net`.
          const raw = mentor.range.start.line === mentor.range.end.line ? textOf(ctx, mentor.range) : '';
          const m = /(^|[\s,(<;:])([^\s,()<>;:@[\]]{1,64}@[^\s,()<>;[\]]{0,255})/.exec(raw.slice(0, 500));
          if (m && !mentor.deviations.includes('obfuscated-email')) {
            const start = mentor.range.start.character + m.index + m[1].length;
            findings.push({
              ruleId: 'mentor-email',
              severity: 'error',
              message: `${JSON.stringify(m[2])} is not a valid e-mail address; expected something@domain.tld with no spaces.`,
              range: { start: { line: mentor.range.start.line, character: start }, end: { line: mentor.range.start.line, character: start + m[2].length } },
            });
            continue;
          }
          findings.push({
            ruleId: 'mentor-email',
            severity: asks ? 'warning' : 'information',
            message: `Mentor ${quote(mentor.name ?? `@${mentor.handle}`)} has no e-mail address; add ${
              gsoc ? 'the mentor\'s address' : 'the address the mentor uses on the LFX Mentorship platform'
            }: \`Name (@handle, email)\`.`,
            range: mentor.range,
          });
        } else if (!isValidEmail(mentor.email)) {
          findings.push({
            ruleId: 'mentor-email',
            severity: 'error',
            message: `${JSON.stringify(mentor.email)} is not a valid e-mail address; expected something@domain.tld with no spaces.`,
            range: mentor.emailRange ?? mentor.range,
          });
        }
      }
    }
    return findings;
  },
};
