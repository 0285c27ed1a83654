// The words of the format, said once: the standard fields and how the templates spell their
// labels, the fields each kind of file and each era expects, and what a GitHub handle is. The
// parser (default template), rules (required fields, handles), hovers, completion, the insert
// commands and the shipped snippets (test/unit/vocabulary.test.ts) read them from here. How a label
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

/** A GitHub login: 1 to 39 letters, digits and single inner hyphens. */
const GITHUB_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export function isValidHandle(handle: string): boolean {
  return handle.length <= 39 && GITHUB_HANDLE.test(handle);
}
