// Fields of one proposal: label line, value on the label line, in sub-bullets, in following
// paragraphs, continued as unindented bullets; mentors and upstream references read from them.
import type { Draft, Field, FieldKey, Irregularity, Mentor, UpstreamRef } from '../model';
import { readHeadingLabel, readLabel, normaliseLabel, STRONG_KEYS, type LabelMatch } from './labels';
import { type LineSource } from './lines';
import { parseMentors, type ValueLine } from './mentors';
import { refsOnLine } from './upstream';
import { lineSpan, span } from '../span';

export interface FieldsResult {
  fields: Field[];
  mentors: Mentor[];
  upstream: UpstreamRef[];
  irregularities: Irregularity[];
  /** The description's quoted value holds an `## Expected outcomes` section (generated READMEs). */
  outcomeInDescription?: boolean;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ROLE_LABELS = new Set(['mentorname', 'mentornames', 'primarymentor', 'mentor', 'comentor', 'comentors', 'secondarymentor']);
const SINGLE_LINE: ReadonlySet<FieldKey> = new Set<FieldKey>(['lfx', 'size']);
/** Fields that end at an unknown `- Some Label:` bullet at their own indent (not prose fields). */
const ENDS_AT_UNKNOWN_LABEL: ReadonlySet<FieldKey> = new Set<FieldKey>(['mentors', 'upstream', 'lfx', 'size', 'skills']);
const UNKNOWN_LABEL = /^[ \t]{0,12}[-*+][ \t]+(?:\*\*)?[A-Z][A-Za-z'’ ()/-]{1,40}(?:\*\*)?[ \t]*[:：](?!\/\/)/;

function indentOf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length && i < 64; i++) {
    if (s[i] === ' ' || s[i] === '\u00a0') n++;
    else if (s[i] === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

const QUOTE_PREFIX = /^[ \t]{0,12}(?:>[ \t]?)+/;
const HASH_LINE = /^[ \t]*#{1,6}(?:[ \t]|$)/;

/** The line with its blockquote markers blanked out, so that columns stay put. */
export function unquote(text: string): string {
  const q = QUOTE_PREFIX.exec(text.length > 200 ? text.slice(0, 200) : text);
  return q ? ' '.repeat(q[0].length) + text.slice(q[0].length) : text;
}

/** A `> ## Label` line of a strong key: the proposal's fields are in blockquotes (generated READMEs). */
function isQuotedFieldHeading(src: LineSource, line: number, strong: ReadonlySet<FieldKey>): boolean {
  if (!src.inQuote(line) || src.inCode(line)) return false;
  const m = readHeadingLabel(unquote(src.text(line)));
  return m !== undefined && strong.has(m.key);
}

/** `- Some Label: …` at the start of the line, the label not being a mentor record (`- GitHub: @h`,
 *  `- Primary Mentor: …`). Only the label is looked at: `- Enhancement: https://github.com/…` ends a field. */
function endsAtUnknownLabel(t: string): boolean {
  const head = t.slice(0, 80);
  const u = UNKNOWN_LABEL.exec(head);
  return u !== null && !/mentor|primary|github|e-?mail/i.test(u[0]);
}

/** True when the line is a label line that starts a new field (given the field being read). `text`
 *  is the line as read (quote markers blanked); `quoted` allows `## Label` lines. */
function labelAt(src: LineSource, line: number, current: FieldKey | undefined, text: string, quoted: boolean): LabelMatch | undefined {
  if (src.inCode(line)) return undefined;
  const m = (quoted ? readHeadingLabel(text) : undefined) ?? readLabel(text);
  if (!m) return undefined;
  if (current === 'mentors' && m.key === 'mentors' && ROLE_LABELS.has(normaliseLabel(m.label)) && m.valueStart < text.trimEnd().length) {
    return undefined; // `- Mentor Name: …` inside Mentor(s) is a mentor line
  }
  return m;
}

/** True when a field label (any known key) starts in [from, to): used to tell proposals from projects. */
export function hasLabels(src: LineSource, from: number, to: number, strong: ReadonlySet<FieldKey>): boolean {
  const end = Math.min(to, src.end, from + 400);
  for (let l = Math.max(from, src.first); l < end; l++) {
    if (src.inCode(l)) continue;
    if (src.inQuote(l)) {
      if (isQuotedFieldHeading(src, l, strong)) return true;
      continue;
    }
    const m = readLabel(src.text(l));
    if (m && strong.has(m.key) && (m.colon || m.bulleted)) return true;
  }
  return false;
}

/** True when the first field label of lines [from, to) is a `> ## Label` line inside a blockquote. */
function fieldsInQuote(src: LineSource, from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 400; k++) {
    if (src.inCode(k)) continue;
    if (src.inQuote(k)) {
      if (isQuotedFieldHeading(src, k, STRONG_KEYS)) return true;
      continue;
    }
    const m = readLabel(src.text(k));
    if (m && (m.colon || m.bulleted)) return false;
  }
  return false;
}

/** A bullet nested under a bulleted label (`  - **Backend:** Rust` under `- **Recommended Skills:**`):
 *  part of that field's value, unless it names another standard field. */
function nestedUnder(m: LabelMatch, labelIndent: number, next: LabelMatch, nextIndent: number): boolean {
  return m.bulleted && !m.heading && next.bulleted && nextIndent >= labelIndent + 2 && (next.key === 'other' || next.key === m.key);
}

/** Reads the fields in lines [from, to) of a proposal body. Never throws on odd text. */
export function readFields(src: LineSource, from: number, to: number): FieldsResult {
  const res: FieldsResult = { fields: [], mentors: [], upstream: [], irregularities: [] };
  const end = Math.min(to, src.end);
  let l = Math.max(from, src.first);
  const seen = new Map<FieldKey, Field>();
  // A body whose fields are all in a blockquote (`> ## Description` / `> text`, before any field
  // label outside it): its quoted lines are read as field lines, quote markers blanked. Where a
  // label outside the quote comes first (the generated README's `- Description:` followed by the
  // description as a quote holding `> ## Description`, `> ## Expected outcomes`), the quote is
  // that field's value: its lines are never labels.
  const quotedFields = fieldsInQuote(src, l, end);
  const readable = (k: number) => quotedFields || !src.inQuote(k);
  const textAt = (k: number) => (src.inQuote(k) ? unquote(src.text(k)) : src.text(k));
  while (l < end) {
    if (!readable(l)) {
      l++;
      continue;
    }
    const quoted = src.inQuote(l);
    const m = labelAt(src, l, undefined, textAt(l), quoted);
    if (!m) {
      l++;
      continue;
    }
    const labelLine = l;
    const text = textAt(l);
    const labelIndent = indentOf(text);
    const valueLines: ValueLine[] = [];
    let firstValue = text.slice(m.valueStart).trim();
    if (/^[|>][-+]?$/.test(firstValue)) firstValue = ''; // YAML block marker `description: |`
    if (firstValue !== '') valueLines.push({ line: l, text, from: m.valueStart });
    l++;
    // Continuation lines.
    let lastNonBlank = firstValue !== '' ? labelLine : -1;
    while (l < end) {
      const t = textAt(l);
      const q = src.inQuote(l);
      if (quoted && !q && !isBlank(t)) break; // the blockquote holding the field has ended
      if (!src.inCode(l)) {
        const next = readable(l) ? labelAt(src, l, m.key, t, q) : undefined;
        if (next && !nestedUnder(m, labelIndent, next, indentOf(t))) break;
        if (m.heading && q && HASH_LINE.test(t)) break; // another `## …` section of the quote
        if (THEMATIC_BREAK.test(t)) break;
        if (SINGLE_LINE.has(m.key) && (m.heading ? isBlank(t) && lastNonBlank >= 0 : isBlank(t) || indentOf(t) <= labelIndent)) break;
        if (ENDS_AT_UNKNOWN_LABEL.has(m.key) && indentOf(t) <= labelIndent && endsAtUnknownLabel(t)) break;
      }
      if (!isBlank(t)) {
        if (m.key === 'description' && !quotedFields && q && readHeadingLabel(t)?.key === 'outcome') res.outcomeInDescription = true;
        valueLines.push({ line: l, text: t, from: 0 });
        lastNonBlank = l;
      }
      l++;
    }
    const field: Draft<Field> = {
      key: m.key,
      label: m.label,
      labelRange: lineSpan(labelLine, m.labelStart, m.labelEnd),
      value: '',
      range: lineSpan(labelLine, m.indent, text.trimEnd().length),
    };
    if (valueLines.length && lastNonBlank >= 0) {
      const first = valueLines[0];
      const startCol = first.line === labelLine ? m.valueStart : indentOf(first.text) === 0 ? 0 : first.text.length - first.text.trimStart().length;
      const lastText = src.text(lastNonBlank);
      field.valueRange = span(first.line, startCol, lastNonBlank, lastText.trimEnd().length);
      field.value = valueLines
        .map((v, i) => {
          const t = (i === 0 && v.line === labelLine ? v.text.slice(m.valueStart) : v.text).trim();
          return t.length > 100000 ? t.slice(0, 100000) : t;
        })
        .join('\n')
        .trim();
      field.range = span(labelLine, m.indent, lastNonBlank, lastText.trimEnd().length);
      if (!m.heading && first.line !== labelLine && indentOf(first.text) <= labelIndent && !/^\s*[-*+]\s/.test(first.text)) {
        res.irregularities.push({
          code: 'value-in-paragraph',
          message: `The value of "${m.label}" is in a paragraph below the label, not on the label line or in sub-bullets.`,
          range: field.labelRange,
        });
      }
    }
    if (m.misspelled) {
      res.irregularities.push({ code: 'label-misspelled', message: `"${m.label}" looks like a misspelled field label.`, range: field.labelRange });
    }
    if (m.bulletWithoutSpace) {
      res.irregularities.push({
        code: 'bullet-without-space',
        message: `The bullet of "${m.label}" has no space after it, so markdown does not show it as a list item.`,
        range: lineSpan(labelLine, m.indent, m.labelEnd),
      });
    }
    if (!m.colon && !m.heading) {
      res.irregularities.push({ code: 'label-without-colon', message: `The label "${m.label}" has no colon.`, range: field.labelRange });
    }
    const prev = seen.get(m.key);
    if (prev && m.key !== 'other') {
      res.irregularities.push({
        code: 'duplicate-field',
        message: `"${m.label}" repeats a field already given above.`,
        range: field.labelRange,
        related: prev.labelRange,
      });
    } else seen.set(m.key, field);
    res.fields.push(field);
    // Mentors and upstream references.
    try {
      if (m.key === 'mentors') {
        for (const mentor of parseMentors(valueLines)) res.mentors.push(mentor);
      } else if (m.key === 'upstream') {
        for (const v of valueLines) {
          if (src.inCode(v.line)) continue;
          for (const r of refsOnLine(v.text, v.line, v.from)) res.upstream.push(r);
        }
      }
    } catch {
      // keep the field without its mentors/refs
    }
  }
  return res;
}
