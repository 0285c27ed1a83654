// What the workspace-reading draft rules see, built from plain lists: the other drafts and the
// term READMEs' accepted proposals (project, term, upstream URL, where), and the quotas. The
// server builds the lists from its index; the CLI from the files it checks.
import { type ProjectCatalog, Quotas, projectKey } from '../core/cncfProjects';
import type { IdeasModel } from '../core/model';
import type { Term } from '../core/term';
import { sectionOf, valueOf, type DraftModel } from './draft';
import { FIELD } from './form';
import type { DraftWorkspace, KnownProposal } from './rules/types';

/** Upstream's comparison of upstream URLs: drop `http(s)://`, a leading `www.` and the `#fragment`,
 *  trailing `/` of the path; lowercase host and path; keep the `?query` as written. */
export function normalizeUpstream(url: string): string {
  const s = String(url ?? '').trim().slice(0, 4000);
  if (!s) return '';
  let rest = s.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  rest = rest.split('#')[0];
  const q = rest.indexOf('?');
  const path = (q === -1 ? rest : rest.slice(0, q)).replace(/\/+$/, '');
  return path.toLowerCase() + (q === -1 ? '' : rest.slice(q));
}

/** `2026 Term 3 (Sep-Nov)` and `2026/03-Sep-Nov` both give `2026-3`; other text its folded self. */
export function termKey(term: string): string {
  const t = term.trim();
  const m = /^(\d{4})\s*(?:Term\s*|\/\s*0?)(\d)\b/i.exec(t);
  return m ? `${m[1]}-${m[2]}` : t.toLowerCase().replace(/\s+/g, ' ');
}

export interface DraftWorkspaceInput {
  /** Other drafts and accepted proposals; the checked document itself must not be among them. */
  proposals: readonly KnownProposal[];
  quotas?: Quotas;
  catalog?: ProjectCatalog;
}

/** A DraftWorkspace over lists (linear scans: a term holds a few hundred proposals at most). */
export function draftWorkspace(input: DraftWorkspaceInput): DraftWorkspace {
  const quotas = input.quotas ?? Quotas.defaults();
  return {
    upstreamUses(normalizedUrl, term) {
      if (!normalizedUrl) return [];
      const key = termKey(term);
      return input.proposals.filter((p) => p.upstream && termKey(p.term) === key && normalizeUpstream(p.upstream) === normalizedUrl);
    },
    proposalsOf(project, term) {
      const key = termKey(term);
      const pk = projectKey(project);
      return input.proposals.filter((p) => termKey(p.term) === key && projectKey(p.project) === pk);
    },
    quotaFor(project) {
      return quotas.quotaFor(project, input.catalog?.findExact(project));
    },
  };
}

/** A draft as the workspace lists it for the other documents' rules. */
export function knownProposalOfDraft(uri: string, draft: DraftModel): KnownProposal | undefined {
  const project = valueOf(draft, FIELD.project);
  const term = valueOf(draft, FIELD.term);
  if (!draft.isDraft || !project || !term) return undefined;
  const name = sectionOf(draft, FIELD.name);
  return {
    uri,
    range: name?.valueRange ?? name?.labelRange ?? sectionOf(draft, FIELD.project)!.labelRange,
    title: name?.value || '(no Program Name)',
    project,
    term,
    upstream: valueOf(draft, FIELD.upstream) || undefined,
    source: 'draft',
  };
}

/** The accepted proposals of a term README (or any ideas file of a known term) as the workspace lists them. */
export function knownProposalsOfIdeasFile(uri: string, model: IdeasModel, term: Term | undefined): KnownProposal[] {
  if (!term || term.program !== 'lfx') return [];
  const out: KnownProposal[] = [];
  const walk = (project: IdeasModel['projects'][number], top: string) => {
    for (const proposal of project.proposals) {
      out.push({
        uri,
        range: proposal.titleRange,
        title: proposal.title,
        project: top,
        term: term.id,
        upstream: proposal.upstream[0]?.url,
        source: 'readme',
      });
    }
    for (const sub of project.subprojects) walk(sub, top);
  };
  for (const project of model.projects) walk(project, project.name);
  return out;
}
