// One GitHub handle carrying different addresses across the workspace.
import type { Finding, RelatedLocation, Rule } from './types';
import { allProposals, isValidEmail, logicalKey } from './util';

export const mentorEmailConsistency: Rule = {
  id: 'mentor-email-consistency',
  defaultSeverity: 'warning',
  description: 'One GitHub handle written with different e-mail addresses (in this term: warning; across terms: information).',
  check(ctx) {
    const findings: Finding[] = [];
    const self = logicalKey(ctx.path);
    // handle -> address -> locations, from this file and from the rest of the workspace.
    const local = new Map<string, Map<string, RelatedLocation[]>>();
    const mentors = allProposals(ctx.model).flatMap(({ proposal }) => proposal.mentors);
    for (const m of mentors) {
      if (!m.handle || !m.email || !isValidEmail(m.email)) continue;
      const h = m.handle.toLowerCase();
      const emails = local.get(h) ?? new Map<string, RelatedLocation[]>();
      local.set(h, emails);
      const e = m.email.toLowerCase();
      emails.set(e, [...(emails.get(e) ?? []), { uri: ctx.uri, range: m.emailRange ?? m.range, message: '' }]);
    }
    for (const [h, emails] of local) {
      const others: { email: string; location: RelatedLocation; sameTerm: boolean }[] = [];
      for (const [email, locations] of emails) for (const location of locations) others.push({ email, location, sameTerm: true });
      for (const [email, locations] of ctx.knowledge?.mentorEmails(h) ?? new Map()) {
        for (const location of locations) {
          if (location.uri === ctx.uri) continue;
          const info = ctx.knowledge?.fileInfo(location.uri);
          if (info && logicalKey(info.path) === self) continue; // another version of this very file
          const sameTerm = !!info?.term && !!ctx.term && info.term.id === ctx.term.id;
          others.push({ email: email.toLowerCase(), location: { uri: location.uri, range: location.range, message: '' }, sameTerm });
        }
      }
      const byEmail = new Map<string, typeof others>();
      for (const o of others) byEmail.set(o.email, [...(byEmail.get(o.email) ?? []), o]);
      if (byEmail.size < 2) continue;
      for (const m of mentors) {
        if (m.handle?.toLowerCase() !== h || !m.email) continue;
        const mine = m.email.toLowerCase();
        const different = others.filter((o) => o.email !== mine);
        if (!different.length) continue;
        const sameTerm = different.some((o) => o.sameTerm);
        const addresses = [...new Set(different.map((o) => o.email))];
        findings.push({
          ruleId: 'mentor-email-consistency',
          severity: sameTerm ? 'warning' : 'information',
          message: `@${m.handle} is written with ${m.email} here but with ${addresses.slice(0, 3).join(', ')}${addresses.length > 3 ? '…' : ''} ${sameTerm ? 'elsewhere in this term' : 'in other files'}; use the one address the mentor uses on the LFX Mentorship platform.`,
          range: m.emailRange ?? m.range,
          related: different.slice(0, 20).map((o) => ({ ...o.location, message: `@${m.handle} with ${o.email}` })),
        });
      }
    }
    return findings;
  },
};
