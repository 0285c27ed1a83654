// Completion from the cached model, the knowledge index and the current line only (never a
// re-parse of the file or a rescan): mentors after `@` or at the start of a mentor sub-bullet,
// skills in Recommended Skills, CNCF project names on a project heading, the fields a proposal still
// lacks at the start of a line, and a new proposal entry on an empty line of a project section.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import type { ProjectCatalog } from '../core/cncfProjects';
import { projectKey } from '../core/cncfProjects';
import type { KnowledgeIndex, MentorRecord } from '../core/knowledge';
import type { FieldKey, IdeasModel, Pos, Project, Proposal } from '../core/model';
import { readLabel } from '../core/parse/labels';
import { skillKey, splitSkills } from '../core/skills';
import { fieldHelp } from '../core/vocabulary';
import { proposalsOf } from '../core/walk';
import { escapeSnippet, isGsoc, projectSectionSnippet, proposalSnippet } from './insertEntry';
import { escapeMarkdown } from '../core/markdown';

export interface CompletionDeps {
  knowledge: KnowledgeIndex;
  catalog: ProjectCatalog;
}

export const COMPLETION_TRIGGERS = ['@', ',', ' ', '#'];
const MAX_ITEMS = 100;

/** Any `Word:` at the start of a line (bullet and bold allowed), whatever the word. */
const UNKNOWN_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*)?[A-Za-z][A-Za-z ()'-]{0,40}?(?:\*\*)?\s*[:：](?:\*\*)?/;

/**
 * The field label a line starts with, read by the parser's own reader (core/parse/labels.ts: every
 * spelling, bullet and bold form), and where its value starts: right after the colon and any bold
 * markers. With `colon`, only a label followed by a colon (a value may be typed after it).
 */
function labelOn(line: string, colon: boolean): { key: FieldKey; valueStart: number } | undefined {
  const m = readLabel(line);
  if (!m || (colon && !m.colon)) return undefined;
  let valueStart = m.valueStart;
  while (valueStart > m.labelEnd && /[ \t\u00a0]/.test(line[valueStart - 1])) valueStart--;
  return { key: m.key, valueStart };
}

interface Where {
  project?: Project;
  proposal?: Proposal;
}

function locate(model: IdeasModel, line: number): Where {
  for (const { proposal, top } of proposalsOf(model)) {
    if (line >= proposal.range.start.line && line <= proposal.range.end.line) return { project: top, proposal };
  }
  for (const project of model.projects) {
    if (line >= project.range.start.line && line <= project.range.end.line) return { project };
  }
  return {};
}

/** The field a line belongs to: the last field of the proposal starting at or before it. */
function fieldAt(proposal: Proposal | undefined, line: number): FieldKey | undefined {
  if (!proposal) return undefined;
  let found: FieldKey | undefined;
  let start = -1;
  for (const field of proposal.fields) {
    const s = field.range.start.line;
    if (s <= line && s >= start && line <= Math.max(field.range.end.line, s)) {
      found = field.key;
      start = s;
    }
  }
  return found;
}

function range(line: number, from: number, to: number) {
  return { start: { line, character: from }, end: { line, character: to } };
}

function pad(n: number, width = 6): string {
  return String(Math.max(0, Math.min(10 ** width - 1, Math.floor(n)))).padStart(width, '0');
}

// ---- mentors ---------------------------------------------------------------------------------

/** `Name (@handle, email)` for a known mentor. */
export function mentorEntry(record: MentorRecord): string {
  const name = [...record.names.keys()][0];
  const email = record.preferredEmail;
  return `${name ?? record.handle} (@${record.handle}${email ? `, ${email}` : ''})`;
}

/**
 * The mentor entry around the cursor when the cursor sits inside its brackets (`Name (@|, email)`,
 * as left by an inserted placeholder): [from, to) spans the whole entry, which a chosen mentor
 * replaces. Undefined when the cursor is not inside a closed `( … )`.
 */
export function entryAround(line: string, cursor: number, valueStart: number): { from: number; to: number } | undefined {
  const open = unmatchedBracket(line, cursor - 1, -1, Math.max(valueStart, cursor - 400));
  if (open < 0) return undefined;
  const close = unmatchedBracket(line, cursor, 1, Math.min(line.length - 1, cursor + 399));
  if (close < 0) return undefined;
  let from = valueStart;
  for (let i = open - 1; i >= valueStart; i--) {
    if (line[i] === ',' || line[i] === ';' || line[i] === ')') {
      from = i + 1;
      break;
    }
  }
  while (from < open && /\s/.test(line[from])) from++;
  return { from, to: close + 1 };
}

/** The first bracket from `start` towards `end` (inclusive; `step` -1: leftwards for a `(`, 1:
 *  rightwards for a `)`) that no bracket between closes, or -1. */
function unmatchedBracket(line: string, start: number, step: 1 | -1, end: number): number {
  const [wanted, nested] = step < 0 ? ['(', ')'] : [')', '('];
  for (let i = start, depth = 0; step < 0 ? i >= end : i <= end; i += step) {
    if (line[i] === nested) depth++;
    else if (line[i] === wanted && depth-- === 0) return i;
  }
  return -1;
}

/** A template's or the extension's own placeholder mentor (`Mentor Name (@mentor_github,
 *  mentor@email.addy)`, `Jane Doe (@jane-github, …)`, `Name (@github-handle, email)`): never offered. */
export function isPlaceholderMentor(record: { handle: string; preferredEmail?: string; names: Map<string, number> }): boolean {
  if (/^(?:[a-z0-9]+[-_])*github(?:[-_][a-z0-9]+)*$|^(?:todo|tbd|handle|username|github[-_]?handle|your[-_]?handle)$/i.test(record.handle)) return true;
  if (record.preferredEmail && /@email\.addy$|^todo@mail$|^(?:mentor|second-mentor|your)[-_.]?e-?mail/i.test(record.preferredEmail)) return true;
  const name = [...record.names.keys()][0];
  return !!name && /^(?:(?:2nd |second )?mentor name|name|jane doe|john doe|your name|todo)$/i.test(name.trim());
}

function mentorItems(
  deps: CompletionDeps,
  pos: Pos,
  from: number,
  typed: string,
  where: Where,
  replace?: { from: number; to: number; typedText: string },
): CompletionList {
  const project = where.project ? projectKey(where.project.name) : '';
  const listed = new Set((where.proposal?.mentors ?? []).filter((m) => m.handle && m.range.start.line !== pos.line).map((m) => m.handle!.toLowerCase()));
  // A handle known only from the proposal being edited is the text being typed (the index holds
  // this document too): never offered, least of all first.
  const title = where.proposal?.title;
  const onlyHere = (record: MentorRecord) => title !== undefined && record.occurrences.every((r) => r.title === title && projectKey(r.project) === project);
  const terms = deps.knowledge.terms();
  const rank = new Map(terms.map((t, i) => [t.id, i] as [string, number]));
  const query = typed.replace(/^@/, '').toLowerCase();
  const candidates: { record: MentorRecord; same: boolean; recency: number; count: number }[] = [];
  for (const record of deps.knowledge.mentors()) {
    if (listed.has(record.handle.toLowerCase()) || isPlaceholderMentor(record) || onlyHere(record)) continue;
    const name = [...record.names.keys()][0] ?? '';
    if (query && !record.handle.toLowerCase().includes(query) && !name.toLowerCase().includes(query)) continue;
    const same = !!project && record.proposals.some((r) => projectKey(r.project) === project);
    const recency = record.lastTerm ? (rank.get(record.lastTerm.id) ?? -1) : -1;
    candidates.push({ record, same, recency, count: record.proposals.length });
  }
  candidates.sort(
    (a, b) =>
      Number(b.same) - Number(a.same) ||
      b.recency - a.recency ||
      b.count - a.count ||
      a.record.handle.localeCompare(b.record.handle),
  );
  const items: CompletionItem[] = candidates.slice(0, MAX_ITEMS).map((c, i) => {
    const entry = mentorEntry(c.record);
    const name = [...c.record.names.keys()][0] ?? c.record.handle;
    const last = c.record.lastTerm?.label;
    return {
      label: entry,
      kind: CompletionItemKind.Reference,
      detail: `${c.same ? 'mentor of this project · ' : ''}${c.count} proposal${c.count === 1 ? '' : 's'}${last ? ` · last ${last}` : ''}`,
      // The card (recent proposals) comes from completionItem/resolve, for the one item shown:
      // the list itself is sent on every keystroke while a handle is typed.
      data: { mentor: c.record.handle } satisfies ResolveData,
      sortText: pad(i, 4),
      // Replacing a whole entry: the editor filters by the text from the range's start, so it leads.
      filterText: `${replace ? `${replace.typedText} ` : ''}${typed.startsWith('@') ? `@${c.record.handle} ${name}` : `${name} @${c.record.handle}`}`,
      textEdit: { range: replace ? range(pos.line, replace.from, replace.to) : range(pos.line, from, pos.character), newText: entry },
    };
  });
  return { isIncomplete: !!replace || candidates.length > MAX_ITEMS, items };
}

interface ResolveData {
  mentor: string;
}

/** completionItem/resolve: adds a mentor item's card (its recent proposals). */
export function resolveCompletion(item: CompletionItem, knowledge: KnowledgeIndex): CompletionItem {
  const handle = (item.data as Partial<ResolveData> | undefined)?.mentor;
  const record = typeof handle === 'string' ? knowledge.mentor(handle) : undefined;
  return record ? { ...item, documentation: { kind: 'markdown', value: mentorDoc(record) } } : item;
}

function mentorDoc(record: MentorRecord): string {
  const lines = record.proposals
    .slice(-5)
    .reverse()
    .map((r) => `- ${escapeMarkdown(r.term?.label ?? '')} · ${escapeMarkdown(r.project)} · ${escapeMarkdown(r.title)}`);
  return [`**@${escapeMarkdown(record.handle)}**`, '', ...lines].join('\n');
}

// ---- skills ----------------------------------------------------------------------------------

function skillItems(deps: CompletionDeps, pos: Pos, lineText: string, valueStart: number, where: Where, field?: string): CompletionList {
  // The cursor sits before the value (in the indentation or a `>` marker): no item range exists there.
  if (pos.character < valueStart) return { isIncomplete: false, items: [] };
  const before = lineText.slice(valueStart, pos.character);
  // The item being typed starts after the last separator before the cursor.
  const sep = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('，'));
  let from = valueStart + sep + 1;
  while (from < pos.character && /\s/.test(lineText[from])) from++;
  const typed = lineText.slice(from, pos.character);
  const needsSpace = from > 0 && /[,;，]/.test(lineText[from - 1]);
  // Already listed: the whole field's value in the model plus this line (which may be newer).
  const listed = new Set<string>();
  for (const s of splitSkills(field ?? '')) listed.add(skillKey(s));
  for (const s of splitSkills(lineText.slice(valueStart))) listed.add(skillKey(s));
  listed.delete(skillKey(typed));
  const projectSkills = where.project ? deps.knowledge.projectSkills(where.project.name) : [];
  const projectRank = new Map(projectSkills.map((s, i) => [s.key, i] as [string, number]));
  const all = deps.knowledge.skills().filter((s) => !listed.has(s.key));
  const scored = all
    .map((s, globalRank) => ({ s, project: projectRank.get(s.key), globalRank }))
    .sort((a, b) => (a.project ?? 1e9) - (b.project ?? 1e9) || a.globalRank - b.globalRank);
  const q = typed.toLowerCase();
  const filtered = q ? scored.filter(({ s }) => s.label.toLowerCase().includes(q) || s.key.includes(q)) : scored;
  const items: CompletionItem[] = filtered.slice(0, MAX_ITEMS).map(({ s, project }, i) => ({
    label: s.label,
    kind: CompletionItemKind.Keyword,
    detail: `${project !== undefined ? 'listed by this project · ' : ''}${s.count} proposal${s.count === 1 ? '' : 's'}`,
    sortText: pad(i, 4),
    filterText: s.label,
    textEdit: { range: range(pos.line, from, pos.character), newText: (needsSpace && from === pos.character ? ' ' : '') + s.label },
  }));
  return { isIncomplete: filtered.length > MAX_ITEMS, items };
}

