// Hover cards from the cached model and the knowledge index (never a re-parse): mentors, upstream
// references, CNCF project headings and field labels. The markdown is built from escaped document
// text only: no command links, no raw HTML, never trusted.
import type { CncfProject, ProjectCatalog, Quotas } from '../core/cncfProjects';
import { compareTerms, proposalKey, type KnowledgeIndex, type MentorRecord, type ProposalRef } from '../core/knowledge';
import type { FieldKey, IdeasModel, Mentor, Pos, Proposal, Span, UpstreamRef } from '../core/model';
import type { Term } from '../core/term';
import { normalizeUpstreamUrl } from '../core/upstreamTarget';
import { escapeMarkdown, markdownLink, plural } from '../core/markdown';
import { spanContains } from '../core/span';
import { FIELD_HELP, fieldHelp, isValidHandle } from '../core/vocabulary';
import { allProjectsDeep, proposalsOf, proposalsUnder } from '../core/walk';

export interface HoverDeps {
  knowledge: KnowledgeIndex;
  catalog: ProjectCatalog;
  quotas: Quotas;
  /** True while the workspace is still being indexed: the other files are not all known yet. */
  readonly indexing?: boolean;
}

/** Said on a card built from the workspace while the workspace is still being indexed. */
export const STILL_INDEXING = '_The workspace is still being indexed: other files are not all known yet._';

export interface HoverResult {
  contents: { kind: 'markdown'; value: string };
  range: Span;
}

const MAX_LISTED = 25;

// ---- markdown pieces (escaping, links and plurals: core/markdown.ts) ----------------------------

function githubProfile(handle: string): string | undefined {
  return isValidHandle(handle) ? `https://github.com/${handle}` : undefined;
}

/** `file:///…#L12` (one-based line) for a proposal reference. */
export function refLocation(ref: { uri: string; range: Span }): string {
  return `${ref.uri}#L${ref.range.start.line + 1}`;
}

function termLabel(term: Term | undefined): string {
  return term?.label ?? 'no term';
}

function refLine(ref: ProposalRef): string {
  const where = [termLabel(ref.term), ref.project, ref.subproject].filter(Boolean).map((s) => escapeMarkdown(s!)).join(' · ');
  return `- ${where} · ${markdownLink(ref.title, refLocation(ref))}`;
}

function refList(refs: ProposalRef[]): string[] {
  const lines = refs.slice(0, MAX_LISTED).map(refLine);
  if (refs.length > MAX_LISTED) lines.push(`- … and ${refs.length - MAX_LISTED} more`);
  return lines;
}

function fieldHover(key: FieldKey, label: string, gsoc = false): string {
  const lines = [`**${escapeMarkdown(label)}** — ${escapeMarkdown(FIELD_HELP[key].title)} field`, ''];
  // Field help is our own text, with inline code kept.
  for (const line of fieldHelp(key, gsoc)) lines.push(`- ${line}`);
  return lines.join('\n');
}

// ---- cards -----------------------------------------------------------------------------------

function resolveHandle(mentor: Mentor, knowledge: KnowledgeIndex): string | undefined {
  if (mentor.handle) return mentor.handle;
  const byEmail = mentor.email ? knowledge.handlesForEmail(mentor.email) : [];
  if (byEmail.length === 1) return byEmail[0];
  const byName = mentor.name ? knowledge.handlesForName(mentor.name) : [];
  if (byName.length === 1) return byName[0];
  return undefined;
}

