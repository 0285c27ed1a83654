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
//  2. Re-scans the chunks around the edit with the parser's own chunk scan (parse/chunks.ts
//     scanRun; chunks run between unindented root ATX headings, each read by remark unless remark
//     would stall on that chunk alone, then by the line scanner): from the last chunk start that
//     ends before the edit up to the first chunk start after it that was a chunk start before (the
//     chunk starting at a line depends only on the text from there on), normally one proposal. A
//     text with link reference definitions is scanned whole by the parser: every edit to it is a
//     full parse.
//  3. Splices the chunks' headings, code/quote flags and code blocks into the previous blocks,
//     shifting the later ones by the line delta.
//  4. Runs the parser's cheap whole-file steps again (`modelFromBlocks`): template, levels,
//     structure, headings with slugs (GitHub's `-1` suffixes depend on the whole file), TOC,
//     kind, duplicates and irregularities are recomputed from blocks, never patched. Filling a
//     project is skipped when its lines lie outside every re-scanned chunk and its structure
//     (proposal and sub-project boundaries, relative to its heading) is unchanged: the previous
//     Project and its irregularities are reused, shifted by the line delta.
// The result is deep-equal to `parseIdeas(newText)`; test/stress/incremental.test.ts checks this
// with random edits (chosen edits: test/unit/incremental.test.ts), and `npm run incremental-check
// -- DIR` on real files.
import type { IdeasModel, Irregularity, Project } from './model';
import { byStart, fileKind, modelFromBlocks, parseIdeas, sourceOf, type ParseOptions } from './parse';
import { DEFINITION, remarkWouldStall, scanChunks, scanRun, scanSteps, shiftHeading, shiftPos, type Chunked, type ChunkOut } from './parse/chunks';
import type { Blocks, HeadingInfo } from './parse/headings';
import { lastAtOrBefore, lastIndexAtOrBefore, LineIndex, type LineSource } from './parse/lines';
import { hasLabels } from './parse/fields';
import { STRONG_KEYS } from './parse/labels';
import { fillProject, refillProject, type ProjectBuild, type ProposalBuild } from './parse/section';
import { readToc } from './parse/toc';

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
  /** The structure it was filled from (re-filled as is after typing inside its lines). */
  build: ProjectBuild;
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
  /** First line of each chunk of the parser's chunked scan (absent when the text was scanned whole). */
  readonly chunks?: readonly number[];
  /** Proposals outside any project, as structured (typing inside one takes the rebuild path). */
  readonly loose?: readonly ProposalBuild[];
  /**
   * Projects of this version that are the previous version's projects moved by whole lines (an
   * edit above added or removed lines), with the old object and the line delta: per-project
   * results (rule findings, through RuleContext.moved) move with them rather than being computed
   * again. One version back only: no chain keeping older copies alive.
   */
  readonly moved?: MovedProjects;
}

/** A project that is an earlier version's `from` moved by `by` lines. */
export interface MovedProject {
  readonly from: Project;
  readonly by: number;
}

export type MovedProjects = ReadonlyMap<Project, MovedProject>;

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
  /** Typing served without the rebuild: only the projects holding the typed lines were read. */
  typed?: boolean;
}

