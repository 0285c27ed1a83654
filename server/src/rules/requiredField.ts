// A standard field the file's own template asks for is missing or empty. LFX URL is filled in by the
// program admins later and is never required; Expected Outcome only where the template has it.
import type { Field, FieldKey, Proposal } from '../core/model';
import { expectedFields, FIELD_LABELS, type FieldSpec, type StandardKey } from '../core/vocabulary';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { isEmptyValue, quote } from './util';
import { proposalsOf } from '../core/walk';
import { span } from '../core/span';
import { readLabel } from '../core/parse/labels';

const CHECKED: FieldKey[] = ['description', 'outcome', 'skills', 'mentors', 'upstream'];

/** The fields the file's template (or its kind and era) expects, in order (core/vocabulary.ts). */
export function templateOrder(ctx: RuleContext): readonly FieldSpec[] {
  return expectedFields(ctx.model, ctx.term);
}

export function requiredKeys(ctx: RuleContext): FieldKey[] {
  return templateOrder(ctx)
    .map((f) => f.key)
    .filter((key, i, all) => CHECKED.includes(key) && all.indexOf(key) === i);
}

/** The last line holding the field's text (blank lines at its end left out). */
function lastLineOf(ctx: RuleContext, field: Field): number {
  let line = field.range.end.character === 0 && field.range.end.line > field.range.start.line ? field.range.end.line - 1 : field.range.end.line;
  while (line > field.range.start.line && (ctx.lines[line] ?? '').trim() === '') line--;
  return line;
}

/** A new field line in the style of the proposal's other fields (`- **Label**:`, `* Label:`, …). */
function fieldLine(ctx: RuleContext, proposal: Proposal, label: string): string {
  const model = proposal.fields.find((f) => f.labelRange.start.line === f.labelRange.end.line);
  if (!model) return `- ${label}:`;
  const line = ctx.lines[model.labelRange.start.line] ?? '';
  const prefix = line.slice(0, model.labelRange.start.character);
  if (!/^\s*(?:[-*+]\s+)?(?:\*\*|__)?$/.test(prefix)) return `- ${label}:`;
  const after = /^(?:\*\*|__)?\s*[:：]?(?:\*\*|__)?/.exec(line.slice(model.labelRange.end.character))?.[0] ?? ':';
  return `${prefix}${label}${after.replace('：', ':').trimEnd() || ':'}`;
}

/** Inserts `label` where the template order puts it among the proposal's fields. */
export function insertFieldFix(ctx: RuleContext, proposal: Proposal, key: FieldKey, label: string): Fix {
  const order = templateOrder(ctx).map((f) => f.key);
  if (!order.includes(key)) order.push(key);
  const index = order.indexOf(key);
  const newLine = fieldLine(ctx, proposal, label);
  const title = `Add the "${label}" field`;
  // After the nearest field that comes before it in the template…
  for (let i = index - 1; i >= 0; i--) {
    const before = proposal.fields.filter((f) => f.key === order[i]).pop();
    if (!before) continue;
    const last = lastLineOf(ctx, before);
    const end = (ctx.lines[last] ?? '').length;
    return { title, edits: [{ range: span(last, end, last, end), newText: `\n${newLine}` }], safeForFixAll: true };
  }
  // …or before the nearest field that comes after it…
  for (let i = index + 1; i < order.length; i++) {
    const after = proposal.fields.find((f) => f.key === order[i]);
    if (!after) continue;
    const line = after.range.start.line;
    return { title, edits: [{ range: span(line, 0, line, 0), newText: `${newLine}\n` }], safeForFixAll: true };
  }
  // …or right under the heading.
  const first = proposal.fields[0];
  if (first) {
    const line = first.range.start.line;
    return { title, edits: [{ range: span(line, 0, line, 0), newText: `${newLine}\n` }], safeForFixAll: true };
  }
  const h = proposal.headingRange.end.line;
  const end = (ctx.lines[h] ?? '').length;
  return { title, edits: [{ range: span(h, end, h, end), newText: `\n\n${newLine}` }], safeForFixAll: true };
}

/** A label written where the parser took no field (`- Recommended Skills\*\*: Go`, escaped bold
 *  markers), read with the parser's own reader, so a written label is never reported missing. */
function labelWritten(ctx: RuleContext, proposal: Proposal, key: FieldKey): boolean {
  const to = Math.min(proposal.range.end.line, ctx.lines.length - 1);
  for (let line = proposal.headingRange.end.line + 1; line <= to; line++) {
    const text = (ctx.lines[line] ?? '').slice(0, 200).replace(/\\([*_])/g, '$1');
    if (readLabel(text)?.key === key) return true;
  }
  return false;
}

export const requiredField: Rule = {
  id: 'required-field',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'A field the file\'s template asks for (Description, Expected Outcome, Recommended Skills, Mentor(s), Upstream Issue) is missing or empty.',
  check(ctx) {
    const findings: Finding[] = [];
    if (ctx.model.kind === 'term-readme' && !ctx.model.template.fromFile) return findings;
    const order = templateOrder(ctx);
    const labelOf = (key: FieldKey) => order.find((f) => f.key === key)?.label ?? FIELD_LABELS[key as StandardKey];
    const keys = requiredKeys(ctx);
    for (const { proposal } of proposalsOf(ctx.model)) {
      // A heading with no field at all is not a proposal entry we can judge (stray heading).
      if (!proposal.fields.length && !proposal.mentors.length && !proposal.upstream.length) continue;
      for (const key of keys) {
        const fields = proposal.fields.filter((f) => f.key === key);
        if (key === 'mentors' && proposal.mentors.length) continue;
        if (key === 'upstream' && proposal.upstream.length) continue;
        if (key === 'outcome' && proposal.outcomeInDescription) continue; // the generated README's form
        const label = labelOf(key);
        if (!fields.length) {
          if (labelWritten(ctx, proposal, key)) continue;
          findings.push({
            ruleId: 'required-field',
            message: `${quote(proposal.title)} has no "${label}" field; the template asks for ${order
              .filter((f) => keys.includes(f.key))
              .map((f) => f.label)
              .join(', ')}.`,
            range: proposal.titleRange,
            fixes: [insertFieldFix(ctx, proposal, key, label)],
          });
        } else if (fields.every((f) => isEmptyValue(f.value))) {
          const field = fields[0];
          findings.push({
            ruleId: 'required-field',
            message: `"${field.label}" of ${quote(proposal.title)} is empty; fill it in${key === 'mentors' ? ' with one `Name (@handle, email)` per mentor' : key === 'upstream' ? ' with the URL of the upstream issue' : ''}.`,
            range: field.labelRange,
          });
        }
      }
    }
    return findings;
  },
};
