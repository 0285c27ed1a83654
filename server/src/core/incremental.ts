// Incremental model: an edit re-scans only the lines it touches and the model is rebuilt from the
// spliced block structure, reusing every project section the edit did not reach. LSP-free.
//
// How the full parse works (core/parse.ts): text > blocks (remark-parse: headings, code and quote
// lines, fenced code) > classify / infer levels / structure > fill each project (fields, mentors,
// upstream) > TOC, kind, sorted irregularities. The remark step costs ~1-2 µs per character
// (150-300 ms for a 170 KB term file); filling every project another 10-40 ms; the rest < 1 ms.
//
// An edit here:
//  1. Updates the text and the line table (offset based, so CRLF and lone CR behave as in
//     TextDocument and LineIndex).
//  2. Re-scans with remark only the chunk between the nearest unindented ATX headings around the
//     edit (normally one proposal). CommonMark block parsing is in a fresh state after a root-level
//     ATX heading, so the chunk parses alone exactly as inside the whole document, provided the
//     heading that closes the chunk is still a root heading in the re-scan (checked; else the chunk
//     grows to the next heading). Link reference definitions are document-wide: when they could
//     matter (a definition in the chunk, or a bracketed heading in the chunk and a definition
//     anywhere) the update falls back to a full parse.
//  3. Splices the chunk's headings, code/quote flags and code blocks into the previous blocks,
//     shifting the later ones by the line delta.
//  4. Runs the parser's cheap whole-file steps again (`modelFromBlocks`): template, levels,
//     structure, headings with slugs (GitHub's `-1` suffixes depend on the whole file), TOC,
//     kind, duplicates and irregularities are recomputed from blocks, never patched. Filling a
//     project is skipped when its lines lie outside every re-scanned chunk and its structure
//     (proposal and sub-project boundaries, relative to its heading) is unchanged: the previous
//     Project and its irregularities are reused, shifted by the line delta.
// The result is deep-equal to `parseIdeas(newText)`; test/unit/incremental.test.ts checks this
// with random edits, and `npm run incremental-check -- DIR` on real files.
import type { IdeasModel, Irregularity, Project } from './model';
import { modelFromBlocks, NESTED_ITEM, NESTED_ITEM_LIMIT, parseIdeas, remarkWouldStall, remarkWouldStallLocally, type ParseOptions } from './parse';
import { blocksFromLines, blocksFromMdast, type Blocks, type HeadingInfo } from './parse/headings';
import { LineIndex, type LineSource } from './parse/lines';
import { fillProject, type ProjectBuild } from './parse/section';

/** One content change in offsets of the text before it: replace [start, end) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A project's fill, remembered so an edit elsewhere can reuse it. */
interface FillEntry {
  /** Structure of the build relative to its heading line (see `buildSignature`). */
  signature: string;
  /** Heading line and end line (exclusive) of the build. */
  line: number;
  endLine: number;
  project: Project;
  irregularities: Irregularity[];
  /** False when a message quotes a line number (it would change with a shift). */
  shiftable: boolean;
}

/** Everything kept between versions of one document. */
export interface IncrementalState {
  readonly text: string;
  readonly options: ParseOptions;
  readonly model: IdeasModel;
  /** Line table of `text` (absent when the state cannot be updated incrementally). */
  readonly idx?: LineIndex;
  readonly blocks?: Blocks;
  /** Fills by heading line. */
  readonly fills?: Map<number, FillEntry>;
  /** Nested list item lines in `text` (parse.ts NESTED_ITEM), kept up to date by edits. */
  readonly nestedItems?: number;
  /** Blocks from the parser's line scanner (remark would stall on this text; see `applyLineEdit`). */
  readonly lines?: boolean;
}

export interface UpdateStats {
  /** `incremental` when chunks were re-scanned, `full` when the whole text was parsed. */
  mode: 'incremental' | 'full';
  /** Why a full parse was needed. */
  reason?: string;
  /** Characters handed to remark. */
  scanned: number;
  /** Projects filled again / reused. */
  filled: number;
  reused: number;
}

