// Writing a draft body from values: the body GitHub writes for the form (`### <label>`, blank
// line, value or `_No response_`, every checkbox option as `- [X]`/`- [ ]`), in the form's order.
import { FIELD, type FormDefinition } from './form';

/** Values by field id: text for text fields and dropdowns, the ticked options for checkboxes. */
export type DraftValues = Record<string, string | readonly string[] | undefined>;

export function renderDraft(form: FormDefinition, values: DraftValues): string {
  const sections = form.fields.map((field) => {
    const value = values[field.id];
    let body: string;
    if (field.type === 'checkboxes') {
      const ticked = new Set(Array.isArray(value) ? value : []);
      body = field.options.length ? field.options.map((o) => `- [${ticked.has(o) ? 'X' : ' '}] ${o}`).join('\n') : '_No response_';
    } else {
      const text = typeof value === 'string' ? value.trim() : '';
      body = text || '_No response_';
    }
    return `### ${field.label}\n\n${body}`;
  });
  return `${sections.join('\n\n')}\n`;
}

/** An empty draft for a project and a term (either may be empty: the rules then say what is missing). */
export function newProposal(form: FormDefinition, options: { project?: string; term?: string } = {}): string {
  return renderDraft(form, { [FIELD.project]: options.project ?? '', [FIELD.term]: options.term ?? '' });
}
