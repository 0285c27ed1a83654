// Beyond the bot: a `### ` line inside a field starts a new section for the bot, so the field is
// silently cut short there (the text below it is lost). Fix: demote it to `####`.
import { finding } from './helpers';
import type { DraftRule } from './types';

export const headingInField: DraftRule = {
  id: 'form/heading-in-field',
  defaultSeverity: 'warning',
  description: 'A `### ` line inside a field: the bot starts a new section there and cuts the field short.',
  check(ctx) {
    const out = [];
    const sections = ctx.draft.sections;
    let owner: string | undefined;
    for (const section of sections) {
      if (section.field) {
        owner = section.field.label;
        continue;
      }
      if (owner === undefined) continue; // before any field of the form: nothing is cut short
      const line = section.headingRange.start.line;
      const text = ctx.lines[line] ?? '';
      out.push(
        finding('form/heading-in-field', `"${text.trim().slice(0, 80)}" is read by the bot as a new section: ${owner} ends above it and the text below is lost. Use a #### heading (or none).`, section.headingRange, {
          fixes: [{ title: 'Demote the heading to ####', edits: [{ range: { start: { line, character: 0 }, end: { line, character: 3 } }, newText: '####' }], safeForFixAll: true }],
        }),
      );
    }
    return out;
  },
};
