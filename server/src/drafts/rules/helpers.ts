// Small helpers shared by the draft rules: where a field is, where a missing one would go, ticking
// a box, and the rule shape most of the bot's "X is empty" checks take.
import type { Span } from '../../core/model';
import type { Fix } from '../../rules/types';
import { sectionOf, tickedOptions, type DraftModel, type DraftSection } from '../draft';
import { CODING_CHALLENGE_OPTION, FIELD, labelOf, fieldById, type FormDefinition } from '../form';
import type { DraftContext, DraftRule, Finding, Severity } from './types';
import { mentorCheck, roleOf } from '../mentorChecks';

export function point(line: number, character: number): Span {
  return { start: { line, character }, end: { line, character } };
}

/** Where a field is: its value, else its label; a missing section: where it would be inserted. */
export function fieldRange(ctx: DraftContext, id: string): Span {
  const section = sectionOf(ctx.draft, id);
  if (section) return section.noResponse || !section.valueRange ? section.labelRange : section.valueRange;
  return insertionPoint(ctx, labelOf(ctx.draft.form, id)).range;
}

/** The label of a present section (for "X is empty"), else where the missing section would go. */
export function labelRange(ctx: DraftContext, id: string): Span {
  const section = sectionOf(ctx.draft, id);
  return section ? section.labelRange : insertionPoint(ctx, labelOf(ctx.draft.form, id)).range;
}

/** A label's section would go before the next section of the form present in the draft, else at the end. */
export function insertionPoint(ctx: DraftContext, label: string): { range: Span; before: boolean } {
  const { draft } = ctx;
  const fields = draft.form.fields;
  const at = fields.findIndex((f) => f.label === label);
  if (at >= 0) {
    for (const field of fields.slice(at + 1)) {
      const next = draft.byLabel.get(field.label);
      if (next) return { range: point(next.headingRange.start.line, 0), before: true };
    }
  }
  const last = Math.max(0, ctx.lines.length - 1);
  return { range: point(last, (ctx.lines[last] ?? '').length), before: false };
}

/** The text GitHub writes for an empty field: `_No response_`, or every option unticked. */
export function emptySectionText(form: FormDefinition, label: string): string {
  const field = form.fields.find((f) => f.label === label);
  const value = field?.type === 'checkboxes' && field.options.length ? field.options.map((o) => `- [ ] ${o}`).join('\n') : '_No response_';
  return `### ${label}\n\n${value}\n`;
}

/** Text written with the document's line endings (CRLF when the document uses them). */
export function withEol(ctx: DraftContext, text: string): string {
  return ctx.text.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** A fix adding a missing section where the form puts it. */
export function addSectionFix(ctx: DraftContext, label: string): Fix {
  const { range, before } = insertionPoint(ctx, label);
  const block = emptySectionText(ctx.draft.form, label);
  let newText: string;
  if (before) newText = `${block}\n`;
  else {
    const last = ctx.lines[ctx.lines.length - 1] ?? '';
    const prev = ctx.lines[ctx.lines.length - 2];
    newText = last !== '' ? `\n\n${block}` : prev !== undefined && prev !== '' ? `\n${block}` : block;
  }
  return { title: `Add the section "${label}" (_No response_)`, edits: [{ range, newText: withEol(ctx, newText) }], safeForFixAll: true };
}

/** A fix ticking or unticking a checkbox line of a section (the first option, or the one named). */
export function tickFix(draft: DraftModel, id: string, checked: boolean, option?: string): Fix | undefined {
  const section = sectionOf(draft, id);
  const line = section?.checkboxes.find((c) => option === undefined || c.label === option);
  if (!section || !line || line.checked === checked) return undefined;
  const what = option ?? fieldById(draft.form, id)?.label ?? section.label;
  return {
    title: `${checked ? 'Tick' : 'Untick'} "${what}"`,
    edits: [{ range: line.boxRange, newText: checked ? '[X]' : '[ ]' }],
  };
}

/** A fix emptying a section's value (writes `_No response_`). */
export function clearFix(section: DraftSection | undefined, title: string): Fix | undefined {
  if (!section?.valueRange || section.noResponse) return undefined;
  return { title, edits: [{ range: section.valueRange, newText: '_No response_' }] };
}

/** The bot's "<field> is empty" error on a well-known field. */
export function emptyFieldRule(id: string, fieldId: string, description: string, message: (label: string) => string): DraftRule {
  return {
    id,
    defaultSeverity: 'error',
    description,
    check(ctx) {
      const section = sectionOf(ctx.draft, fieldId);
      if (section?.value) return [];
      const label = labelOf(ctx.draft.form, fieldId);
      return [{ ruleId: id, message: message(label), range: labelRange(ctx, fieldId) }];
    },
  };
}

export function finding(ruleId: string, message: string, range: Span, extra: { severity?: Severity; fixes?: (Fix | undefined)[]; related?: Finding['related'] } = {}): Finding {
  const fixes = extra.fixes?.filter((f): f is Fix => !!f);
  return {
    ruleId,
    message,
    range,
    ...(extra.severity ? { severity: extra.severity } : {}),
    ...(extra.related?.length ? { related: extra.related } : {}),
    ...(fixes?.length ? { fixes } : {}),
  };
}

/** `12,345`: figures as the hints and messages write them. */
export function figure(n: number): string {
  return n.toLocaleString('en-US');
}

/** The bot's URL test. */
export const URL_RE = /^https?:\/\/\S+$/;

/** Whether "Coding Challenge" is ticked under Application Prerequisites (three rules ask). */
export function codingChallengeTicked(draft: DraftModel): boolean {
  return tickedOptions(draft, FIELD.prerequisites).includes(CODING_CHALLENGE_OPTION);
}

/**
 * The bot's "no X twice among the mentors" checks (handle, e-mail, LFID; empty ones count as equal):
 * one finding per repeated part, related to the line that gave it first.
 */
export function duplicateMentorParts(ctx: DraftContext, code: 'dup-handle' | 'dup-email' | 'dup-lfid', ruleId: string, what: string): Finding[] {
  return mentorCheck(ctx.draft)
    .issues.filter((i) => i.code === code)
    .map(({ line, part, value, first }) => {
      const earlier = first ? roleOf(first) : 'another line';
      const message = value
        ? `${roleOf(line)}: duplicate ${what} \`${value}\` (already given for ${earlier}).`
        : `${roleOf(line)}: no ${what}, like ${earlier}: the bot counts two empty ones as the same; write each mentor's own.`;
      return finding(ruleId, message, part?.value ? part.range : line.range, {
        related: first && ctx.uri ? [{ uri: ctx.uri, range: first.range, message: `First written here (${roleOf(first).toLowerCase()})` }] : [],
      });
    });
}
