// What the editor shows of a draft, as plain data for thin LSP handlers: the outline (the program's
// LFX title, each section, each mentor), what the bot requires of each section (hover on a label),
// and the pipe-form mentor line (completion).
import type { Span } from '../core/model';
import { sectionOf, valueOf, type DraftModel } from './draft';
import { FIELD } from './form';
import { lfxTitle } from './room';

export interface DraftSymbol {
  name: string;
  detail?: string;
  kind: 'program' | 'section' | 'mentor';
  range: Span;
  selectionRange: Span;
  children: DraftSymbol[];
}

/** The outline: one `program` symbol (its LFX title) holding the sections, Mentors holding each mentor. */
export function draftOutline(draft: DraftModel): DraftSymbol[] {
  if (!draft.sections.length) return [];
  const sections: DraftSymbol[] = draft.sections.map((s) => ({
    name: s.label || '(no label)',
    detail: s.field ? undefined : 'not a field of the form',
    kind: 'section',
    range: { start: s.headingRange.start, end: s.bodyRange.end },
    selectionRange: s.labelRange,
    children: [],
  }));
  const mentorsSection = sectionOf(draft, FIELD.mentors);
  const mentorsSymbol = mentorsSection && sections[draft.sections.indexOf(mentorsSection)];
  if (mentorsSymbol) {
    mentorsSymbol.children = draft.mentors.map((m) => ({
      name: m.parts[0]?.value || m.text.slice(0, 60),
      detail: [m.parts[1]?.value, m.index === 0 ? 'primary' : undefined].filter(Boolean).join(' · ') || undefined,
      kind: 'mentor',
      range: m.range,
      selectionRange: m.range,
      children: [],
    }));
  }
  const first = draft.sections[0];
  const last = draft.sections[draft.sections.length - 1];
  const name = valueOf(draft, FIELD.name);
  const title = lfxTitle(valueOf(draft, FIELD.project) || '<Project>', name || '<Program Name>', valueOf(draft, FIELD.term) || '<term>');
  const selection = sectionOf(draft, FIELD.name);
  return [
    {
      name: title,
      detail: 'LFX program',
      kind: 'program',
      range: { start: first.headingRange.start, end: last.bodyRange.end },
      selectionRange: selection?.valueRange ?? selection?.labelRange ?? first.labelRange,
      children: sections,
    },
  ];
}

/** What the bot requires of each field, by id (hover on a section label). */
const REQUIREMENTS: Record<string, string> = {
  [FIELD.project]: 'Required. One of the form\'s dropdown options (the CNCF project the program belongs to).',
  [FIELD.term]: 'Required. One of the form\'s dropdown options, e.g. `2026 Term 3 (Sep-Nov)`.',
  [FIELD.name]: 'Required. The LFX title `CNCF - <Project>: <Program Name> (<term without its "(…)">)` must be at most 100 characters, so the room depends on the project and the term.',
  [FIELD.description]: 'Required. At most 3,000 characters after trimming. Markdown; `## Description` and `## Expected outcomes` are suggested. A `### ` line would end the field for the bot.',
  [FIELD.technologies]: 'Required. Comma-separated languages, frameworks and platforms.',
  [FIELD.skillsSame]: 'Tick when the skills are the Technologies; otherwise fill in Required/Desirable Skills (one of the two is required; both is a warning).',
  [FIELD.skills]: 'Comma-separated; only when the skills differ from Technologies (leave the box above unticked).',
  [FIELD.mentors]: 'Required. One mentor per line, at most 4, the first the primary: `Full Name | @github-handle | email | LFID`. No handle, e-mail or LFID twice. Every LFID is required before the proposal passes. One mentor only is a warning.',
  [FIELD.upstream]: 'Required. Exactly one `http(s)://` URL without spaces or commas (an umbrella issue for several).',
  [FIELD.prerequisites]: 'Tick what applicants must provide. Coding Challenge needs a Coding Challenge URL.',
  [FIELD.challengeUrl]: 'Required when Coding Challenge is ticked (one `http(s)://` URL); a URL without the box is an error.',
  [FIELD.custom]: 'Tick to add a custom prerequisite; then its name and description are required. Text without the box is an error.',
  [FIELD.customName]: 'Required with a custom prerequisite; at most 20 characters on LFX.',
  [FIELD.customDescription]: 'Required with a custom prerequisite; at most 500 characters on LFX.',
  [FIELD.customUpload]: 'Tick when the custom prerequisite needs a file upload.',
};

/** What the bot requires of a field (markdown, trusted text: no document text in it). */
export function requirementsOf(fieldId: string): string | undefined {
  return REQUIREMENTS[fieldId];
}

/** `Mira Quell | @mquell | mira@example.org | mquell`, the LFID part left empty when unknown. */
export function mentorPipeLine(mentor: { name?: string; handle?: string; email?: string; lfid?: string }): string {
  const clean = (s: string | undefined) => (s ?? '').replace(/[|\r\n]/g, ' ').trim();
  const handle = clean(mentor.handle).replace(/^@/, '');
  return `${clean(mentor.name)} | ${handle ? `@${handle}` : ''} | ${clean(mentor.email)} | ${clean(mentor.lfid)}`;
}
