// The LFX issue form (`.github/ISSUE_TEMPLATE/lfx-program-proposal.yml`): its fields, labels, ids,
// dropdown and checkbox options, read with `yaml`. The workspace's copy when it has one, else the
// copy shipped with the extension (data/lfx-program-proposal.yml, carried in lfxForm.generated.ts).
import { parse as parseYaml } from 'yaml';
import { SHIPPED_FORM_YAML } from './data/lfxForm.generated';

export type FormFieldType = 'dropdown' | 'input' | 'textarea' | 'checkboxes';

export interface FormField {
  id: string;
  type: FormFieldType;
  /** The section label, trimmed (the bot matches it character for character). */
  label: string;
  description?: string;
  placeholder?: string;
  /** Dropdown options, or checkbox option labels. */
  options: string[];
  required: boolean;
}

export interface FormDefinition {
  /** The issue title the form proposes (`[CNCF LFX Proposal] <project> <program name>`). */
  title?: string;
  /** Every non-markdown field in form order: each is a `### <label>` section of the body. */
  fields: FormField[];
}

export type FormOrigin = 'workspace' | 'shipped';

export interface LoadedForm {
  form: FormDefinition;
  /** Where the form (and so the dropdown options) came from. */
  origin: FormOrigin;
  /** Why the workspace's form could not be used, when it could not (the shipped copy is used then). */
  problem?: string;
}

/** The well-known field ids the rules read. */
export const FIELD = {
  project: 'cncf_project',
  term: 'term',
  name: 'program_name',
  description: 'program_description',
  technologies: 'technologies',
  skillsSame: 'skills_same',
  skills: 'skills',
  mentors: 'mentors',
  upstream: 'upstream_issue_url',
  prerequisites: 'application_prerequisites',
  challengeUrl: 'coding_challenge_url',
  custom: 'custom_prerequisites',
  customName: 'custom_prerequisite_name',
  customDescription: 'custom_prerequisite_description',
  customUpload: 'custom_prerequisite_file_upload',
} as const;

/** The option of Application Prerequisites the Coding Challenge URL goes with. */
export const CODING_CHALLENGE_OPTION = 'Coding Challenge';

const TYPES: ReadonlySet<string> = new Set(['dropdown', 'input', 'textarea', 'checkboxes']);

/** Reads a form's YAML; throws with a readable message when it is not an issue form. */
export function parseFormDefinition(text: string): FormDefinition {
  if (text.length > 2_000_000) throw new Error('the file is larger than 2 MB');
  const doc = parseYaml(text, { maxAliasCount: 100 }) as unknown;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('expected a mapping with a `body` list');
  const body = (doc as { body?: unknown }).body;
  if (!Array.isArray(body)) throw new Error('expected a `body` list');
  const fields: FormField[] = [];
  for (const element of body) {
    if (typeof element !== 'object' || element === null) continue;
    const e = element as Record<string, unknown>;
    const type = typeof e.type === 'string' ? e.type : '';
    if (type === 'markdown' || !TYPES.has(type)) continue;
    const attributes = (typeof e.attributes === 'object' && e.attributes !== null ? e.attributes : {}) as Record<string, unknown>;
    const label = attributes.label == null ? '' : String(attributes.label).trim();
    if (!label) continue;
    const options: string[] = [];
    if (Array.isArray(attributes.options)) {
      for (const option of attributes.options) {
        if (typeof option === 'string' || typeof option === 'number') options.push(String(option));
        else if (typeof option === 'object' && option !== null && (option as { label?: unknown }).label != null) {
          options.push(String((option as { label: unknown }).label));
        }
      }
    }
    const validations = (typeof e.validations === 'object' && e.validations !== null ? e.validations : {}) as Record<string, unknown>;
    fields.push({
      id: typeof e.id === 'string' ? e.id : '',
      type: type as FormFieldType,
      label,
      description: typeof attributes.description === 'string' ? attributes.description : undefined,
      placeholder: typeof attributes.placeholder === 'string' ? attributes.placeholder : undefined,
      options,
      required: validations.required === true,
    });
  }
  if (!fields.length) throw new Error('the form has no field with a label');
  const title = (doc as { title?: unknown }).title;
  return { title: typeof title === 'string' ? title : undefined, fields };
}

let shipped: FormDefinition | undefined;

/** The form shipped with the extension (parsed once). */
export function shippedForm(): FormDefinition {
  return (shipped ??= parseFormDefinition(SHIPPED_FORM_YAML));
}

/**
 * The form to check drafts against: the workspace's `.github/ISSUE_TEMPLATE/lfx-program-proposal.yml`
 * text when there is one, else the shipped copy. A workspace form that cannot be read gives the
 * shipped copy and a problem saying why. Never throws.
 */
export function loadForm(workspaceText?: string, source = '.github/ISSUE_TEMPLATE/lfx-program-proposal.yml'): LoadedForm {
  if (workspaceText === undefined) return { form: shippedForm(), origin: 'shipped' };
  try {
    return { form: parseFormDefinition(workspaceText), origin: 'workspace' };
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    return {
      form: shippedForm(),
      origin: 'shipped',
      problem: `${source} could not be read (${message.split('\n')[0].slice(0, 300)}); using the form shipped with the extension.`,
    };
  }
}

export function fieldById(form: FormDefinition, id: string): FormField | undefined {
  return form.fields.find((f) => f.id === id);
}

/** The label of a well-known field: the form's, else the shipped form's (a fork may drop a field). */
export function labelOf(form: FormDefinition, id: string): string {
  return fieldById(form, id)?.label ?? fieldById(shippedForm(), id)?.label ?? id;
}

/** `2026 Term 3 (Sep-Nov)` -> `2026 Term 3`: the term as the LFX title writes it (the bot's cut). */
export function termToken(term: string): string {
  return term.replace(/\s*\(.*$/, '');
}