export interface UpdateOptions {
  /** Called between edits of a batch; when it returns true the update stops and throws `Cancelled`. */
  isCancelled?: () => boolean;
  /** Receives what the update did (for tests and the benchmark). */
  stats?: (stats: UpdateStats) => void;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Files above this size are always parsed whole (the parser switches to its line scanner far above). */
const INCREMENTAL_LIMIT = 1_000_000;
/** More edits than this in one batch: parse whole. */
const MAX_BATCH = 64;
/** A chunk grown past this share of the document: parse whole. */
const MAX_CHUNK_SHARE = 0.5;

// ---- full parse ------------------------------------------------------------------------------

/** Parses the whole text and keeps what later edits need. Same model as `parseIdeas`. */
export function parseFull(text: string, options: ParseOptions = {}): IncrementalState {
  // Huge text has no incremental state.
  if (typeof text !== 'string' || text.length > INCREMENTAL_LIMIT) return { text, options, model: parseIdeas(text, options) };
  if (remarkWouldStall(text)) {
    // The parser reads this text with its line scanner (parse.ts blocksOf): so does this state.
    try {
      const idx = new LineIndex(text);
      return { ...build(text, options, idx, blocksFromLines(idx), undefined), nestedItems: countNested(text), lines: true };
    } catch {
      return { text, options, model: parseIdeas(text, options) };
    }
  }
  try {
    const idx = new LineIndex(text);
    const blocks = scanChunked(idx);
    return { ...build(text, options, idx, blocks, undefined), nestedItems: countNested(text) };
  } catch {
    // Whatever failed, parseIdeas has its own fallbacks (line scanner, empty model).
    return { text, options, model: parseIdeas(text, options) };
  }
}

// ---- the full scan by chunks, with a cache shared by every document ---------------------------
//
// The same chunk argument as for edits (below): CommonMark block parsing is in a fresh state at a
// root-level ATX heading, so the text between two such headings scans alone exactly as inside the
// whole document, provided the closing heading is still a root heading in the chunk's scan
// (checked; else the chunk grows). Link reference definitions are document-wide: a text with one
// is scanned whole. Versions and copies of one term's file share most of their chunks, so a scan
// is remembered by chunk text (bounded LRU): indexing a workspace scans each distinct chunk once.

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

/** A chunk's blocks, scanned and remembered (local coordinates; callers splice copies, never mutate). */
function scanChunk(text: string): Blocks {
  const blocks = blocksFromMdast(new LineIndex(text));
  if (text.length < CHUNK_CACHE_MIN) return blocks;
  chunkCache.set(text, blocks);
  return blocks;
}

/**
 * The same Blocks as `blocksFromMdast(idx)`, scanned chunk by chunk (cached). Chunks run from one
 * unindented ATX heading to the next; a closing line that is not a root heading in the chunk's scan
 * (a `#` line in a fence or HTML block) grows the chunk, by twice as many candidates each time, so
 * a fence left open costs at most about twice a whole scan.
 */
export function scanChunked(idx: LineIndex): Blocks {
  const steps = scanSteps(idx);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `scanChunked` as steps: yields after every chunk scanned afresh (for `parseFullAsync`). */
function* scanSteps(idx: LineIndex): Generator<void, Blocks> {
  const n = idx.lineCount;
  const text = idx.text;
  if (DEFINITION.test(text)) return blocksFromMdast(idx);
  const candidates: number[] = [];
  for (let l = 1; l < n; l++) if (text.charCodeAt(idx.starts[l]) === 35 && ATX_LINE.test(idx.line(l))) candidates.push(l);
  const headings: HeadingInfo[] = [];
  const flags = new Uint8Array(n);
  const codes: Blocks['codes'] = [];
  let start = 0;
  let ci = 0;
  let grow = 1;
  for (;;) {
    const closing = ci < candidates.length ? candidates[ci] : undefined;
    const chunkText = closing === undefined ? text.slice(idx.starts[start]) : text.slice(idx.starts[start], idx.ends[closing]);
    const cached = chunkText.length >= CHUNK_CACHE_MIN ? chunkCache.get(chunkText) : undefined;
    const chunk = cached ?? scanChunk(chunkText);
    if (!cached) yield;
    if (chunk.definitions) return blocksFromMdast(idx);
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
    for (let i = 0; i < keep; i++) headings.push(shiftHeading(chunk.headings[i], start));
    flags.set(chunk.flags.subarray(0, lines), start);
    for (const c of chunk.codes) {
      codes.push({ line: c.line + start, endLine: c.endLine + start, value: c.value, range: { start: shiftPos(c.range.start, start), end: shiftPos(c.range.end, start) } });
    }
    if (closing === undefined) break;
    start = closing;
    ci++;
    grow = 1;
  }
  return { headings, flags, codes };
}

/**
 * `parseFull` for background work (workspace indexing): the same state, but the scan gives the
 * event loop back every `sliceMs` of work, so requests are answered while a big file is read.
 */
export async function parseFullAsync(text: string, options: ParseOptions = {}, sliceMs = 8): Promise<IncrementalState> {
  if (typeof text !== 'string' || text.length > INCREMENTAL_LIMIT || remarkWouldStall(text)) return parseFull(text, options);
  let blocks: Blocks;
  let idx: LineIndex;
  try {
    idx = new LineIndex(text);
    const steps = scanSteps(idx);
    let since = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        blocks = r.value;
        break;
      }
      if (performance.now() - since >= sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        since = performance.now();
      }
    }
  } catch {
    return parseFull(text, options);
  }
  try {
    return { ...build(text, options, idx, blocks, undefined), nestedItems: countNested(text) };
  } catch {
    return { text, options, model: parseIdeas(text, options) };
  }
}

