// Hover on a draft: on a section label, what the bot requires of it; on the CNCF Project value, the
// project card; on a mentor line, the mentor card (the ideas files' cards, features/hover.ts).
import type { Hover, Position } from 'vscode-languageserver/node';
import { compareTerms } from '../../core/knowledge';
import type { Term } from '../../core/term';
import { sectionOf, valueOf, type DraftModel } from '../../drafts/draft';
import { FIELD } from '../../drafts/form';
import { requirementsOf } from '../../drafts/outline';
import { draftWorkspace, termKey } from '../../drafts/workspace';
import type { KindRequest } from '../../lsp/documentKind';
import { mentorCard, projectCard } from '../hover';
import { draftsOf } from './store';
import { escapeMarkdown } from '../../core/markdown';
import { spanContains } from '../../core/span';

const md = (value: string, range: Hover['range']): Hover => ({ contents: { kind: 'markdown', value }, range });

/** `2026 Term 3 (Sep-Nov)` as a Term the knowledge compares with its file terms (`2026/03-Sep-Nov`). */
export function termOfValue(value: string): Term | undefined {
  const m = /^(\d{4})-(\d)$/.exec(termKey(value));
  return m ? { id: `${m[1]}/0${m[2]}`, label: value, year: Number(m[1]), program: 'lfx' } : undefined;
}

export function draftHover({ document, server }: KindRequest, position: Position): Hover | null {
  const { draft } = draftsOf(server).of(document);
  for (const section of draft.sections) {
    if (!spanContains(section.labelRange, position) || section.labelRange.start.line !== position.line) continue;
    const required = section.field && requirementsOf(section.field.id);
    const body = section.field
      ? required ?? `A ${section.field.type} field of the form (\`${escapeMarkdown(section.field.id)}\`).`
      : 'Not a field of the form: the bot ignores this section, and its `### ` line ends the section above.';
    return md(`**${escapeMarkdown(section.label)}**\n\n${body}`, section.labelRange);
  }
  const project = sectionOf(draft, FIELD.project);
  if (project?.valueRange && spanContains(project.valueRange, position)) {
    return md(projectHover(draft, document.uri, server), project.valueRange);
  }
  for (const mentor of draft.mentors) {
    if (!spanContains(mentor.range, position)) continue;
    const [name, handle, email] = mentor.parts.map((p) => p.value);
    const bare = (handle ?? '').replace(/^@/, '');
    const record = bare ? server.knowledge.mentor(bare) : undefined;
    return md(mentorCard({ name: name || undefined, handle: bare || undefined, email: email || undefined }, record), mentor.range);
  }
  return null;
}


function projectHover(draft: DraftModel, uri: string, server: KindRequest['server']): string {
  const name = valueOf(draft, FIELD.project);
  const termValue = valueOf(draft, FIELD.term);
  const term = termOfValue(termValue);
  const workspace = draftWorkspace({ proposals: draftsOf(server).othersThan(uri), quotas: server.quotas, catalog: server.catalog });
  const thisTerm = termValue ? workspace.proposalsOf(name, termValue).length + 1 : 1;
  const entry = server.knowledge.project(name);
  const earlier: { term: Term; count: number }[] = [];
  if (entry) {
    for (const [id, count] of entry.perTerm) {
      const t = entry.terms.get(id);
      if (t && t.program === 'lfx' && (!term || compareTerms(t, term) < 0)) earlier.push({ term: t, count });
    }
    earlier.sort((a, b) => compareTerms(a.term, b.term));
  }
  const catalog = server.catalog.find(name);
  return projectCard(name, thisTerm, catalog, workspace.quotaFor(name), earlier, term);
}
