// Positions and spans of the model (model.ts): zero-based line and UTF-16 character, half-open.
import type { Pos, Span } from './model';

export function span(line: number, character: number, endLine: number, endCharacter: number): Span {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

/** A span inside one line, from `from` to `to` (never before `from`). */
export function lineSpan(line: number, from: number, to: number): Span {
  return span(line, from, line, Math.max(from, to));
}

export function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `inner` lies within `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return comparePos(outer.start, inner.start) <= 0 && comparePos(inner.end, outer.end) <= 0;
}

/** Whether `pos` lies within `span`, its end included (a cursor right after the text is on it). */
export function spanContains(span: Span | undefined, pos: Pos): boolean {
  return !!span && comparePos(span.start, pos) <= 0 && comparePos(pos, span.end) <= 0;
}

/** A span as text, for signatures. */
export function spanKey(s: Span | undefined): string {
  return s ? `${s.start.line}:${s.start.character}-${s.end.line}:${s.end.character}` : '';
}