// ---- updates ---------------------------------------------------------------------------------

/** Applies edits (each in offsets of the text after the previous one) and returns the new state. */
export function applyEdits(state: IncrementalState, edits: readonly TextEdit[], opts: UpdateOptions = {}): IncrementalState {
  if (!edits.length) return state;
  let text = state.text;
  const fullReparse = (reason: string, finalText: string): IncrementalState => {
    const next = parseFull(finalText, state.options);
    opts.stats?.({ mode: 'full', reason, scanned: finalText.length, filled: next.model.projects.length, reused: 0 });
    return next;
  };
  if (!state.idx || !state.blocks || !state.fills || state.nestedItems === undefined || edits.length > MAX_BATCH) {
    for (const e of edits) text = splice(text, e);
    return fullReparse(!state.idx ? 'no incremental state' : 'large batch', text);
  }
  if (state.lines) {
    if (edits.length === 1) {
      const next = applyLineEdit(state, normalise(edits[0], text.length));
      if (next) {
        opts.stats?.({ mode: 'incremental', scanned: 0, filled: next.filled, reused: next.reused });
        return next;
      }
    }
    for (const e of edits) text = splice(text, e);
    return fullReparse('text the parser reads without remark', text);
  }
  // The full parse skips remark for pathological text (parse.ts remarkWouldStall): so must chunks.
  // The previous text passed that check, so only the blocks around each edit are checked again,
  // and the one document-wide count (nested list items) is updated from the same windows.
  let nestedItems = state.nestedItems;
  let idx = state.idx;
  let blocks = state.blocks;
  // Dirty lines [dirtyStart, dirtyEnd) in current coordinates; `shift` maps an old line after
  // the dirty range to the current one. Lines before dirtyStart keep their number.
  let dirtyStart = Number.MAX_SAFE_INTEGER;
  let dirtyEnd = -1;
  let shift = 0;
  let scanned = 0;
  for (let i = 0; i < edits.length; i++) {
    if (i > 0 && opts.isCancelled?.()) throw new Cancelled();
    const edit = normalise(edits[i], text.length);
    const step = applyOne(idx, blocks, edit);
    const stall = typeof step === 'string' ? undefined : stallAround(idx, step.idx, edit);
    if (typeof step === 'string' || stall === undefined) {
      for (let j = i; j < edits.length; j++) text = splice(text, edits[j]);
      return fullReparse(typeof step === 'string' ? step : 'text the parser reads without remark', text);
    }
    nestedItems += stall;
    text = step.idx.text;
    // Fold this step's chunk into the dirty range (old coordinates of this step -> new).
    if (dirtyEnd >= 0) {
      const ds = dirtyStart < step.oldChunkStart ? dirtyStart : Math.min(dirtyStart, step.chunkStart);
      const de = dirtyEnd <= step.oldChunkStart ? dirtyEnd : dirtyEnd >= step.oldChunkEnd ? dirtyEnd + step.delta : step.chunkEnd;
      dirtyStart = Math.min(ds, step.chunkStart);
      dirtyEnd = Math.max(de, step.chunkEnd);
    } else {
      dirtyStart = step.chunkStart;
      dirtyEnd = step.chunkEnd;
    }
    shift += step.delta;
    scanned += step.scanned;
    idx = step.idx;
    blocks = step.blocks;
  }
  if (nestedItems >= NESTED_ITEM_LIMIT) return fullReparse('text the parser reads without remark', text);
  try {
    const next = { ...build(text, state.options, idx, blocks, { fills: state.fills, dirtyStart, dirtyEnd, shift }), nestedItems };
    opts.stats?.({ mode: 'incremental', scanned, filled: next.filled, reused: next.reused });
    return next;
  } catch {
    return fullReparse('model build failed', text);
  }
}

