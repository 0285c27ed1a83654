// One GitHub handle carrying different addresses across the workspace.
import { compareTerms } from '../core/knowledge';
import type { FileKind, IdeasModel, Mentor, Project, Proposal } from '../core/model';
import type { Term } from '../core/term';
import type { Finding, RelatedLocation, Rule } from './types';
import { fileInputs, isValidEmail, logicalKey } from './util';
import { proposalsUnder } from '../core/walk';
import { spanKey } from '../core/span';

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
    addMentors(proposalsUnder(project), found);
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

/** LFX or GSoC: addresses are compared within one program (one person may use another address there). */
function programOf(kind: FileKind, term: Term | undefined): 'lfx' | 'gsoc' {
  return term?.program === 'gsoc' || (!term && kind === 'gsoc') ? 'gsoc' : 'lfx';
}

interface Occurrence {
  email: string;
  location: RelatedLocation;
  term?: Term;
  /** In this file, with its order in the file. */
  here: boolean;
  order: number;
  /** Within a term, a term README (the accepted list) is written after the drafts. */
  kindRank: number;
  uri: string;
}

/** Which occurrence is more recent: a later term, then a README over a draft, then the later file and line. */
function compareRecency(a: Occurrence, b: Occurrence): number {
  return compareTerms(a.term, b.term) || a.kindRank - b.kindRank || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.order - b.order;
}

const kindRank = (kind: FileKind) => (kind === 'term-readme' ? 1 : 0);

export const mentorEmailConsistency: Rule = {
  id: 'mentor-email-consistency',
  defaultSeverity: 'warning',
  scope: 'file',
  description: 'One GitHub handle written with different e-mail addresses in one program (in this term: warning; against a later term: information).',
  inputs: (ctx) => fileInputs(ctx, signatures, mentorPart),
  check(ctx) {
    const findings: Finding[] = [];
    const self = logicalKey(ctx.path);
    const program = programOf(ctx.model.kind, ctx.term);
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
      const all: Occurrence[] = [];
      for (const m of mentors) {
        if (!m.email || !isValidEmail(m.email)) continue;
        all.push({ email: m.email.toLowerCase(), location: { uri: ctx.uri, range: m.emailRange ?? m.range, message: '' }, term: ctx.term, here: true, order: all.length, kindRank: kindRank(ctx.model.kind), uri: ctx.uri });
      }
      for (const [email, locations] of elsewhere ?? []) {
        for (const location of locations) {
          if (location.uri === ctx.uri) continue;
          const info = ctx.knowledge?.fileInfo(location.uri);
          if (!info || logicalKey(info.path) === self) continue; // another version of this very file
          // The same program, this term or a later one (an older address may simply be out of date).
          if (programOf(info.kind, info.term) !== program) continue;
          if (ctx.term ? !info.term || compareTerms(info.term, ctx.term) < 0 : !!info.term) continue;
          all.push({ email: email.toLowerCase(), location: { uri: location.uri, range: location.range, message: '' }, term: info.term, here: false, order: 0, kindRank: kindRank(info.kind), uri: location.uri });
        }
      }
      if (new Set(all.map((o) => o.email)).size < 2) continue;
      // The mentor's most recent address (compareRecency); the finding goes on the first entry here that differs.
      let newest = all[0];
      for (const o of all) if (compareRecency(o, newest) > 0) newest = o;
      const current = newest.email;
      const differing = all.find((o) => o.here && o.email !== current);
      if (!differing) continue;
      const sameTerm = all.some((o) => o.email === current && compareTerms(o.term, ctx.term) === 0);
      const where = newest.here ? 'elsewhere in this file' : sameTerm ? 'elsewhere in this term' : `in ${newest.term?.label ?? 'a later file'}`;
      const others = all.filter((o) => o !== differing && o.location.range !== differing.location.range);
      findings.push({
        ruleId: 'mentor-email-consistency',
        severity: sameTerm ? 'warning' : 'information',
        message: `@${mentors[0].handle} is written with ${differing.email} here but with ${current} ${where}; ${
          program === 'gsoc' ? 'use one address for the mentor throughout the file.' : 'use the one address the mentor uses on the LFX Mentorship platform.'
        }`,
        range: differing.location.range,
        related: others.slice(0, 20).map((o) => ({ ...o.location, message: `@${mentors[0].handle} with ${o.email}${o.email === current ? ' (most recent)' : ''}` })),
      });
    }
    return findings;
  },
};