export function mentorCard(mentor: Pick<Mentor, 'name' | 'handle' | 'email'>, record: MentorRecord | undefined): string {
  const out: string[] = [];
  const names = record ? [...record.names.keys()] : [];
  const name = mentor.name ?? names[0];
  const handle = record?.handle ?? mentor.handle;
  const head: string[] = [];
  if (name) head.push(`**${escapeMarkdown(name)}**`);
  if (handle) head.push(markdownLink(`@${handle}`, githubProfile(handle)));
  out.push(head.join(' · ') || '**Mentor**');
  out.push('');
  const otherNames = names.filter((n) => n !== name);
  if (otherNames.length) out.push(`Also written as: ${otherNames.slice(0, 5).map(escapeMarkdown).join(', ')}`, '');
  const emails = record ? [...record.emails.keys()] : mentor.email ? [mentor.email.toLowerCase()] : [];
  if (emails.length > 1) {
    out.push(`**${emails.length} addresses** for this handle: ${emails.slice(0, 6).map(escapeMarkdown).join(', ')}`, '');
  } else if (emails.length === 1) {
    out.push(`Address: ${escapeMarkdown(emails[0])}`, '');
  }
  if (!record || !record.proposals.length) {
    out.push('Not a mentor of any other proposal in the workspace.');
    return out.join('\n');
  }
  out.push(`Mentor of **${plural(record.proposals.length, 'proposal')}** in **${plural(record.terms.length, 'term')}**.`);
  if (record.firstTerm) out.push('', `First term: ${escapeMarkdown(record.firstTerm.label)} · last term: ${escapeMarkdown(record.lastTerm!.label)}`);
  out.push('');
  // Newest first: what a reviewer most wants to see.
  out.push(...refList([...record.proposals].reverse()));
  return out.join('\n');
}

const KIND_LABEL: Record<UpstreamRef['kind'], string> = {
  issue: 'issue',
  pull: 'pull request',
  discussion: 'discussion',
  search: 'issue search',
  other: 'link',
};

export function upstreamCard(ref: UpstreamRef, others: ProposalRef[], term: Term | undefined): string {
  const out: string[] = [];
  const short = ref.owner && ref.repo ? `${ref.owner}/${ref.repo}${ref.number !== undefined ? `#${ref.number}` : ''}` : undefined;
  out.push(`${short ? `**${escapeMarkdown(short)}** · ` : ''}${escapeMarkdown(KIND_LABEL[ref.kind])}`);
  out.push('', markdownLink(ref.url, ref.url));
  out.push('');
  if (!others.length) {
    out.push('No other proposal in the workspace points at this target.');
    return out.join('\n');
  }
  const same = others.filter((r) => term && r.term?.id === term.id);
  const earlier = others.filter((r) => !same.includes(r) && compareTerms(r.term, term) < 0);
  const rest = others.filter((r) => !same.includes(r) && !earlier.includes(r));
  if (same.length) out.push(`**Also the target of ${plural(same.length, 'other proposal')} this term:**`, '', ...refList(same), '');
  if (earlier.length) out.push(`**Target of ${plural(earlier.length, 'proposal')} in earlier terms:**`, '', ...refList([...earlier].reverse()), '');
  if (rest.length) out.push(`**Other proposals pointing here:**`, '', ...refList(rest), '');
  return out.join('\n').trimEnd();
}

export function projectCard(
  name: string,
  thisTerm: number,
  catalog: CncfProject | undefined,
  quota: number,
  earlier: { term: Term; count: number }[],
  term: Term | undefined,
  parent?: string,
  gsoc = false,
  indexing = false,
): string {
  const out: string[] = [];
  out.push(`**${escapeMarkdown(catalog?.name ?? name)}**${catalog ? ` · CNCF ${escapeMarkdown(catalog.maturity)}` : ''}`);
  out.push('');
  if (parent) out.push(`Sub-project of ${escapeMarkdown(parent)}.`, '');
  if (catalog) {
    if (catalog.homepage) out.push(`- Homepage: ${markdownLink(catalog.homepage, catalog.homepage)}`);
    if (catalog.repository) out.push(`- Repository: ${markdownLink(catalog.repository, catalog.repository)}`);
  } else {
    out.push('- Not in the CNCF project list.');
  }
  out.push('');
  // The quota is the LFX program's (quotas.yml): Google Summer of Code has none per project.
  const over = thisTerm > quota ? ' — **over quota**' : '';
  const where = term ? `this ${gsoc ? 'year' : 'term'} (${escapeMarkdown(term.label)})` : 'in this file';
  out.push(gsoc ? `${plural(thisTerm, 'proposal')} ${where}.` : `${plural(thisTerm, 'proposal')} ${where}, quota ${quota}${over}.`);
  const total = earlier.reduce((n, e) => n + e.count, 0);
  out.push('');
  if (!earlier.length) out.push(indexing ? 'Earlier terms are not known yet: the workspace is still being indexed.' : 'No proposals in earlier terms of the workspace.');
  else {
    out.push(`${plural(total, 'proposal')} in ${plural(earlier.length, 'earlier term')}:`, '');
    for (const e of [...earlier].reverse().slice(0, MAX_LISTED)) out.push(`- ${escapeMarkdown(e.term.label)}: ${e.count}`);
  }
  return out.join('\n');
}