/**
 * One edit to a text the parser reads with its line scanner because of its many nested list items
 * (as the invented 170 KB benchmark file, 2,400 lines): the scanner is linear and cheap, so the
 * whole text is scanned again, and the projects outside the edited lines are reused as after a
 * chunk re-scan (the line scanner's state at an unchanged project heading is the same, so are the
 * project's flags). Undefined when the text may no longer stall (then a full parse decides).
 */
function applyLineEdit(state: IncrementalState, edit: TextEdit): (IncrementalState & { filled: number; reused: number }) | undefined {
  const idx = state.idx!;
  const next = updateLines(idx, edit.start, edit.end, edit.text);
  if (next.text.length > INCREMENTAL_LIMIT || state.nestedItems === undefined) return undefined;
  // The window count (stallAround) without its local verdict: the count alone keeps the text stalling.
  const counted = nestedDelta(idx, next, edit);
  const nestedItems = state.nestedItems + counted;
  if (nestedItems < NESTED_ITEM_LIMIT) return undefined;
  const delta = next.starts.length - idx.starts.length;
  const dirtyStart = Math.max(0, lineOf(idx.starts, edit.start) - 1);
  const dirtyEnd = Math.min(next.starts.length, lineOf(next.starts, edit.start + edit.text.length) + 2);
  try {
    const built = build(next.text, state.options, next, blocksFromLines(next), { fills: state.fills!, dirtyStart, dirtyEnd, shift: delta });
    return { ...built, nestedItems, lines: true };
  } catch {
    return undefined;
  }
}

/** The change in nested list item lines made by one edit (counted over the lines around it). */
function nestedDelta(idx: LineIndex, next: LineIndex, edit: TextEdit): number {
  const last = next.starts.length - 1;
  const a = Math.max(0, lineOf(next.starts, edit.start) - 2);
  const b = Math.min(last, lineOf(next.starts, edit.start + edit.text.length) + 2);
  const oldEnd = next.ends[b] - (edit.text.length - (edit.end - edit.start));
  return countNested(next.text.slice(next.starts[a], next.ends[b])) - countNested(idx.text.slice(idx.starts[a], oldEnd));
}

function countNested(text: string): number {
  NESTED_ITEM.lastIndex = 0;
  let n = 0;
  while (NESTED_ITEM.exec(text)) n++;
  return n;
}