// ---- entry point -----------------------------------------------------------------------------

/**
 * Completion at `pos` of a document whose cached model is `model`; `lineText` is the cursor's line,
 * `previousLine` the line above (both from the editor's current text).
 */
export function completion(model: IdeasModel, pos: Pos, lineText: string, deps: CompletionDeps, previousLine = ''): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const line = lineText.slice(0, 2_000);
  const before = line.slice(0, pos.character);
  const where = locate(model, pos.line);

  // Headings: `### Proj|` on a project heading line; bare `####` offers the entries.
  const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/.exec(before);
  if (heading) {
    const level = heading[1].length;
    if (heading[2] === undefined) return headingEntryItems(model, pos, line);
    if (level <= model.template.projectLevel || (level < model.template.proposalLevel)) {
      const from = pos.character - heading[2].length;
      return projectNameItems(deps, pos, from, heading[2]);
    }
    return empty;
  }

  // A labelled line: `- Mentor(s): …`, `- Recommended Skills: …`.
  const label = labelOn(line, true);
  if (label && pos.character >= label.valueStart) {
    const { key, valueStart } = label;
    if (key === 'mentors') {
      const m = /@[A-Za-z0-9-]*$/.exec(before);
      if (m) return mentorItems(deps, pos, m.index, m[0], where, wholeEntry(line, pos.character, valueStart));
      const seg = /(?:^|[,;])\s*([^,;()@]*)$/.exec(before.slice(valueStart));
      if (seg && before.slice(valueStart).trim() === seg[1].trim()) {
        const from = pos.character - seg[1].length;
        if (before.slice(valueStart).trim() === '' || /^[A-Za-z]/.test(seg[1])) return mentorItems(deps, pos, from, seg[1], where);
      }
      return empty;
    }
    if (key === 'skills') {
      const field = where.proposal?.fields.find((f) => f.key === 'skills' && f.labelRange.start.line === pos.line);
      return skillItems(deps, pos, line, valueStart, where, field?.value);
    }
    return empty;
  }
  // `Word:` the parser reads as no field (`GitHub: @h` in a mentor record, `Notes:`): offer nothing.
  const unknownLabel = UNKNOWN_LABEL.exec(line);
  if (!label && unknownLabel && pos.character >= unknownLabel[0].length) return empty;

  const field = fieldAt(where.proposal, pos.line);
  const prevKey = labelOn(previousLine, false)?.key;

  // A sub-bullet under Mentor(s): `  - Ali|` or `  - @al|`.
  const sub = /^(\s+)[-*+]\s+(.*)$/.exec(before) ?? /^(\s*)[-*+]\s+(.*)$/.exec(before);
  if (sub && (field === 'mentors' || prevKey === 'mentors' || (field === undefined && /^\s+/.test(before) && mentorsAbove(where.proposal, pos.line)))) {
    const typed = sub[2];
    const at = /@[A-Za-z0-9-]*$/.exec(before);
    if (at && at.index >= pos.character - typed.length) return mentorItems(deps, pos, at.index, at[0], where, wholeEntry(line, pos.character, pos.character - typed.length));
    if (!/[(,@]/.test(typed)) return mentorItems(deps, pos, pos.character - typed.length, typed, where);
  }
  if (/@[A-Za-z0-9-]*$/.test(before) && (field === 'mentors' || prevKey === 'mentors')) {
    const at = /@[A-Za-z0-9-]*$/.exec(before)!;
    return mentorItems(deps, pos, at.index, at[0], where);
  }

  // A continuation line of Recommended Skills.
  if (field === 'skills' && /^\s+\S/.test(line) && !/^\s*[-*+]\s*$/.test(before)) {
    const f = where.proposal?.fields.find((x) => x.key === 'skills');
    return skillItems(deps, pos, line, line.length - line.trimStart().length, where, f?.value);
  }

  // Start of a line inside a proposal or a project section: missing fields, new entries.
  // Only an empty line, a bare bullet, or a bullet with the start of a label (`- Exp`): never plain prose.
  const start = /^(?:|[-*+]\s*|[-*+]\s+[A-Za-z][A-Za-z ()]{0,30})$/.test(before);
  if (start && (where.proposal || where.project)) {
    const items: CompletionItem[] = [];
    const from = 0;
    if (where.proposal && where.proposal.range.start.line !== pos.line) items.push(...missingFieldItems(model, where.proposal, pos, from, line));
    if (where.project && line.trim() === '') items.push(...entryItems(model, pos, line, 'z'));
    return { isIncomplete: false, items };
  }
  return empty;
}

