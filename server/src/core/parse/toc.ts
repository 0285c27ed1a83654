// Table of contents: `<!-- TOC -->` markers, a `Table of Contents` heading, or a bare list of
// anchor links.
import type { Toc, TocEntry } from '../model';
import type { HeadingInfo } from './headings';
import { type LineIndex } from './lines';
import { lineSpan, span } from '../span';

// Link text may hold escapes and one level of brackets (`[[UI] Panel rework](#ui-panel-rework)`):
// the alternatives start with distinct characters, so the match stays linear.
const ENTRY = /^([ \t]{0,24})(?:[-*+]|\d{1,3}[.)])[ \t]+\[((?:\\.|[^\][\\\n]|\[(?:\\.|[^\][\\\n]){0,200}\]){0,500})\]\(#([^)\s]{0,500})\)/;
const TOC_OPEN = /^\s*<!--\s*(?:TOC|toc)\b(?![ \t]*(?:stop|end))[^>]{0,100}-->\s*$/;
const TOC_CLOSE = /^\s*<!--\s*(?:\/\s*TOC|tocstop|end\s*toc|toc\s*end|toc\s*stop)\b[^>]{0,100}-->\s*$/i;

function width(indent: string): number {
  let n = 0;
  for (const c of indent) n += c === '\t' ? 4 - (n % 4) : 1;
  return n;
}

function entriesIn(idx: LineIndex, from: number, to: number, stopAtGap: boolean): { entries: TocEntry[]; first: number; last: number } {
  const raw: { text: string; anchor: string; indent: number; line: number; start: number; end: number }[] = [];
  let first = -1;
  let last = -1;
  let gap = 0;
  for (let l = from; l < to; l++) {
    const s = idx.line(l);
    const m = ENTRY.exec(s.length > 2000 ? s.slice(0, 2000) : s);
    if (m) {
      gap = 0;
      if (first < 0) first = l;
      last = l;
      raw.push({ text: m[2], anchor: m[3], indent: width(m[1]), line: l, start: m[1].length, end: m[0].length });
    } else if (stopAtGap && first >= 0) {
      if (s.trim() === '') {
        if (++gap > 1) break;
      } else break;
    }
  }
  const indents = [...new Set(raw.map((r) => r.indent))].sort((a, b) => a - b);
  const entries = raw.map((r) => ({
    text: r.text.replace(/\\([\\`*_{}\[\]()#+\-.!])/g, '$1'),
    anchor: r.anchor,
    depth: Math.max(0, indents.indexOf(r.indent)),
    range: lineSpan(r.line, r.start, r.end),
  }));
  return { entries, first, last };
}

export function readToc(idx: LineIndex, headings: HeadingInfo[], flags: Uint8Array): Toc | undefined {
  const n = idx.lineCount;
  const scanTo = Math.min(n, 3000);
  // 1. Markers.
  for (let l = 0; l < scanTo; l++) {
    if (flags[l] & 1) continue;
    const s = idx.line(l);
    if (s.length < 200 && TOC_OPEN.test(s)) {
      let close = l + 1;
      while (close < n && close - l < 5000 && !(idx.line(close).length < 200 && TOC_CLOSE.test(idx.line(close)))) close++;
      // Without its closing marker the TOC ends with its list, not at the end of the file.
      const closed = close < n && close - l < 5000;
      const { entries, last } = entriesIn(idx, l + 1, Math.min(close, n), !closed);
      const endLine = closed ? close : Math.max(l, last);
      return { range: span(l, 0, endLine, idx.lineLength(endLine)), form: 'markers', entries };
    }
  }
  // 2. A `Table of Contents` heading and the list after it.
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!/^(?:table of contents|contents|toc|index)$/i.test(h.title)) continue;
    const next = headings[i + 1];
    const to = next ? next.line : n;
    const { entries, first, last } = entriesIn(idx, h.endLine + 1, Math.min(to, h.endLine + 5000), true);
    if (entries.length) return { range: span(first, 0, last, idx.lineLength(last)), form: 'heading', entries };
  }
  // 3. A bare list of anchor links (at least two entries).
  for (let l = 0; l < scanTo; l++) {
    if (flags[l] & 3) continue;
    const s = idx.line(l);
    if (!ENTRY.test(s.length > 2000 ? s.slice(0, 2000) : s)) continue;
    const { entries, first, last } = entriesIn(idx, l, Math.min(n, l + 5000), true);
    if (entries.length >= 2) return { range: span(first, 0, last, idx.lineLength(last)), form: 'list', entries };
    l = Math.max(l, last);
  }
  return undefined;
}