export interface UpdateOptions {
  /**
   * The text after all the edits, when the caller holds it (the editor's document): the last edit
   * then takes it rather than building its own copy, and the model's text is that very string.
   */
  textAfter?: string;
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

// ---- full parse ------------------------------------------------------------------------------

/** Parses the whole text and keeps what later edits need. Same model as `parseIdeas`. */
export function parseFull(text: string, options: ParseOptions = {}): IncrementalState {
  // Huge text has no incremental state.
  if (typeof text !== 'string' || text.length > INCREMENTAL_LIMIT) return { text, options, model: parseIdeas(text, options) };
  try {
    const idx = new LineIndex(text);
    return stateOf(text, options, idx, scanChunks(idx));
  } catch {
    // Whatever failed, parseIdeas has its own fallbacks (line scanner, empty model).
    return { text, options, model: parseIdeas(text, options) };
  }
}

function stateOf(text: string, options: ParseOptions, idx: LineIndex, chunked: Chunked): IncrementalState {
  const built = build(text, options, idx, chunked.blocks, undefined);
  return chunked.starts ? { ...built, chunks: chunked.starts } : built;
}

/**
 * `parseFull` for background work (workspace indexing): the same state, but the scan gives the
 * event loop back every `sliceMs` of work, so requests are answered while a big file is read.
 */
export async function parseFullAsync(text: string, options: ParseOptions = {}, sliceMs = 8): Promise<IncrementalState> {
  if (typeof text !== 'string' || text.length > INCREMENTAL_LIMIT) return parseFull(text, options);
  let chunked: Chunked;
  let idx: LineIndex;
  try {
    idx = new LineIndex(text);
    const steps = scanSteps(idx);
    let since = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        chunked = r.value;
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
    return stateOf(text, options, idx, chunked);
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
  if (!state.idx || !state.blocks || !state.fills || !state.chunks || edits.length > MAX_BATCH) {
    for (const e of edits) text = splice(text, e);
    return fullReparse(!state.idx ? 'no incremental state' : !state.chunks ? 'text scanned whole' : 'large batch', text);
  }
  let chunks = state.chunks;
  let idx = state.idx;
  let blocks = state.blocks;
  // Dirty lines [dirtyStart, dirtyEnd) in current coordinates; `shift` maps an old line after
  // the dirty range to the current one. Lines before dirtyStart keep their number.
  let dirtyStart = Number.MAX_SAFE_INTEGER;
  let dirtyEnd = -1;
  let shift = 0;
  let scanned = 0;
  let typing = true;
  for (let i = 0; i < edits.length; i++) {
    if (i > 0 && opts.isCancelled?.()) throw new Cancelled();
    const edit = normalise(edits[i], text.length);
    const step = applyOne(idx, blocks, chunks, edit, i === edits.length - 1 ? opts.textAfter : undefined);
    if (typeof step === 'string') {
      for (let j = i; j < edits.length; j++) text = splice(text, edits[j]);
      return fullReparse(step, text);
    }
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
    typing &&= step.typing;
    idx = step.idx;
    blocks = step.blocks;
    chunks = step.chunks;
  }
  try {
    if (typing) {
      const typed = retype(state, idx, dirtyStart, dirtyEnd);
      if (typed) {
        opts.stats?.({ mode: 'incremental', scanned: 0, filled: typed.filled, reused: typed.reused, typed: true });
        return typed.state;
      }
      // The rebuild below sets slugs on the headings: not on the previous version's.
      blocks = { ...blocks, headings: blocks.headings.map((h) => ({ ...h })) };
    }
    const next = { ...build(text, state.options, idx, blocks, { fills: state.fills, dirtyStart, dirtyEnd, shift }), chunks };
    opts.stats?.({ mode: 'incremental', scanned, filled: next.filled, reused: next.reused });
    return next;
  } catch {
    return fullReparse('model build failed', text);
  }
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
  chunks: readonly number[];
  /** Typing inside one line's text: the blocks are the previous ones, unchanged. */
  typing: boolean;
}

/** A LineIndex over `text` with the given tables (no rescan) and, when known, line texts. */
function lineIndexOf(text: string, starts: number[], ends: number[], texts?: string[]): LineIndex {
  const idx = Object.create(LineIndex.prototype) as { text: string; starts: number[]; ends: number[]; texts?: string[] };
  idx.text = text;
  idx.starts = starts;
  idx.ends = ends;
  idx.texts = texts;
  return idx as unknown as LineIndex;
}

/** The previous index's line texts, if it made them. */
function textsOf(idx: LineIndex): readonly string[] | undefined {
  return (idx as unknown as { texts?: string[] }).texts;
}

/** New line table after replacing [start, end) of `idx.text` with `insert`. */
function updateLines(idx: LineIndex, start: number, end: number, insert: string, textAfter?: string): LineIndex {
  const fits = textAfter !== undefined && textAfter.length === idx.text.length - (end - start) + insert.length && textAfter.startsWith(insert, start);
  const text = fits ? textAfter : idx.text.slice(0, start) + insert + idx.text.slice(end);
  const starts = idx.starts;
  const ends = idx.ends;
  const last = starts.length - 1;
  const delta = insert.length - (end - start);
  // Re-read lines [la, lb] of the old text (one line of margin either side, for CR/LF pairs
  // formed or split at the edges).
  const la = Math.max(0, lastAtOrBefore(starts, start) - 1);
  const lb = Math.min(last, lastAtOrBefore(starts, end) + 1);
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
  // Line texts, when the old index had them: the unchanged lines are the same strings.
  const old = textsOf(idx);
  let texts: string[] | undefined;
  if (old) {
    texts = old.slice(0, la);
    const reread = newStarts.length - (last - lb) - la;
    for (let l = la; l < la + reread; l++) texts.push(text.slice(newStarts[l], newEnds[l]));
    for (let l = lb + 1; l <= last; l++) texts.push(old[l]);
  }
  return lineIndexOf(text, newStarts, newEnds, texts);
}

/** What a line looks like before its content: indentation and list markers. */
const LINE_PREFIX = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*/;
/** How its content starts when typing after it is safe: a letter, maybe after emphasis (`**Description**:`). */
const LEAD = /^[*_]{0,3}\p{L}/u;

/**
 * True when an edit inside one line's text cannot change the block structure (so headings, code
 * and quote lines stay as they are): the line is not in code, a quote or a heading; the edit
 * leaves its indentation, list markers and first letter (with any `*`/`_` before it) alone:
 * nothing typed after a letter can turn a line into a heading, fence, thematic break, setext
 * underline, list item or HTML block; and neither version has a `>` (which
 * could end an HTML block the line sits in) or a `[…]:` definition.
 */
function inlineEdit(idx: LineIndex, next: LineIndex, blocks: Blocks, edit: TextEdit): boolean {
  if (edit.text.includes('\n') || edit.text.includes('\r')) return false;
  const line = lastAtOrBefore(idx.starts, edit.start);
  if (edit.end > idx.ends[line] || blocks.flags[line] !== 0) return false;
  // On a heading, or just above one (a setext underline may follow): the two headings starting last.
  const k = headingAtOrBefore(blocks.headings, line + 1);
  for (const h of [blocks.headings[k], blocks.headings[k - 1]]) if (h && h.line <= line + 1 && h.endLine >= line) return false;
  const before = idx.line(line);
  const after = next.line(line);
  const p = LINE_PREFIX.exec(before)![0].length;
  const lead = LEAD.exec(before.slice(p, p + 4));
  if (!lead || edit.start - idx.starts[line] < p + lead[0].length) return false;
  if (before.includes('>') || after.includes('>')) return false;
  return !DEFINITION.test(before) && !DEFINITION.test(after);
}


/** The text a chunk is scanned as: from its first line through the next chunk's first line (its closing heading). */
function chunkText(idx: LineIndex, chunks: readonly number[], k: number): string {
  return k + 1 < chunks.length ? idx.text.slice(idx.starts[chunks[k]], idx.ends[chunks[k + 1]]) : idx.text.slice(idx.starts[chunks[k]]);
}

/** One edit: new line table, blocks and chunk starts, or the reason a full parse is needed. */
function applyOne(idx: LineIndex, blocks: Blocks, chunks: readonly number[], edit: TextEdit, textAfter?: string): Step | string {
  const oldLines = idx.starts.length;
  const next = updateLines(idx, edit.start, edit.end, edit.text, textAfter);
  const newLines = next.starts.length;
  const delta = newLines - oldLines;
  if (next.text.length > INCREMENTAL_LIMIT) return 'file too large';
  // Definitions are document-wide (the parser scans such a text whole): one made by the edit re-parses everything.
  const editEnd = edit.start + edit.text.length;
  const touched = next.text.slice(next.starts[lastAtOrBefore(next.starts, edit.start)], next.ends[lastAtOrBefore(next.starts, editEnd)]);
  if (DEFINITION.test(touched)) return 'link reference definition edited';
  const hs = blocks.headings;
  if (delta === 0 && inlineEdit(idx, next, blocks, edit)) {
    // Block structure unchanged for remark and the line scanner alike, provided the chunk is still
    // read the same way: no re-scan; only the proposal holding the line is filled again (retype).
    const line = lastAtOrBefore(idx.starts, edit.start);
    const k = lastAtOrBefore(chunks, line);
    if (remarkWouldStall(chunkText(idx, chunks, k)) === remarkWouldStall(chunkText(next, chunks, k))) {
      return { idx: next, blocks, chunkStart: line, chunkEnd: line + 1, oldChunkStart: line, oldChunkEnd: line + 1, delta: 0, scanned: 0, chunks, typing: true };
    }
  }
  // Re-scan from the last chunk whose text (through its closing heading) lies before the edit: the
  // chunks before it are unchanged.
  let k = chunks.length - 1;
  while (k > 0 && idx.ends[chunks[k]] >= edit.start) k--;
  const chunkStart = chunks[k];
  const chars = next.text.length - idx.text.length;
  // ... up to a line after the edit where a chunk started before: from there on, all is as before.
  const stop = (line: number): boolean => {
    const old = line - delta;
    if (next.starts[line] <= editEnd || old <= 0 || old >= oldLines || idx.starts[old] !== next.starts[line] - chars) return false;
    const j = lastAtOrBefore(chunks, old);
    return chunks[j] === old;
  };
  const out: ChunkOut = { headings: [], flags: new Uint8Array(newLines), codes: [], starts: [] };
  const run = scanRun(next, chunkStart, out, stop);
  let r = run.next();
  while (!r.done) r = run.next();
  const chunkEnd = r.value;
  if (chunkEnd === undefined) return 'link reference definition in the chunk';
  const oldChunkEnd = chunkEnd - delta;
  // Splice: headings, flags, codes, chunk starts.
  const headings: HeadingInfo[] = [];
  for (const h of hs) if (h.line < chunkStart) headings.push({ ...h });
  headings.push(...out.headings);
  for (const h of hs) if (h.line >= oldChunkEnd) headings.push(delta ? shiftHeading(h, delta) : { ...h });
  const flags = out.flags;
  flags.set(blocks.flags.subarray(0, chunkStart), 0);
  if (oldChunkEnd < oldLines) flags.set(blocks.flags.subarray(oldChunkEnd), chunkEnd);
  const codes: Blocks['codes'] = [];
  for (const c of blocks.codes) if (c.endLine < chunkStart) codes.push(c);
  codes.push(...out.codes);
  for (const c of blocks.codes) {
    if (c.line >= oldChunkEnd) {
      codes.push(delta ? { line: c.line + delta, endLine: c.endLine + delta, value: c.value, range: { start: shiftPos(c.range.start, delta), end: shiftPos(c.range.end, delta) } } : c);
    }
  }
  const starts: number[] = [];
  for (const c of chunks) if (c < chunkStart) starts.push(c);
  starts.push(...out.starts);
  for (const c of chunks) if (c >= oldChunkEnd) starts.push(c + delta);
  return {
    idx: next,
    blocks: { headings, flags, codes },
    chunkStart,
    chunkEnd,
    oldChunkStart: chunkStart,
    oldChunkEnd,
    delta,
    scanned: (chunkEnd < newLines ? next.starts[chunkEnd] : next.text.length) - next.starts[chunkStart],
    chunks: starts,
    typing: false,
  };
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
export function cloneShift<T>(value: T, d: number): T {
  const visit = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object' || depth > 64) return v;
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = visit(v[i], depth + 1);
      return out;
    }
    const o = v as Record<string, unknown>;
    if (isPos(o)) return { line: (o.line as number) + d, character: o.character };
    // Model objects are plain literals: for-in sees their own keys only (no key array per object).
    const out: Record<string, unknown> = {};
    for (const k in o) out[k] = visit(o[k], depth + 1);
    return out;
  };
  return visit(value, 0) as T;
}

/** A position: numeric `line` and `character`, nothing else. */
function isPos(o: Record<string, unknown>): boolean {
  if (typeof o.line !== 'number' || typeof o.character !== 'number') return false;
  let keys = 0;
  for (const _ in o) if (++keys > 2) return false;
  return true;
}

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
  const moved = new Map<Project, MovedProject>();
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
        if (old && old.signature === signature && old.endLine === pb.endLine - d) {
          const entry: FillEntry = d
            ? { ...old, line: pb.h.line, endLine: pb.endLine, project: cloneShift(old.project, d), irregularities: cloneShift(old.irregularities, d), build: pb }
            : { ...old, build: pb };
          if (d) moved.set(entry.project, { from: old.project, by: d });
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
    fills.set(pb.h.line, { signature, line: pb.h.line, endLine: pb.endLine, project, irregularities: own, build: pb });
    filled++;
    return project;
  };
  let loose: readonly ProposalBuild[] = [];
  const model = modelFromBlocks(idx, blocks, options, { fillProject: fill, structure: (s) => (loose = s.loose) });
  return { text, options, model, idx, blocks, fills, loose, filled, reused, ...(moved.size ? { moved } : {}) };
}