function isBlankLine(idx: LineIndex, line: number): boolean {
  const t = idx.text;
  for (let i = idx.starts[line]; i < idx.ends[line]; i++) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * After one edit (old text `idx`, new text `next`): undefined when the blocks around the edit make
 * remark stall (parse.ts remarkWouldStallLocally: line- and block-local checks), else the change in
 * the number of nested list item lines. The window runs from a blank line (or the start) above the
 * edit to one below it (or the end), with two lines of margin for line endings joined or split.
 */
function stallAround(idx: LineIndex, next: LineIndex, edit: TextEdit): number | undefined {
  const last = next.starts.length - 1;
  let a = Math.max(0, lineOf(next.starts, edit.start) - 2);
  while (a > 0 && !isBlankLine(next, a)) a--;
  let b = Math.min(last, lineOf(next.starts, edit.start + edit.text.length) + 2);
  while (b < last && !isBlankLine(next, b)) b++;
  const window = next.text.slice(next.starts[a], next.ends[b]);
  if (remarkWouldStallLocally(window)) return undefined;
  // The same stretch of the old text: same start (before the edit), same end (after it).
  const oldEnd = next.ends[b] - (edit.text.length - (edit.end - edit.start));
  return countNested(window) - countNested(idx.text.slice(idx.starts[a], oldEnd));
}

function splice(text: string, e: TextEdit): string {
  const n = normalise(e, text.length);
  return text.slice(0, n.start) + n.text + text.slice(n.end);
}

function normalise(e: TextEdit, length: number): TextEdit {
  let start = Math.max(0, Math.min(length, e.start | 0));
  let end = Math.max(0, Math.min(length, e.end | 0));
  if (end < start) [start, end] = [end, start];
  return { start, end, text: typeof e.text === 'string' ? e.text : '' };
}

interface Step {
  idx: LineIndex;
  blocks: Blocks;
  /** Re-scanned lines [chunkStart, chunkEnd) in the new text; the same chunk in the old text. */
  chunkStart: number;
  chunkEnd: number;
  oldChunkStart: number;
  oldChunkEnd: number;
  delta: number;
  scanned: number;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A LineIndex over `text` with the given tables (no rescan). */
function lineIndexOf(text: string, starts: number[], ends: number[]): LineIndex {
  const idx = Object.create(LineIndex.prototype) as { text: string; starts: number[]; ends: number[] };
  idx.text = text;
  idx.starts = starts;
  idx.ends = ends;
  return idx as unknown as LineIndex;
}

/** New line table after replacing [start, end) of `idx.text` with `insert`. */
function updateLines(idx: LineIndex, start: number, end: number, insert: string): LineIndex {
  const text = idx.text.slice(0, start) + insert + idx.text.slice(end);
  const starts = idx.starts;
  const ends = idx.ends;
  const last = starts.length - 1;
  const delta = insert.length - (end - start);
  // Re-read lines [la, lb] of the old text (one line of margin either side, for CR/LF pairs
  // formed or split at the edges).
  const la = Math.max(0, lineOf(starts, start) - 1);
  const lb = Math.min(last, lineOf(starts, end) + 1);
  const from = starts[la];
  const to = lb < last ? starts[lb + 1] + delta : text.length;
  const newStarts = starts.slice(0, la + 1);
  const newEnds = ends.slice(0, la);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      newEnds.push(i);
      if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 < to || lb === last) newStarts.push(i + 1);
    }
  }
  if (lb < last) {
    for (let l = lb + 1; l <= last; l++) {
      newStarts.push(starts[l] + delta);
      newEnds.push(ends[l] + delta);
    }
  } else newEnds.push(text.length);
  return lineIndexOf(text, newStarts, newEnds);
}

/** Line `line` is an unindented single-line ATX heading: a safe chunk boundary. */
function isBoundary(idx: LineIndex, h: HeadingInfo): boolean {
  return h.line === h.endLine && idx.text.charCodeAt(idx.starts[h.line]) === 35 /* # */;
}

/** A link reference definition (possibly inside a list item or blockquote). Labels spanning lines are not seen. */
const DEFINITION = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\[[^\]\n]{0,999}\]:/m;

function shiftPos<T extends { line: number; character: number }>(p: T, d: number): { line: number; character: number } {
  return { line: p.line + d, character: p.character };
}

function shiftHeading(h: HeadingInfo, d: number): HeadingInfo {
  return {
    ...h,
    range: { start: shiftPos(h.range.start, d), end: shiftPos(h.range.end, d) },
    textRange: { start: shiftPos(h.textRange.start, d), end: shiftPos(h.textRange.end, d) },
    line: h.line + d,
    endLine: h.endLine + d,
  };
}

/** What a line looks like before its content: indentation and list markers. */
const LINE_PREFIX = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*/;

/**
 * True when an edit inside one line's text cannot change the block structure (so headings, code
 * and quote lines stay as they are): the line is not in code, a quote or a heading; the edit
 * leaves its indentation, list markers and first letter alone (nothing after a letter can turn a
 * line into a heading, fence, break, list item or HTML block); and neither version has a `>` (which
 * could end an HTML block the line sits in) or a `[…]:` definition.
 */
function inlineEdit(idx: LineIndex, next: LineIndex, blocks: Blocks, edit: TextEdit): boolean {
  if (edit.text.includes('\n') || edit.text.includes('\r')) return false;
  const line = lineOf(idx.starts, edit.start);
  if (edit.end > idx.ends[line] || blocks.flags[line] !== 0) return false;
  for (const h of blocks.headings) if (h.line <= line + 1 && h.endLine >= line) return false;
  const before = idx.line(line);
  const after = next.line(line);
  const p = LINE_PREFIX.exec(before)![0].length;
  if (edit.start - idx.starts[line] <= p || !/\p{L}/u.test(before.charAt(p))) return false;
  if (before.includes('>') || after.includes('>')) return false;
  return !DEFINITION.test(before) && !DEFINITION.test(after);
}

