// One GitHub handle carrying different addresses across the workspace.
import type { IdeasModel, Mentor, Project, Proposal } from '../core/model';
import type { Finding, RelatedLocation, Rule } from './types';
import { isValidEmail, logicalKey, projectProposals, projectSignatures, spanKey } from './util';

/** A file's mentors by lowercased handle, in document order. */
type ByHandle = Map<string, Mentor[]>;

/** Per project (the same object while an edit leaves it alone): its mentors by handle. */
const projectMentors = new WeakMap<Project, ByHandle>();

function addMentors(proposals: readonly Proposal[], into: ByHandle): void {
  for (const proposal of proposals) {
    for (const m of proposal.mentors) {
      if (!m.handle) continue;
      const h = m.handle.toLowerCase();
      const list = into.get(h);
      if (list) list.push(m);
      else into.set(h, [m]);
    }
  }
}

function mentorsOf(project: Project): ByHandle {
  let found = projectMentors.get(project);
  if (!found) {
    found = new Map();
    addMentors(projectProposals(project), found);
    projectMentors.set(project, found);
  }
  return found;
}

/** Every mentor with a handle, grouped by handle in document order (projects' groups are cached). */
function mentorsByHandle(model: IdeasModel): ByHandle {
  const units: { line: number; add: (into: ByHandle) => void }[] = [];
  for (const p of model.looseProposals) units.push({ line: p.headingRange.start.line, add: (into) => addMentors([p], into) });
  for (const project of model.projects) {
    units.push({
      line: project.headingRange.start.line,
      add: (into) => {
        for (const [h, list] of mentorsOf(project)) {
          const known = into.get(h);
          if (known) known.push(...list);
          else into.set(h, list.slice());
        }
      },
    });
  }
  const out: ByHandle = new Map();
  for (const unit of units.sort((a, b) => a.line - b.line)) unit.add(out);
  return out;
}

/** What the rule reads of a proposal: its mentors' handles, addresses and where they are written. */
function mentorPart(proposal: Proposal): string {
  let out = '';
  for (const m of proposal.mentors) if (m.handle) out += `${m.handle}\t${m.email ?? ''}\t${spanKey(m.range)}\t${spanKey(m.emailRange)}\n`;
  return out;
}

const signatures = new WeakMap<Project, string>();

export const mentorEmailConsistency: Rule = {
  id: 'mentor-email-consistency',
  defaultSeverity: 'warning',
  scope: 'file',
  description: 'One GitHub handle written with different e-mail addresses (in this term: warning; across terms: information).',
  inputs: (ctx) => [ctx.uri, ctx.path, ctx.term?.id, ctx.knowledge?.version, ...projectSignatures(ctx.model, signatures, mentorPart)],
  check(ctx) {
    const findings: Finding[] = [];
    const self = logicalKey(ctx.path);
    for (const [h, mentors] of mentorsByHandle(ctx.model)) {
      // Most handles carry one address everywhere: nothing to compare, no location to look at.
      let only: string | undefined;
      let several = false;
      for (const m of mentors) {
        if (!m.email || !isValidEmail(m.email)) continue;
        const e = m.email.toLowerCase();
        if (only === undefined) only = e;
        else if (e !== only) several = true;
      }
      if (only === undefined) continue;
      const elsewhere = ctx.knowledge?.mentorEmails(h);
      if (!several && (!elsewhere || elsewhere.size < 2) && (!elsewhere?.size || elsewhere.has(only))) continue;
      // Address -> where this file writes it.
      const emails = new Map<string, RelatedLocation[]>();
      for (const m of mentors) {
        if (!m.email || !isValidEmail(m.email)) continue;
        const e = m.email.toLowerCase();
        const location = { uri: ctx.uri, range: m.emailRange ?? m.range, message: '' };
        const at = emails.get(e);
        if (at) at.push(location);
        else emails.set(e, [location]);
      }
      const others: { email: string; location: RelatedLocation; sameTerm: boolean }[] = [];
      for (const [email, locations] of emails) for (const location of locations) others.push({ email, location, sameTerm: true });
      for (const [email, locations] of elsewhere ?? []) {
        for (const location of locations) {
          if (location.uri === ctx.uri) continue;
          const info = ctx.knowledge?.fileInfo(location.uri);
          if (info && logicalKey(info.path) === self) continue; // another version of this very file
          const sameTerm = !!info?.term && !!ctx.term && info.term.id === ctx.term.id;
          others.push({ email: email.toLowerCase(), location: { uri: location.uri, range: location.range, message: '' }, sameTerm });
        }
      }
      const byEmail = new Set(others.map((o) => o.email));
      if (byEmail.size < 2) continue;
      // The entries with another address than `mine`, computed once per address.
      const differentFrom = new Map<string, { different: typeof others; sameTerm: boolean; addresses: string[] }>();
      for (const m of mentors) {
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
