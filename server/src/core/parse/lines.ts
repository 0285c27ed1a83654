// Line table: offset <-> position in UTF-16 units, line texts without their line endings.
// Line breaks are \r\n, \n and a lone \r, as in LSP.
import type { Pos, Span } from '../model';

export class LineIndex {
  readonly text: string;
  /** Offset of the first character of each line. */
  readonly starts: number[];
  /** Offset just past each line's content (before its line ending). */
  readonly ends: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    const ends: number[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        ends.push(i);
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(n);
    this.starts = starts;
    this.ends = ends;
  }

  /** Every line's text, made once per index (core/incremental.ts carries it over edits). */
  protected texts?: string[];

  get lineCount(): number {
    return this.starts.length;
  }

  lines(): readonly string[] {
    if (!this.texts) {
      const texts = new Array<string>(this.starts.length);
      for (let i = 0; i < texts.length; i++) texts[i] = this.text.slice(this.starts[i], this.ends[i]);
      this.texts = texts;
    }
    return this.texts;
  }

  line(i: number): string {
    if (i < 0 || i >= this.starts.length) return '';
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  lineLength(i: number): number {
    if (i < 0 || i >= this.starts.length) return 0;
    return this.ends[i] - this.starts[i];
  }

  /** Position of an offset (clamped into the document; never inside a CRLF pair). */
  pos(offset: number): Pos {
    const starts = this.starts;
    if (!(offset > 0)) return { line: 0, character: 0 };
    if (offset > this.text.length) offset = this.text.length;
    const lo = lastAtOrBefore(starts, offset);
    const ch = Math.min(offset, this.ends[lo]) - starts[lo];
    return { line: lo, character: ch };
  }

  offset(p: Pos): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    return this.starts[p.line] + Math.min(Math.max(0, p.character), this.ends[p.line] - this.starts[p.line]);
  }

  span(startOffset: number, endOffset: number): Span {
    const a = this.pos(startOffset);
    const b = this.pos(Math.max(startOffset, endOffset));
    return { start: a, end: b };
  }
}

/** Lines seen by the section builder: absolute line numbers, whole document or a slice of it. */
export interface LineSource {
  /** First line (absolute) held. */
  first: number;
  /** One past the last line held. */
  end: number;
  text(line: number): string;
  /** True for lines inside fenced/indented code. */
  inCode(line: number): boolean;
  /** True for lines inside a blockquote. */
  inQuote(line: number): boolean;
}

/** Index of the last entry of a sorted table that is <= `value` (0 when none): binary search. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  return Math.max(0, lastIndexAtOrBefore(sorted, value, (x) => x));
}

/** Index of the last item whose key is <= `value` (-1 when none), items sorted by key: binary search. */
export function lastIndexAtOrBefore<T>(items: ArrayLike<T>, value: number, key: (item: T) => number): number {
  if (!items.length || key(items[0]) > value) return -1;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid]) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
