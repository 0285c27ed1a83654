// The model of an LFX issue-form draft: the body GitHub writes for the form, read exactly as the
// upstream bot reads it (sections start at lines matching /^### +/m, the text before the first one
// is ignored, values are trimmed, `_No response_` is empty, a later section of the same label wins),
// with exact LSP-shaped ranges (zero-based, UTF-16, half-open) for labels, values, checkbox lines
// and each mentor line and its `|` parts. Never throws.
import type { Pos, Span } from '../core/model';
import { LineIndex } from '../core/parse/lines';
import { FIELD, labelOf, type FormDefinition, type FormField } from './form';

export interface CheckboxLine {
  checked: boolean;
  /** The option text after the box, trimmed. */
  label: string;
  /** The whole line. */
  range: Span;
  /** The `[X]` / `[ ]` part. */
  boxRange: Span;
  labelRange: Span;
}

export interface DraftSection {
  /** The label as the bot reads it (trimmed). */
  label: string;
  /** The `### <label>` line. */
  headingRange: Span;
  labelRange: Span;
  /** Everything after the heading line up to the next section (or the end). */
  bodyRange: Span;
  /** The value as the bot reads it: trimmed, `''` for `_No response_`. */
  value: string;
  /** Where the trimmed value is written (also for `_No response_`); absent when nothing is written. */
  valueRange?: Span;
  noResponse: boolean;
  /** The form field this label names, if any. */
  field?: FormField;
  /** `- [X] option` / `- [ ] option` lines of the value. */
  checkboxes: CheckboxLine[];
  /** False when the bot skips the section (a heading with no line break after it, at the very end). */
  read: boolean;
}

export interface MentorPart {
  /** The part trimmed. */
  value: string;
  /** Where it is written (an empty part: an empty range where it would be). */
  range: Span;
}

export interface MentorLine {
  /** 0 for the primary mentor. */
  index: number;
  /** The line trimmed, as the bot reads it. */
  text: string;
  range: Span;
  /** The `|`-separated parts, trimmed (the bot wants 3 or 4). */
  parts: MentorPart[];
}

export interface DraftModel {
  /** Every `### ` section in document order (repeated labels included). */
  sections: DraftSection[];
  /** The section the bot reads for a label: the last one of that label. */
  byLabel: ReadonlyMap<string, DraftSection>;
  /** Mentor lines of the Mentors section as the bot splits them. */
  mentors: MentorLine[];
  /** The bot's test: sections CNCF Project, Term, Program Description and Mentors are present. */
  isDraft: boolean;
  /** Where the first section starts (the issue body starts there); the end of the text when none. */
  bodyStart: Pos;
  lineCount: number;
  /** The form the draft was read against. */
  form: FormDefinition;
}

/** Reads a draft against a form. Never throws: on any failure, a model with no sections. */
export function parseDraft(text: string, form: FormDefinition): DraftModel {
  const safe = typeof text === 'string' ? text : '';
  try {
    return read(safe, form);
  } catch {
    return { sections: [], byLabel: new Map(), mentors: [], isDraft: false, bodyStart: { line: 0, character: 0 }, lineCount: 1, form };
  }
}

/** The section the bot reads for a well-known field id (by the form's label). */
export function sectionOf(draft: DraftModel, id: string): DraftSection | undefined {
  return draft.byLabel.get(labelOf(draft.form, id));
}

/** The value the bot reads for a well-known field id (`''` when empty or missing). */
export function valueOf(draft: DraftModel, id: string): string {
  return sectionOf(draft, id)?.value ?? '';
}

/** Whether a checkbox section has a box ticked the way the bot tests it (`[X]` or `[x]` anywhere). */
export function isTicked(draft: DraftModel, id: string): boolean {
  const value = valueOf(draft, id);
  return value.includes('[X]') || value.includes('[x]');
}

/** The ticked options of a checkbox section, read as upstream reads them: lines holding `- [x]`
 *  (any case), each without a leading `- [.]` and trimmed. */
export function tickedOptions(draft: DraftModel, id: string): string[] {
  const value = valueOf(draft, id);
  if (!value) return [];
  return value
    .split('\n')
    .filter((l) => /- \[x\]/i.test(l))
    .map((l) => l.replace(/^- \[.\]\s*/, '').trim());
}

/** The section whose heading or body holds a zero-based line (hover, completion), if any. */
export function sectionAt(draft: DraftModel, line: number): DraftSection | undefined {
  let found: DraftSection | undefined;
  for (const s of draft.sections) {
    if (s.headingRange.start.line > line) break;
    found = s;
  }
  return found && line <= found.bodyRange.end.line ? found : undefined;
}

/** The bot's test on text alone, cheap: the four sections it detects a proposal by. */
export function looksLikeDraft(text: string, form: FormDefinition): boolean {
  if (typeof text !== 'string' || !text.includes('### ')) return false;
  const labels = [FIELD.project, FIELD.term, FIELD.description, FIELD.mentors].map((id) => labelOf(form, id));
  const present = new Set<string>();
  const re = /^### +([^\n]*)\n/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) present.add(m[1].trim());
  return labels.every((l) => present.has(l));
}

const SECTION_START = /^### +/gm;

/** The block the upstream's /lfx-url command appends to an accepted issue; upstream's parser drops it. */
const LFX_URL_BLOCK = /<!-- lfx-url:start -->[\s\S]*?<!-- lfx-url:end -->/;

