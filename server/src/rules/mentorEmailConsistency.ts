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
    // Mentors by handle, so each handle's findings look at its own entries only (linear, not handles x mentors).
    const byHandle = new Map<string, typeof mentors>();
    for (const m of mentors) {
      if (!m.handle) continue;
      const h = m.handle.toLowerCase();
      const list = byHandle.get(h);
      if (list) list.push(m);
      else byHandle.set(h, [m]);
      if (!m.email || !isValidEmail(m.email)) continue;
      const emails = local.get(h) ?? new Map<string, RelatedLocation[]>();
      local.set(h, emails);
      const e = m.email.toLowerCase();
      const location = { uri: ctx.uri, range: m.emailRange ?? m.range, message: '' };
      const at = emails.get(e);
      if (at) at.push(location);
      else emails.set(e, [location]);
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
      for (const o of others) {
        const list = byEmail.get(o.email);
        if (list) list.push(o);
        else byEmail.set(o.email, [o]);
      }
      if (byEmail.size < 2) continue;
      // The entries with another address than `mine`, computed once per address.
      const differentFrom = new Map<string, { different: typeof others; sameTerm: boolean; addresses: string[] }>();
      for (const m of byHandle.get(h) ?? []) {
        if (!m.email) continue;
        const mine = m.email.toLowerCase();
        let cached = differentFrom.get(mine);
        if (!cached) {
          const list = others.filter((o) => o.email !== mine);
          cached = { different: list, sameTerm: list.some((o) => o.sameTerm), addresses: [...new Set(list.map((o) => o.email))] };
          differentFrom.set(mine, cached);
        }
        const { different, sameTerm, addresses } = cached;
        if (!different.length) continue;
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