// ---- entry point -----------------------------------------------------------------------------

/** The hover card at `pos`, or undefined. `term` is the term of the hovered file. */
export function hover(model: IdeasModel, uri: string, term: Term | undefined, pos: Pos, deps: HoverDeps): HoverResult | undefined {
  const md = (value: string, range: Span): HoverResult => ({ contents: { kind: 'markdown', value }, range });

  // Project and sub-project headings.
  for (const { project, parent } of allProjectsDeep(model)) {
    if (!spanContains(project.headingRange, pos) || project.headingRange.start.line !== pos.line) continue;
    const topName = parent ? parent.name : project.name;
    const catalog = deps.catalog.find(project.name);
    const entry = deps.knowledge.project(project.name);
    const earlier: { term: Term; count: number }[] = [];
    if (entry) {
      for (const [id, count] of entry.perTerm) {
        const t = entry.terms.get(id);
        if (t && (!term || compareTerms(t, term) < 0)) earlier.push({ term: t, count });
      }
      earlier.sort((a, b) => compareTerms(a.term, b.term));
    }
    // The quota is per CNCF project: a sub-project counts against its parent.
    const quotaProject = parent ? model.projects.find((p) => p.name === topName) ?? project : project;
    const quota = deps.quotas.quotaFor(quotaProject.name, deps.catalog.find(quotaProject.name));
    const card = projectCard(project.name, proposalsUnder(quotaProject).length, catalog, quota, earlier, term, parent?.name, isGsoc(model, term), deps.indexing === true);
    return md(card, project.titleRange);
  }

  for (const { proposal } of proposalsOf(model)) {
    if (pos.line < proposal.range.start.line || pos.line > proposal.range.end.line) continue;
    const found = hoverInProposal(proposal, uri, term, pos, deps, isGsoc(model, term));
    if (found) return md(found.value, found.range);
  }
  return undefined;
}

function isGsoc(model: IdeasModel, term: Term | undefined): boolean {
  return term ? term.program === 'gsoc' : model.kind === 'gsoc';
}

function hoverInProposal(proposal: Proposal, uri: string, term: Term | undefined, pos: Pos, deps: HoverDeps, gsoc: boolean): { value: string; range: Span } | undefined {
  for (const field of proposal.fields) {
    if (spanContains(field.labelRange, pos)) return { value: fieldHover(field.key, field.label, gsoc), range: field.labelRange };
  }
  for (const mentor of proposal.mentors) {
    const part = [mentor.handleRange, mentor.nameRange, mentor.emailRange].find((s) => spanContains(s, pos));
    if (!part && !spanContains(mentor.range, pos)) continue;
    const handle = resolveHandle(mentor, deps.knowledge);
    const record = handle ? deps.knowledge.mentor(handle) : undefined;
    return { value: stillIndexing(mentorCard(mentor, record), deps), range: part ?? mentor.range };
  }
  for (const ref of proposal.upstream) {
    if (!spanContains(ref.range, pos)) continue;
    const self = proposalKey({ uri, term, title: proposal.title });
    const others = deps.knowledge.proposalsForTarget(normalizeUpstreamUrl(ref.url)).filter((r) => proposalKey(r) !== self);
    return { value: stillIndexing(upstreamCard(ref, others, term), deps), range: ref.range };
  }
  return undefined;
}

function stillIndexing(card: string, deps: HoverDeps): string {
  return deps.indexing ? `${card}\n\n${STILL_INDEXING}` : card;
}