// ---- typing: same blocks, one proposal filled again ------------------------------------------

/**
 * The new state after typing inside lines [dirtyStart, dirtyEnd) (edits that leave the blocks as
 * they were; see `inlineEdit`), or undefined when the rebuild must run. Everything
 * `modelFromBlocks` derives from blocks alone (slugs, template, levels, structure, headings) is
 * kept; it re-reads only what the typed lines can change: whether a heading is followed by field
 * labels (if that changes, the structure may: rebuild), the proposals holding the lines (in new
 * project objects), the TOC if it holds them, the kind. Equal to the full parse
 * (test/unit/incremental.test.ts, random edits in test/stress/incremental.test.ts).
 */
function retype(state: IncrementalState, idx: LineIndex, dirtyStart: number, dirtyEnd: number): { state: IncrementalState; filled: number; reused: number } | undefined {
  const { blocks, fills, loose, idx: before } = state;
  if (!blocks || !fills || !loose || !before) return undefined;
  const prev = state.model;
  const headings = blocks.headings;
  const oldSrc = sourceOf(before, blocks.flags);
  const src = sourceOf(idx, blocks.flags);
  // A heading is a proposal when field labels follow it: the typed lines may add or remove one.
  for (let i = Math.max(0, headingAtOrBefore(headings, dirtyStart)); i < headings.length && headings[i].line < dirtyEnd; i++) {
    const h = headings[i];
    const to = i + 1 < headings.length ? headings[i + 1].line : idx.lineCount;
    if (to <= dirtyStart) continue;
    if (hasLabels(oldSrc, h.endLine + 1, to, STRONG_KEYS) !== hasLabels(src, h.endLine + 1, to, STRONG_KEYS)) return undefined;
  }
  if (loose.some((pb) => pb.h.line < dirtyEnd && pb.endLine > dirtyStart)) return undefined;
  const next = new Map(fills);
  const replaced = new Set<Irregularity>();
  const added: Irregularity[] = [];
  const projects = prev.projects.slice();
  let filled = 0;
  for (const [line, entry] of fills) {
    if (entry.endLine <= dirtyStart || line >= dirtyEnd) continue;
    const at = projects.indexOf(entry.project);
    if (at < 0) return undefined;
    const own: Irregularity[] = [];
    let project: Project;
    try {
      // The proposals the typed lines are not in keep their objects (typing costs one proposal).
      const untouched = (from: number, to: number) => to <= dirtyStart || from >= dirtyEnd;
      project = refillProject(src, entry.build, entry.project, entry.irregularities, untouched, own) ?? fillProject(src, entry.build, own);
    } catch {
      return undefined;
    }
    for (const i of entry.irregularities) replaced.add(i);
    added.push(...own);
    projects[at] = project;
    next.set(line, { ...entry, project, irregularities: own });
    filled++;
  }
  // Typed lines are never TOC entries or markers (those start with `[` or `<`, see inlineEdit), so
  // the TOC changes only when its range ends on a typed line (the end is that line's length).
  let toc = prev.toc;
  if (toc && toc.range.end.line >= dirtyStart && toc.range.end.line < dirtyEnd) toc = readToc(idx, headings, blocks.flags);
  const irregularities = filled ? [...prev.irregularities.filter((i) => !replaced.has(i)), ...added].sort(byStart) : prev.irregularities;
  const model: IdeasModel = {
    kind: fileKind(state.options, prev.template, headings, projects, prev.looseProposals),
    template: prev.template,
    projects,
    looseProposals: prev.looseProposals,
    headings: prev.headings,
    irregularities,
    lineCount: prev.lineCount,
    ...(toc ? { toc } : {}),
  };
  return { state: { ...state, text: idx.text, model, idx, fills: next, moved: undefined }, filled, reused: fills.size - filled };
}

/** Index of the last heading starting at or before `line` (-1 when none). */
function headingAtOrBefore(headings: readonly HeadingInfo[], line: number): number {
  return lastIndexAtOrBefore(headings, line, (h) => h.line);
}