/** One edit: new line table and blocks, or the reason a full parse is needed. */
function applyOne(idx: LineIndex, blocks: Blocks, edit: TextEdit): Step | string {
  const oldLines = idx.starts.length;
  const next = updateLines(idx, edit.start, edit.end, edit.text);
  const newLines = next.starts.length;
  const delta = newLines - oldLines;
  if (next.text.length > INCREMENTAL_LIMIT) return 'file too large';
  // Old lines the edit may affect: from the line before a line-start edit to the end's line.
  const firstLine = lineOf(idx.starts, Math.max(0, edit.start - 1));
  const lastLine = lineOf(idx.starts, edit.end);
  // Definitions are document-wide: an edit that adds or removes one re-parses everything.
  const oldTouched = idx.text.slice(idx.starts[firstLine], idx.ends[lastLine]);
  if (DEFINITION.test(edit.text) || DEFINITION.test(oldTouched)) return 'link reference definition edited';
  const hs = blocks.headings;
  if (delta === 0 && inlineEdit(idx, next, blocks, edit)) {
    // Block structure unchanged: no re-scan; only the project holding the line is filled again.
    const line = lineOf(idx.starts, edit.start);
    const same: Blocks = { headings: hs.map((h) => ({ ...h })), flags: blocks.flags, codes: blocks.codes };
    return { idx: next, blocks: same, chunkStart: line, chunkEnd: line + 1, oldChunkStart: line, oldChunkEnd: line + 1, delta: 0, scanned: 0 };
  }
  // Chunk: after the last boundary heading above the edit, up to the first one below it.
  let lo = -1;
  for (let i = hs.length - 1; i >= 0; i--) {
    if (hs[i].endLine < firstLine && isBoundary(idx, hs[i])) {
      lo = i;
      break;
    }
  }
  let hi = lo + 1;
  while (hi < hs.length && !(hs[hi].line > lastLine && isBoundary(idx, hs[hi]))) hi++;
  const chunkStart = lo >= 0 ? hs[lo].line : 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const closing = hi < hs.length ? hs[hi] : undefined;
    const oldChunkEnd = closing ? closing.line : oldLines;
    const chunkEnd = closing ? closing.line + delta : newLines;
    if (chunkEnd < chunkStart || (chunkEnd - chunkStart) / Math.max(1, newLines) > MAX_CHUNK_SHARE && newLines > 200) return 'edit reaches too far';
    const scanTo = closing ? next.ends[chunkEnd] : next.text.length;
    const chunkText = next.text.slice(next.starts[chunkStart], scanTo);
    if (DEFINITION.test(chunkText)) return 'link reference definition in the chunk';
    const chunk = blocksFromMdast(new LineIndex(chunkText));
    const chunkLineCount = chunkEnd - chunkStart + (closing ? 1 : 0);
    if (closing) {
      // The closing heading must still be a root heading, unchanged, on the chunk's last line.
      const lastH = chunk.headings[chunk.headings.length - 1];
      const lastLocal = chunkLineCount - 1;
      const ok =
        lastH !== undefined &&
        lastH.line === lastLocal &&
        lastH.endLine === lastLocal &&
        lastH.level === closing.level &&
        lastH.text === closing.text &&
        chunk.flags[lastLocal] === 0 &&
        !chunk.codes.some((c) => c.endLine >= lastLocal);
      if (!ok) {
        // A fence or HTML block opened in the chunk swallows the heading: grow to the next boundary.
        hi++;
        while (hi < hs.length && !isBoundary(idx, hs[hi])) hi++;
        continue;
      }
      chunk.headings.pop();
    }
    // Headings with brackets may use definitions from elsewhere in the document.
    for (const h of chunk.headings) {
      if (next.text.slice(next.starts[chunkStart + h.line], next.ends[chunkStart + h.endLine]).includes('[') && DEFINITION.test(next.text)) {
        return 'bracketed heading in a document with definitions';
      }
    }
    // Splice: headings, flags, codes.
    const headings: HeadingInfo[] = [];
    for (let i = 0; i < lo; i++) headings.push({ ...hs[i] }); // hs[lo] is re-read at the chunk's start
    for (const h of chunk.headings) headings.push(shiftHeading(h, chunkStart));
    for (let i = hi; i < hs.length; i++) headings.push(delta ? shiftHeading(hs[i], delta) : { ...hs[i] });
    const flags = new Uint8Array(newLines);
    flags.set(blocks.flags.subarray(0, chunkStart), 0);
    flags.set(chunk.flags.subarray(0, chunkEnd - chunkStart), chunkStart);
    if (oldChunkEnd < oldLines) flags.set(blocks.flags.subarray(oldChunkEnd), chunkEnd);
    const codes: Blocks['codes'] = [];
    for (const c of blocks.codes) if (c.endLine < chunkStart) codes.push(c);
    for (const c of chunk.codes) {
      codes.push({ line: c.line + chunkStart, endLine: c.endLine + chunkStart, value: c.value, range: { start: shiftPos(c.range.start, chunkStart), end: shiftPos(c.range.end, chunkStart) } });
    }
    for (const c of blocks.codes) {
      if (c.line >= oldChunkEnd) {
        codes.push(delta ? { line: c.line + delta, endLine: c.endLine + delta, value: c.value, range: { start: shiftPos(c.range.start, delta), end: shiftPos(c.range.end, delta) } } : c);
      }
    }
    return {
      idx: next,
      blocks: { headings, flags, codes },
      chunkStart,
      chunkEnd,
      oldChunkStart: chunkStart,
      oldChunkEnd,
      delta,
      scanned: chunkText.length,
    };
  }
  return 'edit opens a block that runs on';
}

