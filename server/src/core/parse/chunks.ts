// The block scan chunk by chunk, with a cache shared by every document; and the choice, per chunk,
// between remark-parse (headings.ts blocksFromMdast) and the line scanner (blocksFromLines).
//
// CommonMark block parsing is in a fresh state at a root-level ATX heading, so the text between two
// such headings scans alone exactly as inside the whole document, provided the closing heading is
// still a root heading in the chunk's scan (checked; else the chunk grows). Link reference
// definitions are document-wide: a text with one is scanned whole. Versions and copies of one
// term's file share most of their chunks, so a scan is remembered by chunk text (bounded LRU):
// indexing a workspace scans each distinct chunk once.
//
// remark-parse is quadratic on some input (`remarkWouldStall`), notably in the number of lists in
// ONE parse. Each chunk is a parse of its own, so the check is made per chunk: a chunk remark would
// stall on is read by the line scanner, every other chunk by remark. The decision depends on the
// chunk's text only, so the chunking (which depends on the text only: `scanRun`) fixes the result,
// and core/incremental.ts re-scans the chunks around an edit with the same functions.
import { blocksFromLines, blocksFromMdast, type Blocks, type HeadingInfo } from './headings';
import { LineIndex } from './lines';

// ---- when remark would stall --------------------------------------------------------------------

function atLeast(text: string, pattern: RegExp, limit: number): boolean {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) if (++n >= limit) return true;
  return false;
}

/**
 * remark-parse (micromark) is quadratic on some input no real file has (measured: 25 K `*a` in one
 * paragraph 7 s, 50 K 25 s; `<!--` repeated, 10 s for 25 KB; 4,000 nested list items 3 s, 1,000 already 1 s, even with
 * headings between them; `- ` nested 10,000 times on one line 60 s). Such text goes to the line
 * scanner. Thresholds are > 2x the largest counts seen in real ideas files. Applied per chunk
 * (`scanChunk`), and to the whole text only when it is scanned whole (link reference definitions).
 */
export function remarkWouldStall(text: string): boolean {
  return atLeast(text, NESTED_ITEM, NESTED_ITEM_LIMIT) || remarkWouldStallLocally(text);
}

/** A nested list item line: remark stalls on many of them in one parse. */
export const NESTED_ITEM = /^[ \t>]{2,}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/gm;
export const NESTED_ITEM_LIMIT = 600;

/** The checks of `remarkWouldStall` other than the nested item count: each looks at one line or one blank-line-separated block only. */
export function remarkWouldStallLocally(text: string): boolean {
  if (
    /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+){8}/m.test(text) ||
    /^[ \t]{40,}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/m.test(text) ||
    /^(?:[ \t]*>){32}/m.test(text)
  ) {
    return true;
  }
  // Emphasis, brackets and `<` are matched per paragraph: count them per blank-line-separated block.
  for (const block of text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/)) {
    if (block.length < 1000) continue;
    let emphasis = 0;
    let brackets = 0;
    let angles = 0;
    for (let i = 0; i < block.length; i++) {
      const c = block.charCodeAt(i);
      if (c === 42 || c === 95) emphasis++;
      else if (c === 91 || c === 93) brackets++;
      else if (c === 60) angles++;
    }
    if (emphasis > 1500 || brackets > 1500 || angles > 500) return true;
  }
  return false;
}

// ---- one chunk, or the whole text ---------------------------------------------------------------

/** A text's blocks from one parse: the line scanner when remark would stall on it (or fails), else remark. */
export function blocksOfOne(idx: LineIndex): Blocks {
  if (remarkWouldStall(idx.text)) return blocksFromLines(idx);
  try {
    return blocksFromMdast(idx);
  } catch {
    return blocksFromLines(idx);
  }
}

/** A link reference definition (possibly inside a list item or blockquote). Labels spanning lines are not seen. */
export const DEFINITION = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\[[^\]\n]{0,999}\]:/m;

/** An unindented ATX heading line (a candidate chunk boundary). */
const ATX_LINE = /^#{1,6}(?:[ \t]|$)/;

/** Characters of chunk text the scan cache may hold (LRU beyond). */
const CHUNK_CACHE_CHARS = 4_000_000;
/** Chunks shorter than this are scanned, not cached (the lookup would cost as much). */
const CHUNK_CACHE_MIN = 64;

/** A string that does not share (and so does not keep alive) the memory of the text it came from. */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

class ChunkCache {
  private readonly map = new Map<string, Blocks>();
  private chars = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly limit: number) {}

  get(text: string): Blocks | undefined {
    const hit = this.map.get(text);
    if (hit) {
      // Most recently used last.
      this.map.delete(text);
      this.map.set(text, hit);
      this.hits++;
    } else this.misses++;
    return hit;
  }

  set(text: string, blocks: Blocks): void {
    if (text.length > this.limit / 4) return;
    const key = own(text);
    const kept: Blocks = {
      headings: blocks.headings.map((h) => ({ ...h, text: own(h.text), title: own(h.title) })),
      flags: blocks.flags,
      codes: blocks.codes.map((c) => ({ ...c, value: own(c.value) })),
    };
    if (blocks.definitions) kept.definitions = true;
    this.map.set(key, kept);
    this.chars += key.length;
    for (const [k] of this.map) {
      if (this.chars <= this.limit) break;
      this.map.delete(k);
      this.chars -= k.length;
    }
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}

const chunkCache = new ChunkCache(CHUNK_CACHE_CHARS);

/** Hit and miss counts of the shared chunk scan cache (for the benchmark and tests). */
export function chunkCacheStats(): { hits: number; misses: number } {
  return { hits: chunkCache.hits, misses: chunkCache.misses };
}

