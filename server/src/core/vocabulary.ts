// The words of the format, said once: the standard fields, how the templates spell their labels
// and what each field is for, the fields each kind of file and each era expects, and what a GitHub
// handle is. The parser (default template), rules (required fields, handles), hovers and completion
// (field help), the insert commands and the shipped snippets (test/unit/vocabulary.test.ts) read
// them from here. How a label
// is recognised in any spelling is the parser's label reader (core/parse/labels.ts).
import type { FieldKey, FileKind, TemplateInfo } from './model';

export type StandardKey = Exclude<FieldKey, 'other'>;

export interface FieldSpec {
  readonly key: FieldKey;
  readonly label: string;
}

/** Each standard field's label as the LFX template spells it. */
export const FIELD_LABELS: Readonly<Record<StandardKey, string>> = {
  description: 'Description',
  outcome: 'Expected Outcome',
  skills: 'Recommended Skills',
  mentors: 'Mentor(s)',
  upstream: 'Upstream Issue',
  lfx: 'LFX URL',
  size: 'Expected project size',
};

/** The fields of each program's current template, in order, as it spells them (snippets/*.code-snippets). */
export const PROGRAM_FIELDS: Readonly<Record<'lfx' | 'gsoc', readonly FieldSpec[]>> = {
  lfx: specs(['description', 'outcome', 'skills', 'mentors', 'upstream', 'lfx']),
  gsoc: specs(['description', 'outcome', 'skills', 'mentors', 'upstream', 'size']).map((f) => (f.key === 'upstream' ? { ...f, label: 'Upstream Issue (URL)' } : f)),
};

/** The fields of the template a file without its own Template block is read with. */
export function defaultTemplateFields(): FieldSpec[] {
  return specs(['description', 'outcome', 'skills', 'mentors', 'upstream']);
}

/**
 * The fields a proposal is expected to have, in order: its file's own template's (labels as the
 * file spells them); in a file without one, those of its kind and era: Expected Outcome came with
 * the 2023 LFX template (GSoC always had it), GSoC adds the project size.
 */
export function expectedFields(model: { readonly kind: FileKind; readonly template: TemplateInfo }, term?: { readonly year: number }): readonly FieldSpec[] {
  const fields = model.template.fields.filter((f) => f.key !== 'other');
  if (model.template.fromFile && fields.length) return fields;
  const gsoc = model.kind === 'gsoc';
  const keys: StandardKey[] = ['description'];
  if ((term?.year ?? 9999) >= 2023 || gsoc) keys.push('outcome');
  keys.push('skills', 'mentors', 'upstream');
  if (gsoc) keys.push('size');
  return specs(keys);
}

function specs(keys: readonly StandardKey[]): FieldSpec[] {
  return keys.map((key) => ({ key, label: FIELD_LABELS[key] }));
}

/** What each field is for, as hovers and completion show it (our own markdown: inline code kept). */
export const FIELD_HELP: Readonly<Record<FieldKey, { readonly title: string; readonly body: readonly string[] }>> = {
  description: {
    title: FIELD_LABELS.description,
    body: ['What the project is about and why it matters to the CNCF project: the problem, the context, the work.', 'Required in every proposal.'],
  },
  outcome: {
    title: FIELD_LABELS.outcome,
    body: [
      'What the mentee will have delivered by the end of the term (features, docs, tests), ideally as a list.',
      'Part of the LFX template since 2023; older files legitimately lack it.',
    ],
  },
  skills: {
    title: FIELD_LABELS.skills,
    body: ['Comma-separated skills a mentee should bring or learn (languages, tools, domains), e.g. `Go, Kubernetes, Prometheus`.'],
  },
  mentors: {
    title: FIELD_LABELS.mentors,
    body: [
      'Who guides the mentee: one sub-bullet per mentor, `Name (@github_handle, email)`, so that the program can reach them and give them access to the project.',
      'At least 1 mentor, at most 4; two are encouraged, so that the mentee always has someone to ask. Each mentor once per proposal.',
      'The GitHub handle is the mentor\'s login (1 to 39 letters, digits and single hyphens). Write a mentor\'s address the same way in every proposal.',
    ],
  },
  upstream: {
    title: FIELD_LABELS.upstream,
    body: [
      'Required: the link to the one issue in the project\'s own repository that tracks this work (`https://github.com/owner/repo/issues/N`). Applicants read the context there, and maintainers see the proposal is backed by the project.',
      'Each proposal has its own issue: two proposals pointing at one issue look like the same project twice.',
    ],
  },
  lfx: {
    title: FIELD_LABELS.lfx,
    body: ['Where applicants apply: the project page on the LFX Mentorship platform. Filled in by the program admins after acceptance: empty or `TBD` is normal while drafting.'],
  },
  size: {
    title: FIELD_LABELS.size,
    body: ['Google Summer of Code only: how much work the project is, which sets the contributor\'s time and stipend. One of small (~90 h), medium (~175 h) or large (~350 h).'],
  },
  other: {
    title: 'Extra field',
    body: ['A field outside the standard template. Reviewers read it, but no automation checks it.'],
  },
};

/** What differs in a Google Summer of Code file: no LFX platform, a primary mentor, no 2023 template change. */
const GSOC_FIELD_HELP: Partial<Record<FieldKey, readonly string[]>> = {
  outcome: ['What the contributor will have delivered by the end of the program (features, docs, tests), ideally as a list.'],
  mentors: [
    'Who guides the contributor: one sub-bullet per mentor, `Name (@github_handle, email)`, so that the program can reach them.',
    'Google Summer of Code requires at least 2 mentors, one marked primary (`- primary` after the entry).',
    'The GitHub handle is the mentor\'s login (1 to 39 letters, digits and single hyphens). Write a mentor\'s address the same way in every proposal.',
  ],
};

/** The help lines of a field, in a Google Summer of Code file or another. */
export function fieldHelp(key: FieldKey, gsoc = false): readonly string[] {
  return (gsoc && GSOC_FIELD_HELP[key]) || FIELD_HELP[key].body;
}

/** A GitHub login: 1 to 39 letters, digits and single inner hyphens. */
const GITHUB_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export function isValidHandle(handle: string): boolean {
  return handle.length <= 39 && GITHUB_HANDLE.test(handle);
}