// ---- model build with fill reuse -------------------------------------------------------------

/** Structure of a build relative to its heading: what `fillProject` reads besides the lines. */
function buildSignature(pb: ProjectBuild, base: number, out: string[]): void {
  out.push(`(${pb.h.line - base},${pb.h.endLine - base},${pb.endLine - base}`);
  for (const p of pb.proposals) out.push(`p${p.h.line - base},${p.h.endLine - base},${p.endLine - base}`);
  for (const s of pb.subs) buildSignature(s, base, out);
  out.push(')');
}

/** Deep copy with every position's line moved by `d`. */
function cloneShift<T>(value: T, d: number): T {
  const visit = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = visit(v[i], depth + 1);
      return out;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) {
      return { line: (o.line as number) + d, character: o.character };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = visit(o[k], depth + 1);
    return out;
  };
  return visit(value, 0) as T;
}

/** Messages such as `repeats a field already given on line 12`. */
const LINE_IN_MESSAGE = /\bline \d/;

interface Reuse {
  fills: Map<number, FillEntry>;
  dirtyStart: number;
  dirtyEnd: number;
  shift: number;
}

function build(
  text: string,
  options: ParseOptions,
  idx: LineIndex,
  blocks: Blocks,
  reuse: Reuse | undefined,
): IncrementalState & { filled: number; reused: number } {
  const fills = new Map<number, FillEntry>();
  let filled = 0;
  let reused = 0;
  const fill = (src: LineSource, pb: ProjectBuild, irregularities: Irregularity[]): Project => {
    const parts: string[] = [];
    buildSignature(pb, pb.h.line, parts);
    const signature = parts.join('');
    if (reuse) {
      // Untouched: wholly before the dirty lines (same numbers) or wholly after (shifted).
      const before = pb.endLine <= reuse.dirtyStart;
      const after = pb.h.line >= reuse.dirtyEnd;
      if (before || after) {
        const d = after ? reuse.shift : 0;
        const old = reuse.fills.get(pb.h.line - d);
        if (old && old.signature === signature && old.endLine === pb.endLine - d && (d === 0 || old.shiftable)) {
          const entry: FillEntry = d
            ? { ...old, line: pb.h.line, endLine: pb.endLine, project: cloneShift(old.project, d), irregularities: cloneShift(old.irregularities, d) }
            : { ...old };
          fills.set(pb.h.line, entry);
          irregularities.push(...entry.irregularities);
          reused++;
          return entry.project;
        }
      }
    }
    const first = irregularities.length;
    const project = fillProject(src, pb, irregularities);
    const own = irregularities.slice(first);
    const shiftable = !own.some((i) => LINE_IN_MESSAGE.test(i.message));
    fills.set(pb.h.line, { signature, line: pb.h.line, endLine: pb.endLine, project, irregularities: own, shiftable });
    filled++;
    return project;
  };
  const model = modelFromBlocks(idx, blocks, options, { fillProject: fill });
  return { text, options, model, idx, blocks, fills, filled, reused };
}
