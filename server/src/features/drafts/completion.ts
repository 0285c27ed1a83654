// Completion in a draft, from the cached draft model, the form and the workspace knowledge (no scan):
// the dropdown options of CNCF Project and Term, whole mentor lines `Name | @handle | email | `,
// technologies and skills after a comma, the checkbox lines of a checkbox field, and the form's
// section labels after `### `.
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver/node';
import { compareTerms, type KnowledgeIndex, type MentorRecord, type SkillEntry } from '../../core/knowledge';
import { skillKey, splitSkills } from '../../core/skills';
import type { DraftModel, DraftSection } from '../../drafts/draft';
import { FIELD } from '../../drafts/form';
import { mentorPipeLine } from '../../drafts/outline';
import type { KindRequest } from '../../lsp/documentKind';
import { isPlaceholderMentor } from '../completion';
import { draftsOf } from './store';

export const DRAFT_COMPLETION_TRIGGERS = ['@', ',', ' ', '#'];
const MAX_ITEMS = 100;

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const pad = (n: number) => String(n).padStart(4, '0');

/** The section whose body holds a line (undefined before the first section). */
function sectionAt(draft: DraftModel, line: number): DraftSection | undefined {
  let found: DraftSection | undefined;
  for (const section of draft.sections) if (section.headingRange.start.line <= line) found = section;
  return found;
}

function lineOf(request: KindRequest, line: number): string {
  return request.document.getText(range(line, 0, Number.MAX_SAFE_INTEGER)).replace(/\r?\n$/, '').slice(0, 2000);
}

export function draftCompletion(request: KindRequest, pos: Position): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const { draft } = draftsOf(request.server).of(request.document);
  const line = lineOf(request, pos.line);
  const before = line.slice(0, pos.character);

  // `### |` on a heading line: the form's labels not yet in the draft.
  const heading = /^### +(.*)$/.exec(before);
  if (heading) {
    const present = new Set(draft.sections.filter((s) => s.headingRange.start.line !== pos.line).map((s) => s.label));
    const from = before.length - heading[1].length;
    const items = draft.form.fields
      .filter((f) => !present.has(f.label))
      .map((f, i): CompletionItem => ({
        label: f.label,
        kind: CompletionItemKind.Field,
        detail: `${f.type}${f.required ? ', required' : ''}`,
        sortText: pad(i),
        textEdit: { range: range(pos.line, from, line.length), newText: f.label },
      }));
    return { isIncomplete: false, items };
  }

  const section = sectionAt(draft, pos.line);
  const field = section?.field;
  if (!section || !field || section.headingRange.start.line === pos.line) return empty;

  if (field.type === 'dropdown') {
    return {
      isIncomplete: false,
      items: field.options.map((option, i) => ({
        label: option,
        kind: CompletionItemKind.EnumMember,
        sortText: pad(i),
        filterText: option,
        textEdit: { range: range(pos.line, 0, line.length), newText: option },
      })),
    };
  }
  if (field.type === 'checkboxes') {
    const present = new Set(section.checkboxes.map((c) => c.label));
    return {
      isIncomplete: false,
      items: field.options
        .filter((o) => !present.has(o))
        .map((option, i) => ({
          label: `- [ ] ${option}`,
          kind: CompletionItemKind.Value,
          sortText: pad(i),
          filterText: `- [ ] ${option}`,
          textEdit: { range: range(pos.line, 0, line.length), newText: `- [ ] ${option}` },
        })),
    };
  }
  if (field.id === FIELD.mentors) return mentorItems(request, draft, pos, line);
  if (field.id === FIELD.technologies) {
    const openDrafts = draftsOf(request.server).openTechnologiesExcept(request.document.uri);
    return vocabularyItems(technologiesThenSkills(request.server.knowledge, openDrafts), pos, before, line);
  }
  if (field.id === FIELD.skills) return vocabularyItems(request.server.knowledge.skills(), pos, before, line);
  return empty;
}