/** The text the bot reads: the /lfx-url block blanked (same length and lines, so ranges still hold). */
function asTheBotReads(text: string): string {
  if (!text.includes('<!-- lfx-url:start -->')) return text;
  return text.replace(LFX_URL_BLOCK, (block) => block.replace(/[^\r\n]/g, ' '));
}

function read(original: string, form: FormDefinition): DraftModel {
  const text = asTheBotReads(original);
  const idx = new LineIndex(text);
  const pos = (offset: number) => idx.pos(offset);
  const range = (from: number, to: number): Span => ({ start: pos(from), end: pos(to) });
  const fieldsByLabel = new Map(form.fields.map((f) => [f.label, f]));

  // The bot: body.split(/^### +/m).slice(1). Each match starts a section running to the next match.
  const starts: { at: number; after: number }[] = [];
  SECTION_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SECTION_START.exec(text))) {
    starts.push({ at: m.index, after: m.index + m[0].length });
    if (m[0].length === 0) SECTION_START.lastIndex++;
  }
  const sections: DraftSection[] = [];
  const byLabel = new Map<string, DraftSection>();
  for (let i = 0; i < starts.length; i++) {
    const { at, after } = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    const nl = text.indexOf('\n', after);
    const read = nl !== -1 && nl < end;
    const labelEnd = read ? nl : end;
    const rawLabel = text.slice(after, labelEnd);
    const label = rawLabel.trim();
    const labelStart = after + (rawLabel.length - rawLabel.trimStart().length);
    const headingLine = idx.pos(at).line;
    const headingRange: Span = { start: { line: headingLine, character: 0 }, end: { line: headingLine, character: idx.lineLength(headingLine) } };
    const bodyFrom = read ? nl + 1 : end;
    const body = text.slice(bodyFrom, end);
    const lead = body.length - body.trimStart().length;
    let value = body.trim();
    const valueFrom = bodyFrom + lead;
    const valueTo = valueFrom + value.length;
    const noResponse = value === '_No response_';
    if (noResponse) value = '';
    const section: DraftSection = {
      label,
      headingRange,
      labelRange: range(labelStart, labelStart + label.length),
      bodyRange: range(bodyFrom, end),
      value: read ? value : '',
      valueRange: read && valueTo > valueFrom ? range(valueFrom, valueTo) : undefined,
      noResponse,
      field: fieldsByLabel.get(label),
      checkboxes: read ? checkboxesOf(text, valueFrom, valueTo, range) : [],
      read,
    };
    sections.push(section);
    if (read) byLabel.set(label, section);
  }

  const mentorsSection = byLabel.get(labelOf(form, FIELD.mentors));
  const mentors = mentorsSection?.valueRange && mentorsSection.value ? mentorLines(text, mentorsSection.valueRange, idx, range) : [];
  const required = [FIELD.project, FIELD.term, FIELD.description, FIELD.mentors].map((id) => labelOf(form, id));
  return {
    sections,
    byLabel,
    mentors,
    isDraft: required.every((l) => byLabel.has(l)),
    bodyStart: starts.length ? pos(starts[0].at) : pos(text.length),
    lineCount: idx.lineCount,
    form,
  };
}

const CHECKBOX = /^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]*(.*)$/;

function checkboxesOf(text: string, from: number, to: number, range: (a: number, b: number) => Span): CheckboxLine[] {
  const out: CheckboxLine[] = [];
  let lineStart = from;
  while (lineStart <= to && out.length < 1000) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    const raw = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const m = CHECKBOX.exec(raw.length > 2000 ? raw.slice(0, 2000) : raw);
    if (m) {
      const box = raw.indexOf('[');
      const label = m[2].trim();
      const labelAt = lineStart + raw.length - m[2].length + (m[2].length - m[2].trimStart().length);
      out.push({
        checked: m[1] !== ' ',
        label,
        range: range(lineStart, lineStart + raw.length),
        boxRange: range(lineStart + box, lineStart + box + 3),
        labelRange: range(labelAt, labelAt + label.length),
      });
    }
    if (lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** The bot: raw.split(/\r?\n/).map(trim).filter(Boolean), each split at `|` and trimmed. */
function mentorLines(text: string, value: Span, idx: LineIndex, range: (a: number, b: number) => Span): MentorLine[] {
  const from = idx.offset(value.start);
  const to = idx.offset(value.end);
  const out: MentorLine[] = [];
  let lineStart = from;
  while (lineStart <= to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    let raw = text.slice(lineStart, lineEnd);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const trimmed = raw.trim();
    if (trimmed) {
      const at = lineStart + (raw.length - raw.trimStart().length);
      const parts: MentorPart[] = [];
      let partStart = 0;
      for (let i = 0; i <= trimmed.length; i++) {
        if (i === trimmed.length || trimmed[i] === '|') {
          const rawPart = trimmed.slice(partStart, i);
          const partValue = rawPart.trim();
          const lead = rawPart.length - rawPart.trimStart().length;
          const s = at + partStart + (partValue ? lead : Math.min(1, rawPart.length));
          parts.push({ value: partValue, range: range(s, s + partValue.length) });
          partStart = i + 1;
        }
      }
      out.push({ index: out.length, text: trimmed, range: range(at, at + trimmed.length), parts });
    }
    if (lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  return out;
}