/** Empties the shared chunk scan cache. */
export function clearChunkCache(): void {
  chunkCache.clear();
  chunkCache.hits = 0;
  chunkCache.misses = 0;
}

/** A chunk's blocks, scanned (`blocksOfOne`) and remembered (local coordinates; callers splice copies, never mutate). */
function scanChunk(text: string): Blocks {
  const blocks = blocksOfOne(new LineIndex(text));
  if (text.length < CHUNK_CACHE_MIN) return blocks;
  chunkCache.set(text, blocks);
  return blocks;
}

export function shiftPos<T extends { line: number; character: number }>(p: T, d: number): { line: number; character: number } {
  return { line: p.line + d, character: p.character };
}

export function shiftHeading(h: HeadingInfo, d: number): HeadingInfo {
  return {
    ...h,
    range: { start: shiftPos(h.range.start, d), end: shiftPos(h.range.end, d) },
    textRange: { start: shiftPos(h.textRange.start, d), end: shiftPos(h.textRange.end, d) },
    line: h.line + d,
    endLine: h.endLine + d,
  };
}

// ---- chunk runs ---------------------------------------------------------------------------------

/** Where a run of chunks puts its blocks (document coordinates) and the first line of each chunk. */
export interface ChunkOut {
  headings: HeadingInfo[];
  /** One entry per line of the document. */
  flags: Uint8Array;
  codes: Blocks['codes'];
  starts: number[];
}

/**
 * Scans chunk by chunk from `start` (the first line of a chunk: 0, or a line where a previous run
 * started a chunk), appending to `out`; yields after every chunk scanned afresh. Chunks run from one
 * unindented ATX heading to the next; a closing line that is not a root heading in the chunk's scan
 * (a `#` line in a fence or HTML block) grows the chunk, by twice as many candidates each time, so a
 * fence left open costs at most about twice a whole scan. The chunk starting at a line depends only
 * on the text from that line on. Returns the line count at the end of the text, or the first chunk
 * start (after `start`) that `stop` accepts (not scanned); undefined when a chunk has link reference
 * definitions (the text must be scanned whole).
 */
export function* scanRun(idx: LineIndex, start: number, out: ChunkOut, stop?: (line: number) => boolean): Generator<void, number | undefined> {
  const n = idx.lineCount;
  const text = idx.text;
  const candidates: number[] = [];
  for (let l = start + 1; l < n; l++) if (text.charCodeAt(idx.starts[l]) === 35 && ATX_LINE.test(idx.line(l))) candidates.push(l);
  let ci = 0;
  let grow = 1;
  let pushed = -1;
  for (;;) {
    if (pushed !== start) {
      if (stop && pushed >= 0 && stop(start)) return start;
      out.starts.push(start);
      pushed = start;
    }
    const closing = ci < candidates.length ? candidates[ci] : undefined;
    const chunkText = closing === undefined ? text.slice(idx.starts[start]) : text.slice(idx.starts[start], idx.ends[closing]);
    const cached = chunkText.length >= CHUNK_CACHE_MIN ? chunkCache.get(chunkText) : undefined;
    const chunk = cached ?? scanChunk(chunkText);
    if (!cached) yield;
    if (chunk.definitions) return undefined;
    let keep = chunk.headings.length;
    let lines = n - start;
    if (closing !== undefined) {
      const lastLocal = closing - start;
      const lastH = chunk.headings[chunk.headings.length - 1];
      const ok =
        lastH !== undefined &&
        lastH.line === lastLocal &&
        lastH.endLine === lastLocal &&
        chunk.flags[lastLocal] === 0 &&
        !chunk.codes.some((c) => c.endLine >= lastLocal);
      if (!ok) {
        ci += grow;
        grow *= 2;
        if (ci >= candidates.length) ci = candidates.length;
        continue;
      }
      keep--;
      lines = lastLocal;
    }
    for (let i = 0; i < keep; i++) out.headings.push(shiftHeading(chunk.headings[i], start));
    out.flags.set(chunk.flags.subarray(0, lines), start);
    for (const c of chunk.codes) {
      out.codes.push({ line: c.line + start, endLine: c.endLine + start, value: c.value, range: { start: shiftPos(c.range.start, start), end: shiftPos(c.range.end, start) } });
    }
    if (closing === undefined) return n;
    start = closing;
    ci++;
    grow = 1;
  }
}

/** The blocks of a text and the first line of each chunk (absent when the text was scanned whole). */
export interface Chunked {
  blocks: Blocks;
  starts?: number[];
}

/** `scanChunked` as steps: yields after every chunk scanned afresh (for `parseFullAsync`). */
export function* scanSteps(idx: LineIndex): Generator<void, Chunked> {
  if (DEFINITION.test(idx.text)) return { blocks: blocksOfOne(idx) };
  const out: ChunkOut = { headings: [], flags: new Uint8Array(idx.lineCount), codes: [], starts: [] };
  const end = yield* scanRun(idx, 0, out);
  if (end === undefined) return { blocks: blocksOfOne(idx) };
  return { blocks: { headings: out.headings, flags: out.flags, codes: out.codes }, starts: out.starts };
}

/** `scanChunked` with the chunk starts. */
export function scanChunks(idx: LineIndex): Chunked {
  const steps = scanSteps(idx);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The parser's block scan (parse.ts blocksOf): chunk by chunk (cached), each chunk by remark unless
 * remark would stall on that chunk alone. Text with link reference definitions is scanned whole.
 * Where no chunk stalls, the same Blocks as `blocksFromMdast(idx)`.
 */
export function scanChunked(idx: LineIndex): Blocks {
  return scanChunks(idx).blocks;
}
