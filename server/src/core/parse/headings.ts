// Block structure from the mdast (remark-parse): headings (not those in blockquotes), code and
// blockquote lines. A line-based fallback does the same for huge files or if remark fails.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Nodes, Heading as MdHeading } from 'mdast';
import type { Span } from '../model';
import { LineIndex } from './lines';

export interface HeadingInfo {
  level: number;
  /** Plain text as rendered (used for the slug). */
  text: string;
  /** Plain text, trailing colon stripped. */
  title: string;
  slug: string;
  range: Span;
  textRange: Span;
  /** First and last line of the heading. */
  line: number;
  endLine: number;
}

export interface Blocks {
  headings: HeadingInfo[];
  /** Per line: 1 in code, 2 in blockquote. */
  flags: Uint8Array;
  /** Fenced code blocks: first and last line (inclusive), with their text. */
  codes: { line: number; endLine: number; value: string; range: Span }[];
}

export const FLAG_CODE = 1;
export const FLAG_QUOTE = 2;

const processor = unified().use(remarkParse);

function plainText(node: Nodes, out: string[], depth = 0): void {
  if (depth > 50) return;
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.push(node.value);
      return;
    case 'image':
      out.push(node.alt ?? '');
      return;
    case 'break':
      out.push(' ');
      return;
    case 'html':
      return;
    default:
      if ('children' in node) for (const c of node.children as Nodes[]) plainText(c, out, depth + 1);
  }
}

/** remark sees the same characters, with a BOM turned into a space so that offsets stay put. */
function forRemark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

export function blocksFromMdast(idx: LineIndex): Blocks {
  const tree = processor.parse(forRemark(idx.text)) as Root;
  const flags = new Uint8Array(idx.lineCount);
  const headings: HeadingInfo[] = [];
  const codes: Blocks['codes'] = [];
  const mark = (node: Nodes, flag: number) => {
    const p = node.position;
    if (!p) return;
    const a = idx.pos(p.start.offset ?? 0).line;
    const b = idx.pos(p.end.offset ?? 0).line;
    for (let l = a; l <= b && l < flags.length; l++) flags[l] |= flag;
  };
  const walk = (node: Nodes, inQuote: boolean, depth: number) => {
    if (depth > 200) return;
    if (node.type === 'heading') {
      if (!inQuote) headings.push(headingInfo(idx, node));
      return;
    }
    if (node.type === 'code') {
      mark(node, FLAG_CODE);
      const p = node.position;
      if (p && !inQuote) {
        const range = idx.span(p.start.offset ?? 0, p.end.offset ?? 0);
        codes.push({ line: range.start.line, endLine: range.end.line, value: node.value, range });
      }
      return;
    }
    if (node.type === 'blockquote') {
      mark(node, FLAG_QUOTE);
      inQuote = true;
    }
    if ('children' in node && (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem')) {
      for (const c of node.children as Nodes[]) walk(c, inQuote, depth + 1);
    }
  };
  walk(tree, false, 0);
  return { headings, flags, codes };
}

function headingInfo(idx: LineIndex, node: MdHeading): HeadingInfo {
  const p = node.position!;
  const range = idx.span(p.start.offset ?? 0, p.end.offset ?? 0);
  const parts: string[] = [];
  plainText(node, parts);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  let textRange: Span;
  const first = node.children[0]?.position;
  const last = node.children[node.children.length - 1]?.position;
  if (first && last) textRange = idx.span(first.start.offset ?? 0, last.end.offset ?? 0);
  else textRange = { start: range.end, end: range.end };
  // Setext: the text is on the first line only when single-line; keep as computed.
  return { level: node.depth, text, title: cleanTitle(text), slug: '', range, textRange, line: range.start.line, endLine: range.end.line };
}

function cleanTitle(text: string): string {
  return text.replace(/[\s:：]+$/u, '').trim();
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Line-based fallback: ATX headings outside fences and blockquotes, fenced code. Linear. */
export function blocksFromLines(idx: LineIndex): Blocks {
  const n = idx.lineCount;
  const flags = new Uint8Array(n);
  const headings: HeadingInfo[] = [];
  const codes: Blocks['codes'] = [];
  let fence: string | undefined;
  let fenceStart = 0;
  let fenceText: string[] = [];
  for (let l = 0; l < n; l++) {
    const raw = idx.line(l);
    const s = raw.length > 1000 ? raw.slice(0, 1000) : raw;
    if (fence !== undefined) {
      flags[l] |= FLAG_CODE;
      const f = FENCE.exec(s);
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && s.trim() === f[1]) {
        fence = undefined;
        codes.push({ line: fenceStart, endLine: l, value: fenceText.join('\n'), range: { start: { line: fenceStart, character: 0 }, end: { line: l, character: raw.length } } });
      } else fenceText.push(raw);
      continue;
    }
    const f = FENCE.exec(s);
    if (f) {
      fence = f[1];
      fenceStart = l;
      fenceText = [];
      flags[l] |= FLAG_CODE;
      continue;
    }
    if (/^ {0,3}>/.test(s)) {
      flags[l] |= FLAG_QUOTE;
      continue;
    }
    const h = ATX.exec(s);
    if (h) {
      let start = h[0].length;
      let end = raw.length;
      const closing = /[ \t]+#+[ \t]*$|[ \t]+$/.exec(raw.slice(start));
      if (closing) end = start + closing.index;
      if (end < start) end = start;
      const text = raw.slice(start, end).replace(/\*\*|__|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
      headings.push({
        level: h[1].length,
        text,
        title: cleanTitle(text),
        slug: '',
        range: { start: { line: l, character: 0 }, end: { line: l, character: raw.length } },
        textRange: { start: { line: l, character: start }, end: { line: l, character: end } },
        line: l,
        endLine: l,
      });
    }
  }
  if (fence !== undefined) {
    const last = n - 1;
    codes.push({ line: fenceStart, endLine: last, value: fenceText.join('\n'), range: { start: { line: fenceStart, character: 0 }, end: { line: last, character: idx.lineLength(last) } } });
  }
  return { headings, flags, codes };
}
