// Block structure from the mdast (remark-parse): headings (not those in blockquotes), code and
// blockquote lines. A line-based fallback does the same for huge files or if remark fails.
//
// Only block structure is needed, so the scan runs remark-parse with micromark's inline constructs
// switched off (`blockProcessor`; about 40% of the full parse's time goes to inline tokenizing).
// CommonMark decides block structure before inlines, so headings, code and quotes come out the
// same. A heading's plain text does depend on inlines: a heading whose text holds inline syntax
// (`[`, backtick, `*`, `_`, `<`, `&`, `\\`; 1-2% of real headings) gets it from a full parse of
// its own lines (or of the whole text when the document has link reference definitions, which
// headings may use), so titles, slugs and ranges are exactly the full parse's.
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
  /** Set when the text has link reference definitions (headings elsewhere may use them). */
  definitions?: boolean;
}

export const FLAG_CODE = 1;
export const FLAG_QUOTE = 2;

/** The full parse (inlines included): for headings whose text has inline syntax. */
const processor = unified().use(remarkParse);

/** micromark's text (inline) constructs, all switched off for the block scan. */
const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'hardBreakTrailing',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
];

/** Block structure only: every inline construct disabled (text stays one `text` node per run). */
const blockProcessor = unified()
  .use(remarkParse)
  .data('micromarkExtensions', [{ disable: { null: INLINE_CONSTRUCTS } }]);

/** Characters that may start an inline construct: such a heading's text needs the full parse. */
const INLINE_SYNTAX = /[[`*_<&\\]/;

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
  const source = forRemark(idx.text);
  const tree = blockProcessor.parse(source) as Root;
  const flags = new Uint8Array(idx.lineCount);
  const headings: HeadingInfo[] = [];
  const codes: Blocks['codes'] = [];
  /** Headings whose text needs the full (inline) parse, with their index in `headings`. */
  const inline: { at: number; node: MdHeading }[] = [];
  let definitions = false;
  const mark = (node: Nodes, flag: number) => {
    const p = node.position;
    if (!p) return;
    const a = idx.pos(p.start.offset ?? 0).line;
    const b = idx.pos(p.end.offset ?? 0).line;
    for (let l = a; l <= b && l < flags.length; l++) flags[l] |= flag;
  };
  const walk = (node: Nodes, inQuote: boolean, depth: number) => {
    if (depth > 200) return;
    if (node.type === 'definition') {
      definitions = true;
      return;
    }
    if (node.type === 'heading') {
      if (!inQuote) {
        const info = headingInfo(idx, node);
        if (INLINE_SYNTAX.test(idx.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0))) inline.push({ at: headings.length, node });
        headings.push(info);
      }
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
  if (inline.length) inlineTexts(idx, source, inline, headings, definitions);
  return definitions ? { headings, flags, codes, definitions } : { headings, flags, codes };
}

/** Start and end offsets of a node's children (the heading's text), or undefined when it has none. */
function childSpan(node: MdHeading, base: number): [number, number] | undefined {
  const first = node.children[0]?.position;
  const last = node.children[node.children.length - 1]?.position;
  return first && last ? [(first.start.offset ?? 0) + base, (last.end.offset ?? 0) + base] : undefined;
}

function sameHeading(a: MdHeading, b: MdHeading, base: number): boolean {
  const sa = childSpan(a, 0);
  const sb = childSpan(b, base);
  return (
    a.depth === b.depth &&
    a.position?.start.offset === (b.position?.start.offset ?? NaN) + base &&
    a.position?.end.offset === (b.position?.end.offset ?? NaN) + base &&
    sa?.[0] === sb?.[0] &&
    sa?.[1] === sb?.[1]
  );
}

/** First heading node under root, lists and list items (document order). */
function firstHeading(node: Nodes, depth = 0): MdHeading | undefined {
  if (node.type === 'heading') return node;
  if (depth > 50 || !('children' in node) || !(node.type === 'root' || node.type === 'list' || node.type === 'listItem')) return undefined;
  for (const c of node.children as Nodes[]) {
    const h = firstHeading(c, depth + 1);
    if (h) return h;
  }
  return undefined;
}

/**
 * Sets the text (and title) of headings with inline syntax from a full parse: of the heading's own
 * lines (inline content depends only on the heading's text and the document's link reference
 * definitions), checked to give the same heading; else, or when the document has definitions, of
 * the whole text (once).
 */
function inlineTexts(idx: LineIndex, source: string, inline: { at: number; node: MdHeading }[], headings: HeadingInfo[], definitions: boolean): void {
  let whole: Map<number, MdHeading> | undefined;
  const wholeParse = (): Map<number, MdHeading> => {
    if (whole) return whole;
    whole = new Map();
    const visit = (node: Nodes, depth: number) => {
      if (depth > 200) return;
      if (node.type === 'heading') {
        whole!.set(node.position?.start.offset ?? -1, node);
        return;
      }
      if ('children' in node && (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem')) {
        for (const c of node.children as Nodes[]) visit(c, depth + 1);
      }
    };
    visit(processor.parse(source) as Root, 0);
    return whole;
  };
  for (const { at, node } of inline) {
    const info = headings[at];
    let full: MdHeading | undefined;
    if (!definitions) {
      const from = idx.starts[info.line];
      const to = idx.ends[info.endLine];
      const own = firstHeading(processor.parse(source.slice(from, to)) as Root);
      if (own && sameHeading(node, own, from)) full = own;
    }
    if (!full) {
      const h = wholeParse().get(node.position?.start.offset ?? -1);
      if (h && sameHeading(node, h, 0)) full = h;
    }
    if (!full) continue; // cannot happen: the block scan and the full parse agree on headings
    const text = headingText(full);
    info.text = text;
    info.title = cleanTitle(text);
  }
}

function headingText(node: MdHeading): string {
  const parts: string[] = [];
  plainText(node, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function headingInfo(idx: LineIndex, node: MdHeading): HeadingInfo {
  const p = node.position!;
  const range = idx.span(p.start.offset ?? 0, p.end.offset ?? 0);
  const text = headingText(node);
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
    // A BOM reads as a space, as it does for remark (forRemark), so offsets stay put.
    const raw = l === 0 ? forRemark(idx.line(0)) : idx.line(l);
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