/** The entry around the cursor to replace, with the text typed from its start (for filtering). */
function wholeEntry(line: string, cursor: number, valueStart: number): { from: number; to: number; typedText: string } | undefined {
  const around = entryAround(line, cursor, valueStart);
  return around && { ...around, typedText: line.slice(around.from, cursor) };
}

function mentorsAbove(proposal: Proposal | undefined, line: number): boolean {
  const f = proposal?.fields.filter((x) => x.range.start.line < line).pop();
  return f?.key === 'mentors';
}

function missingFieldItems(model: IdeasModel, proposal: Proposal, pos: Pos, from: number, line: string): CompletionItem[] {
  const present = new Set(proposal.fields.map((f) => f.key));
  if (proposal.outcomeInDescription) present.add('outcome'); // the generated README quotes it in the description
  const items: CompletionItem[] = [];
  const gsoc = isGsoc(model);
  model.template.fields.forEach((field, i) => {
    if (present.has(field.key)) return;
    const label = escapeSnippet(field.label);
    let snippet = `- ${label}: $0`;
    if (field.key === 'mentors') {
      snippet = gsoc
        ? `- ${label}:\n  - \${1:Name} (@\${2:github-handle}, \${3:email}) - primary\n  - \${4:Name} (@\${5:github-handle}, \${6:email})$0`
        : `- ${label}:\n  - \${1:Name} (@\${2:github-handle}, \${3:email})$0`;
    }
    if (field.key === 'size') snippet = `- ${label}: \${1|small (~90 hours),medium (~175 hours),large (~350 hours)|}$0`;
    items.push({
      label: field.label,
      kind: CompletionItemKind.Field,
      detail: 'missing field',
      documentation: { kind: 'markdown', value: fieldHelp(field.key, gsoc).join('\n\n') },
      sortText: `a${pad(i, 3)}`,
      filterText: `- ${field.label}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: range(pos.line, from, Math.max(pos.character, line.length)), newText: snippet },
    });
  });
  return items;
}

function entryItems(model: IdeasModel, pos: Pos, line: string, sortPrefix: string): CompletionItem[] {
  const r = range(pos.line, 0, Math.max(pos.character, line.length));
  const hashes = (n: number) => '#'.repeat(n);
  return [
    {
      label: `${hashes(model.template.proposalLevel)} New proposal`,
      kind: CompletionItemKind.Snippet,
      detail: 'proposal entry shaped by this file\'s template',
      sortText: `${sortPrefix}1`,
      filterText: `${hashes(model.template.proposalLevel)} New proposal`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: r, newText: proposalSnippet(model) },
    },
    {
      label: `${hashes(model.template.projectLevel)} New CNCF project section`,
      kind: CompletionItemKind.Snippet,
      detail: 'project section with a first proposal',
      sortText: `${sortPrefix}2`,
      filterText: `${hashes(model.template.projectLevel)} New CNCF project section`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: r, newText: projectSectionSnippet(model) },
    },
  ];
}

function headingEntryItems(model: IdeasModel, pos: Pos, line: string): CompletionList {
  return { isIncomplete: false, items: entryItems(model, pos, line, 'a') };
}

function projectNameItems(deps: CompletionDeps, pos: Pos, from: number, typed: string): CompletionList {
  const seen = new Map<string, number>();
  const terms = deps.knowledge.terms();
  const last = terms[terms.length - 1];
  for (const entry of deps.knowledge.projects()) {
    const n = last ? entry.perTerm.get(last.id) ?? 0 : 0;
    seen.set(entry.catalog?.name ?? entry.name, entry.proposals.length * 1000 + n);
  }
  const q = projectKey(typed);
  const names = new Map<string, { detail: string; score: number }>();
  for (const p of deps.catalog.projects) names.set(p.name, { detail: `CNCF ${p.maturity}`, score: seen.get(p.name) ?? 0 });
  const items = [...names]
    .filter(([name]) => !q || projectKey(name).includes(q))
    .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
    .slice(0, MAX_ITEMS)
    .map(([name, info], i) => ({
      label: name,
      kind: CompletionItemKind.Module,
      detail: info.score ? `${info.detail} · ${Math.floor(info.score / 1000)} proposals in the workspace` : info.detail,
      sortText: pad(i, 4),
      textEdit: { range: range(pos.line, from, pos.character), newText: name },
    }));
  return { isIncomplete: false, items };
}