/** Whole pipe-form mentor lines replacing the current line, newest mentors first; those already listed left out. */
function mentorItems({ server }: KindRequest, draft: DraftModel, pos: Position, line: string): CompletionList {
  const listed = new Set(draft.mentors.filter((m) => m.range.start.line !== pos.line).map((m) => (m.parts[1]?.value ?? '').replace(/^@/, '').toLowerCase()));
  const typed = line.trim().replace(/^@/, '').toLowerCase();
  const candidates = server.knowledge
    .mentors()
    .filter((r) => !isPlaceholderMentor(r) && !listed.has(r.handle.toLowerCase()))
    .filter((r) => !typed || r.handle.toLowerCase().includes(typed) || [...r.names.keys()].some((n) => n.toLowerCase().includes(typed)))
    .sort((a, b) => compareTerms(b.lastTerm, a.lastTerm) || b.proposals.length - a.proposals.length || a.handle.localeCompare(b.handle));
  const items = candidates.slice(0, MAX_ITEMS).map((record, i): CompletionItem => {
    const text = pipeLine(record);
    return {
      label: text.trimEnd(),
      kind: CompletionItemKind.Reference,
      detail: `${record.proposals.length} proposal${record.proposals.length === 1 ? '' : 's'}${record.lastTerm ? ` · last ${record.lastTerm.label}` : ''} · add the LFID`,
      sortText: pad(i),
      filterText: `${line.trim()} ${record.handle} ${[...record.names.keys()][0] ?? ''}`,
      textEdit: { range: range(pos.line, 0, line.length), newText: text },
      // Resolved with the mentor's card by the ideas kind's resolver (features/completion.ts).
      data: { mentor: record.handle },
    };
  });
  return { isIncomplete: candidates.length > MAX_ITEMS || typed.length > 0, items };
}

/** `Mira Quell | @mquell | mira@example.org | ` (the LFID is the mentor's to add). */
export function pipeLine(record: MentorRecord): string {
  return mentorPipeLine({ name: [...record.names.keys()][0] ?? record.handle, handle: record.handle, email: record.preferredEmail });
}

/**
 * The workspace's technologies, then those only other open drafts list (not saved yet), then the
 * skills that are not also technologies (older entries list only skills).
 */
function technologiesThenSkills(knowledge: KnowledgeIndex, openDrafts: readonly string[]): SkillEntry[] {
  const technologies = knowledge.technologies();
  const keys = new Set(technologies.map((t) => t.key));
  const fromDrafts = new Map<string, SkillEntry>();
  for (const value of openDrafts) {
    for (const label of splitSkills(value)) {
      const key = skillKey(label);
      if (!key || keys.has(key)) continue;
      const known = fromDrafts.get(key);
      if (known) known.count++;
      else fromDrafts.set(key, { key, label, count: 1, variants: new Map([[label, 1]]) });
    }
  }
  for (const key of fromDrafts.keys()) keys.add(key);
  const drafted = [...fromDrafts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return [...technologies, ...drafted, ...knowledge.skills().filter((s) => !keys.has(s.key))];
}

/** Technologies or skills known in the workspace, after the last comma of the line, in the vocabulary's order. */
function vocabularyItems(vocabulary: readonly SkillEntry[], pos: Position, before: string, line: string): CompletionList {
  const sep = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  let from = sep + 1;
  while (from < pos.character && /\s/.test(line[from])) from++;
  const typed = line.slice(from, pos.character).toLowerCase();
  const listed = new Set(splitSkills(line).map(skillKey));
  listed.delete(skillKey(typed));
  const all = vocabulary.filter((s) => !listed.has(s.key) && (!typed || s.label.toLowerCase().includes(typed) || s.key.includes(typed)));
  const items = all.slice(0, MAX_ITEMS).map((s, i): CompletionItem => ({
    label: s.label,
    kind: CompletionItemKind.Keyword,
    detail: `${s.count} proposal${s.count === 1 ? '' : 's'}`,
    sortText: pad(i),
    filterText: s.label,
    textEdit: { range: range(pos.line, from, pos.character), newText: (sep >= 0 && from === sep + 1 ? ' ' : '') + s.label },
  }));
  return { isIncomplete: all.length > MAX_ITEMS, items };
}
