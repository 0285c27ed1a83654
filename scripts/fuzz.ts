// Fuzzing: mutates real and invented ideas files and checks, on every input, that the LSP-free
// core and features never throw, keep every range inside the document, agree with a full parse
// when parsing incrementally, and answer within a time bound proportional to the input's size.
//
//   npm run fuzz -- [--seconds N] [--seed N] [--server-every N] [--no-save] [SEED_DIR ...]
//
// SEED_DIR files (e.g. a corpus folder) are mutated along with the invented files under
// test/fixtures/** (always included). A failing input is shrunk and saved under test/fixtures/fuzz/
// (the regression test test/stress/fuzz.test.ts replays every file there).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ProjectCatalog, Quotas } from '../server/src/core/cncfProjects';
import { KnowledgeIndex } from '../server/src/core/knowledge';
import type { IdeasModel, Pos, Span } from '../server/src/core/model';
import { parseIdeas } from '../server/src/core/parse';
import { termOfPath } from '../server/src/core/term';
import { WorkspaceIndex } from '../server/src/core/workspaceIndex';
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, parseFull, type IncrementalState } from '../server/src/core/incremental';
import { completion } from '../server/src/features/completion';
import { documentSymbols } from '../server/src/features/documentSymbols';
import { hover } from '../server/src/features/hover';
import { RULES } from '../server/src/rules';
import { knowledgeView } from '../server/src/rules/knowledgeView';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures');
export const FUZZ_FIXTURES_DIR = path.join(FIXTURES_DIR, 'fuzz');

// ---- random -------------------------------------------------------------------------------------

/** mulberry32: small, fast, seeded; the same seed gives the same run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * Math.max(1, n));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---- documents ----------------------------------------------------------------------------------

/** Lines as LSP counts them: `\r\n`, `\r` and `\n` end a line; nothing else does. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The offset of a position, as vscode-languageserver-textdocument computes it. */
export function offsetAt(text: string, lineStarts: number[], pos: Pos): number {
  if (pos.line >= lineStarts.length) return text.length;
  const next = pos.line + 1 < lineStarts.length ? lineStarts[pos.line + 1] : text.length;
  return Math.min(lineStarts[pos.line] + pos.character, next);
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10) starts.push(i + 1);
  }
  return starts;
}

export function positionAt(_text: string, lineStarts: number[], offset: number): Pos {
  let lo = 0;
  let hi = lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineStarts[mid] > offset) hi = mid;
    else lo = mid + 1;
  }
  const line = lo - 1;
  return { line, character: offset - lineStarts[line] };
}

function isPos(value: unknown): value is Pos {
  return typeof value === 'object' && value !== null && 'line' in value && 'character' in value;
}

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && isPos((value as Span).start) && isPos((value as Span).end);
}

/** Why a range is not inside the document, or undefined when it is. */
export function rangeProblem(span: Span, lines: string[]): string | undefined {
  for (const [name, pos] of [['start', span.start], ['end', span.end]] as const) {
    if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character)) return `${name} is not an integer position`;
    if (pos.line < 0 || pos.character < 0) return `${name} is negative`;
    if (pos.line >= lines.length) return `${name}.line ${pos.line} >= lineCount ${lines.length}`;
    if (pos.character > lines[pos.line].length) return `${name}.character ${pos.character} > line ${pos.line} length ${lines[pos.line].length}`;
  }
  if (span.start.line > span.end.line || (span.start.line === span.end.line && span.start.character > span.end.character)) {
    return 'start after end';
  }
  return undefined;
}

export function spanInside(inner: Span, outer: Span): boolean {
  const le = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every range found anywhere in a value (model, symbols, hover), with its path for messages. */
export function collectSpans(value: unknown, where = '$'): { where: string; span: Span }[] {
  // The path is built only when a message asks for it: a 10 MB model holds millions of spans.
  const out: { where: string; span: Span }[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: PathStep): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isSpan(v)) out.push({ span: v, get where() { return pathText(path); } });
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, { parent: path, key: `[${i}]` }));
    else if (v instanceof Map) for (const [k, item] of v) walk(item, { parent: path, key: `.${String(k)}` });
    else for (const k in v) if (k !== 'start' && k !== 'end') walk((v as Record<string, unknown>)[k], { parent: path, key: `.${k}` });
  };
  walk(value, { key: where });
  return out;
}

interface PathStep {
  parent?: PathStep;
  key: string;
}

function pathText(step: PathStep): string {
  const keys: string[] = [];
  for (let s: PathStep | undefined = step; s; s = s.parent) keys.push(s.key);
  return keys.reverse().join('');
}

// ---- mutations ----------------------------------------------------------------------------------

/** Characters people paste by accident or on purpose. */
export const HOSTILE_CHARS = [
  '\0', '\uD800', '\uDC00', '\uDBFF', '\u200F', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\r', '\r\n', '\n',
  '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\uFF1A', '\uFF03', '\uFF20', '😀', '👩‍👩‍👧', '\u0301', '\u00A0', '\u3000',
  '\t', '\x1b', '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '#', '@', ':', '|', '!', '~', '-', '"', "'",
];

/** Fragments that stress the markdown structure or a careless pattern. */
export const HOSTILE_SNIPPETS = [
  '```', '~~~', '````markdown', '<!--', '-->', '<details>', '</details>', '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.terminal.new)', '![](https://evil.example/x.png)', '<script>alert(1)</script>',
  '- Mentor(s):', '- Mentors:', '- Description:', '- Upstream Issue:', '- Upstream Issue (URL):', '- LFX URL:',
  '- Expected Outcome:', '- Recommended Skills:', '- Expected project size:', '**Mentor(s)**:', '* Mentor(s)：',
  '  - Jane Invented (@jane-invented, jane@example.invalid)', '(@, )', '(@@@', '@-', 'a@b', '<a@b>', 'mailto:',
  'https://github.com/acme-invented/widget/issues/', 'acme-invented/widget#', '#### ', '### ', '## ', '# ', '######',
  '- [ ] ', '1. ', '> ', '    ', '|---|---|', '\\', '&amp;', '&#0;', '[^1]', '[link]: <', '***', '___',
  '<!-- toc -->', '<!-- tocstop -->', '## Table of Contents', '- [Widgetry](#widgetry)', '[](#)',
];

/** Long runs that make a backtracking pattern blow up, if there is one. */
function pathological(rng: Rng): string {
  const n = 200 + rng.int(4000);
  const unit = rng.pick([
    'a', ' ', '\t', '@', '(@', '(@a, ', 'a@', 'a.', '-', '- ', '*', '_', '`', '[', '](', '<', 'http://', 'a/', '#',
    ':', ', ', '\\', 'aa-', '@a-', '.a', '( ', '[[', '((', '\u200B', '\uFF1A', '#1', '/issues/1',
  ]);
  return unit.repeat(Math.ceil(n / unit.length));
}

export type Mutation = (text: string, rng: Rng, others: readonly string[]) => string;

function splitKeep(text: string): string[] {
  // Lines with their terminators, so joining gives the text back exactly.
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function randomOffset(text: string, rng: Rng): number {
  return rng.int(text.length + 1);
}

export const MUTATIONS: Record<string, Mutation> = {
  deleteLines(text, rng) {
    const lines = splitKeep(text);
    if (!lines.length) return text;
    const at = rng.int(lines.length);
    lines.splice(at, 1 + rng.int(rng.chance(0.2) ? 20 : 2));
    return lines.join('');
  },
  duplicateLines(text, rng) {
    const lines = splitKeep(text);
    if (!lines.length) return text;
    const at = rng.int(lines.length);
    const block = lines.slice(at, at + 1 + rng.int(8));
    lines.splice(rng.int(lines.length + 1), 0, ...block);
    return lines.join('');
  },
  swapLines(text, rng) {
    const lines = splitKeep(text);
    if (lines.length < 2) return text;
    const a = rng.int(lines.length);
    const b = rng.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('');
  },
  headingLevel(text, rng) {
    const lines = splitKeep(text);
    const headings = lines.map((l, i) => (/^\s{0,3}#/.test(l) ? i : -1)).filter((i) => i >= 0);
    const i = headings.length ? rng.pick(headings) : rng.int(lines.length);
    if (lines[i] === undefined) return text;
    lines[i] = rng.chance(0.5) ? '#'.repeat(1 + rng.int(3)) + (rng.chance(0.8) ? '' : ' ') + lines[i] : lines[i].replace(/#/, '');
    return lines.join('');
  },
  cut(text, rng) {
    return text.slice(0, randomOffset(text, rng));
  },
  cutMiddle(text, rng) {
    const a = randomOffset(text, rng);
    return text.slice(0, a) + text.slice(Math.min(text.length, a + rng.int(2000)));
  },
  insertHostileChar(text, rng) {
    let out = text;
    for (let k = 1 + rng.int(4); k > 0; k--) {
      const at = randomOffset(out, rng);
      out = out.slice(0, at) + rng.pick(HOSTILE_CHARS).repeat(rng.chance(0.1) ? 1 + rng.int(50) : 1) + out.slice(at);
    }
    return out;
  },
  insertSnippet(text, rng) {
    const at = rng.chance(0.5) ? lineStartOffset(text, rng) : randomOffset(text, rng);
    const snippet = rng.pick(HOSTILE_SNIPPETS) + (rng.chance(0.5) ? '\n' : '');
    return text.slice(0, at) + snippet + text.slice(at);
  },
  insertRandom(text, rng) {
    const at = randomOffset(text, rng);
    let s = '';
    for (let k = 1 + rng.int(30); k > 0; k--) s += String.fromCharCode(rng.chance(0.8) ? 32 + rng.int(95) : rng.int(0x10000));
    return text.slice(0, at) + s + text.slice(at);
  },
  pathologicalLine(text, rng) {
    const at = lineStartOffset(text, rng);
    const prefix = rng.pick(['', '- ', '  - ', '- Mentor(s): ', '- Upstream Issue: ', '#### ', '### ', '- Recommended Skills: ', '| ', '> ']);
    return text.slice(0, at) + prefix + pathological(rng) + '\n' + text.slice(at);
  },
  unbalancedFence(text, rng) {
    const at = lineStartOffset(text, rng);
    return text.slice(0, at) + rng.pick(['```', '~~~', '````', '```yaml', '   ```', '<!--']) + '\n' + text.slice(at);
  },
  deepList(text, rng) {
    const at = lineStartOffset(text, rng);
    const depth = 1 + rng.int(300);
    let s = '';
    for (let d = 0; d < depth; d++) s += '  '.repeat(d) + rng.pick(['- ', '* ', '1. ', '- Mentor(s): ', '- (@a, b@c) ']) + 'x\n';
    return text.slice(0, at) + s + text.slice(at);
  },
  lineEndings(text, rng) {
    const ending = rng.pick(['\r\n', '\r', '\n']);
    if (rng.chance(0.5)) return text.replace(/\r\n|\r|\n/g, ending);
    // Mixed: change some line endings only.
    return text.replace(/\r\n|\r|\n/g, (m) => (rng.chance(0.3) ? rng.pick(['\r\n', '\r', '\n']) : m));
  },
  tabs(text, rng) {
    return rng.chance(0.5) ? text.replace(/ {2}/g, '\t') : text.replace(/ /g, () => (rng.chance(0.3) ? '\t' : ' '));
  },
  emptyLabels(text, rng) {
    // A field label with nothing after, at a random line start.
    const at = lineStartOffset(text, rng);
    return text.slice(0, at) + rng.pick(HOSTILE_SNIPPETS.filter((s) => s.endsWith(':') || s.endsWith('：'))) + '\n' + text.slice(at);
  },
  splice(text, rng, others) {
    if (!others.length) return text;
    const other = rng.pick(others);
    const a = rng.int(other.length);
    const chunk = other.slice(a, a + rng.int(3000));
    const at = rng.chance(0.7) ? lineStartOffset(text, rng) : randomOffset(text, rng);
    return text.slice(0, at) + chunk + text.slice(at);
  },
  bom(text) {
    return text.startsWith('\uFEFF') ? text.slice(1) : '\uFEFF' + text;
  },
};

function lineStartOffset(text: string, rng: Rng): number {
  const starts = lineStartsOf(text);
  return rng.pick(starts);
}

// ---- checks -------------------------------------------------------------------------------------

export interface Failure {
  check: string;
  message: string;
}

export interface InputResult {
  failures: Failure[];
  /** Milliseconds spent on the whole-document work (parse, symbols, features at sample positions). */
  ms: number;
  boundMs: number;
  model?: IdeasModel;
  /** The incremental state for this text, for the next input of a chain. */
  state?: IncrementalState;
}

export interface CheckOptions {
  /** Virtual path handed to the parser (decides the file kind and term). */
  path: string;
  rng?: Rng;
  /** Positions to hover/complete at, on top of a few chosen from the model (default 6). */
  positions?: number;
  /** Multiplies the time bound (slow CI); default 1. */
  boundFactor?: number;
  /** The previous input of a chain: its state is updated with the edit that makes this input. */
  previous?: { text: string; state: IncrementalState };
  /** Keep an incremental state for the next input (default true). */
  incremental?: boolean;
}

/** The single edit turning `before` into `after` (common prefix and suffix kept). */
export function diffEdit(before: string, after: string): { start: number; end: number; text: string } {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** The first path where two values differ, for a readable message. */
export function firstDifference(a: unknown, b: unknown, where = '$', depth = 0): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (depth > 12 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${where}: ${JSON.stringify(a)?.slice(0, 120)} != ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const d = firstDifference((a as any)[key], (b as any)[key], `${where}.${key}`, depth + 1);
    if (d) return d;
  }
  return `${where}: differ`;
}

export function timeBoundMs(text: string, factor = 1): number {
  return (50 + (2 * text.length) / 1024) * factor;
}

const catalog = ProjectCatalog.snapshot();
const quotas = Quotas.defaults();

/** A small workspace for the features that read knowledge: the fuzzed file plus the invented fixtures. */
class FeatureWorld {
  readonly index = new WorkspaceIndex();
  readonly knowledge = KnowledgeIndex.attach(this.index, () => catalog);
}

let world: FeatureWorld | undefined;
function featureWorld(): FeatureWorld {
  if (!world) {
    world = new FeatureWorld();
    for (const file of listFiles(FIXTURES_DIR).filter((f) => !f.startsWith(FUZZ_FIXTURES_DIR))) {
      try {
        const text = readFileSync(file, 'utf8');
        world.index.set(`file://${file}`, file, parseIdeas(text, { path: file }));
      } catch {
        // An unreadable fixture is not the fuzzer's business.
      }
    }
  }
  return world;
}

/** Runs every check on one input. Never throws: what would have thrown is a failure. */
export function checkInput(text: string, options: CheckOptions): InputResult {
  const failures: Failure[] = [];
  const fail = (check: string, message: string) => failures.push({ check, message: message.slice(0, 500) });
  const lines = lspLines(text);
  const rng = options.rng ?? new Rng(text.length);
  const result: InputResult = { failures, ms: 0, boundMs: timeBoundMs(text, options.boundFactor) };
  let incrementalMs = 0;
  const started = performance.now();
  let model: IdeasModel | undefined;
  let spans: { where: string; span: Span }[] = [];
  try {
    model = parseIdeas(text, { path: options.path });
  } catch (error) {
    fail('parse-throws', errorText(error));
  }
  if (model) {
    if (model.lineCount !== lines.length) fail('line-count', `model.lineCount ${model.lineCount}, document has ${lines.length} lines`);
    spans = collectSpans(model, 'model');
    for (const found of spans) {
      const problem = rangeProblem(found.span, lines);
      if (problem) {
        fail('model-range', `${found.where}: ${problem}`);
        break;
      }
    }
    const incrementalStarted = performance.now();
    if (options.previous) {
      const edit = diffEdit(options.previous.text, text);
      try {
        const next = applyEdits(options.previous.state, [edit]);
        const difference = firstDifference(next.model, model, 'model');
        if (difference) fail('incremental-differs', `edit ${edit.start}-${edit.end} -> ${JSON.stringify(edit.text.slice(0, 80))}: ${difference}`);
        result.state = next;
      } catch (error) {
        fail('incremental-throws', errorText(error));
      }
    } else if (options.incremental !== false) {
      try {
        result.state = parseFull(text, { path: options.path });
      } catch (error) {
        fail('incremental-throws', `parseFull: ${errorText(error)}`);
      }
    }
    incrementalMs = performance.now() - incrementalStarted;
    try {
      const symbols = documentSymbols(model);
      checkSymbols(symbols, lines, 'symbols', fail);
    } catch (error) {
      fail('symbols-throws', errorText(error));
    }
    const w = featureWorld();
    const uri = 'file:///fuzz/input.md';
    try {
      w.index.set(uri, options.path, model);
    } catch (error) {
      fail('index-throws', errorText(error));
    }
    const term = termOfPath(options.path);
    const ruleContext = {
      uri,
      path: options.path,
      text,
      lines,
      model,
      term,
      catalog,
      quotas,
      knowledge: knowledgeView(w.index, w.knowledge),
    };
    for (const rule of RULES) {
      try {
        for (const finding of rule.check(ruleContext)) {
          const problem = rangeProblem(finding.range, lines);
          if (problem) {
            fail(`rule-range:${rule.id}`, `${rule.id} "${finding.message.slice(0, 80)}": ${problem}`);
            break;
          }
          if (!finding.message.trim()) fail(`rule-message:${rule.id}`, `${rule.id}: empty message`);
          for (const fix of finding.fixes ?? []) {
            for (const edit of fix.edits) {
              const editProblem = rangeProblem(edit.range, lines);
              if (editProblem) fail(`fix-range:${rule.id}`, `${rule.id} fix "${fix.title}": ${editProblem}`);
            }
          }
        }
      } catch (error) {
        fail(`rule-throws:${rule.id}`, errorText(error));
      }
    }
    for (const pos of samplePositions(spans.map((s) => s.span), lines, rng, options.positions ?? 6)) {
      try {
        const list = completion(model, pos, lines[pos.line], { knowledge: w.knowledge, catalog }, pos.line > 0 ? lines[pos.line - 1] : '');
        for (const item of list.items.slice(0, 200)) {
          const edit = item.textEdit as { range?: Span; insert?: Span; replace?: Span } | undefined;
          for (const r of [edit?.range, edit?.insert, edit?.replace]) {
            const problem = r && rangeProblem(r, lines);
            if (problem) fail('completion-range', `completion "${item.label}" at ${pos.line}:${pos.character}: ${problem}`);
          }
          const doc = item.documentation;
          if (doc && typeof doc === 'object') {
            if ((doc as { isTrusted?: boolean }).isTrusted) fail('completion-trusted', `completion "${item.label}": documentation marked trusted`);
            const unsafe = unsafeMarkdown(doc.value);
            if (unsafe) fail('completion-unsafe', `completion "${item.label}": ${unsafe}`);
          }
        }
      } catch (error) {
        fail('completion-throws', `at ${pos.line}:${pos.character}: ${errorText(error)}`);
      }
      try {
        const result = hover(model, uri, term, pos, { knowledge: w.knowledge, catalog, quotas });
        if (result) {
          const problem = rangeProblem(result.range, lines);
          if (problem) fail('hover-range', `hover at ${pos.line}:${pos.character}: ${problem}`);
          const unsafe = unsafeMarkdown(result.contents.value);
          if (unsafe) fail('hover-unsafe', `hover at ${pos.line}:${pos.character}: ${unsafe}`);
        }
      } catch (error) {
        fail('hover-throws', `at ${pos.line}:${pos.character}: ${errorText(error)}`);
      }
    }
  }
  // The incremental update is timed on its own: it is one more parse on top of the full one.
  result.ms = performance.now() - started - incrementalMs;
  result.model = model;
  return result;
}

function checkSymbols(symbols: unknown, lines: string[], where: string, fail: (check: string, message: string) => void): void {
  if (!Array.isArray(symbols)) return fail(`${where}-shape`, 'documentSymbol did not answer a list');
  const walk = (list: any[], at: string): boolean => {
    for (const [i, s] of list.entries()) {
      const here = `${at}[${i}]`;
      if (typeof s.name !== 'string' || !s.name.trim()) return (fail(`${where}-name`, `${here}: empty symbol name (VS Code rejects it)`), false);
      for (const key of ['range', 'selectionRange'] as const) {
        const problem = rangeProblem(s[key], lines);
        if (problem) return (fail(`${where}-range`, `${here}.${key}: ${problem}`), false);
      }
      if (!spanInside(s.selectionRange, s.range)) return (fail(`${where}-selection`, `${here}: selectionRange not inside range (VS Code rejects it)`), false);
      if (s.children && !walk(s.children, `${here}.children`)) return false;
    }
    return true;
  };
  walk(symbols, where);
}

/** Markdown that would render something from the document as live: a command link, raw HTML, a remote image. */
export function unsafeMarkdown(markdown: string): string | undefined {
  // Unescaped: not preceded by a backslash.
  if (/(^|[^\\])\]\(\s*command:/i.test(markdown)) return 'command link';
  if (/(^|[^\\])!\[[^\]]*\]\(/.test(markdown)) return 'image';
  if (/(^|[^\\])<\s*(img|script|iframe|a|svg|style|object|embed|video|audio|details|form|input)\b/i.test(markdown)) return 'raw HTML';
  if (/(^|[^\\])<!--/.test(markdown)) return 'HTML comment';
  return undefined;
}

/** Where to ask for hovers: every interesting span start, plus random positions, capped. */
function samplePositions(spans: Span[], lines: string[], rng: Rng, extra: number): Pos[] {
  const out: Pos[] = [];
  for (let k = 0; k < extra && spans.length; k++) {
    const s = rng.pick(spans);
    out.push(rng.chance(0.5) ? s.start : s.end);
  }
  for (let k = 0; k < extra; k++) {
    const line = rng.int(lines.length);
    out.push({ line, character: rng.int(lines[line].length + 1) });
  }
  return out;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}

// ---- inputs -------------------------------------------------------------------------------------

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

export interface Seed {
  name: string;
  text: string;
  /** Virtual path for the parser. */
  path: string;
  /** From a SEED_DIR (real files, real people): failing inputs are kept out of the repository. */
  external: boolean;
  /** Milliseconds the unmutated seed takes (measured once, lazily): the machine's own speed. */
  baselineMs?: number;
}

/** The virtual path a seed is parsed under, from its name: GSoC, term README or project_ideas. */
export function virtualPath(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('summerofcode') || n.includes('gsoc')) return '/ws/programs/summerofcode/2025.md';
  if (n.includes('readme')) return '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md';
  return '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';
}

export function loadSeeds(dirs: readonly string[], includeFixtures = true): Seed[] {
  const seeds: Seed[] = [];
  const add = (file: string, base: string, external: boolean) => {
    if (!/\.(md|markdown|txt)$/i.test(file)) return;
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size > 3_000_000) return;
    const text = readFileSync(file, 'utf8');
    const name = path.relative(base, file);
    seeds.push({ name, text, path: virtualPath(name), external });
  };
  if (includeFixtures) for (const f of listFiles(FIXTURES_DIR)) add(f, REPO_ROOT, false);
  for (const dir of dirs) for (const f of listFiles(dir)) add(f, dir, true);
  return seeds;
}

// ---- the run ------------------------------------------------------------------------------------

export interface FuzzOptions {
  seconds: number;
  seed: number;
  seedDirs: string[];
  includeFixtures?: boolean;
  /** Save failing inputs under test/fixtures/fuzz/ (default true in the CLI, false in tests). */
  save?: boolean;
  /** Every N iterations, also send the input through the real server (0: never). */
  serverEvery?: number;
  boundFactor?: number;
  maxIterations?: number;
  log?: (line: string) => void;
}

export interface FuzzFailure extends Failure {
  seed: string;
  mutations: string[];
  input: string;
  path: string;
  savedAs?: string;
}

export interface FuzzReport {
  iterations: number;
  elapsedMs: number;
  seeds: number;
  slowest?: { seed: string; mutations: string[]; bytes: number; ms: number; boundMs: number };
  /** Inputs over their time bound on three tries. */
  slow: { seed: string; mutations: string[]; bytes: number; ms: number; boundMs: number; savedAs?: string }[];
  /** Inputs over the absolute bound only, not over their seed's own time (a loaded machine). */
  overBound: number;
  failures: FuzzFailure[];
  serverChecks: number;
  mutationCounts: Record<string, number>;
}

/** Shrinks a failing input line by line while `stillFails` holds, within a time budget. */
export function shrink(text: string, stillFails: (candidate: string) => boolean, budgetMs = 3000): string {
  const deadline = Date.now() + budgetMs;
  let lines = splitKeep(text);
  let chunk = Math.max(1, lines.length >> 1);
  while (chunk >= 1 && Date.now() < deadline) {
    let removed = false;
    for (let i = 0; i < lines.length && Date.now() < deadline; ) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (candidate.length && stillFails(candidate.join(''))) {
        lines = candidate;
        removed = true;
      } else i += chunk;
    }
    if (!removed) chunk >>= 1;
  }
  return lines.join('');
}

/** Checks that depend on the positions sampled for hover and completion. */
const POSITION_CHECK = /^(?:hover|completion)-/;

export function fixtureName(failure: Pick<FuzzFailure, 'check' | 'path'>, text: string): string {
  const kind = failure.path.includes('summerofcode') ? 'gsoc' : failure.path.endsWith('README.md') ? 'readme' : 'ideas';
  const hash = createHash('sha1').update(text).digest('hex').slice(0, 10);
  return `${kind}-${failure.check}-${hash}.md`;
}

/** The virtual path a saved fixture is replayed under, from its name's prefix. */
export function fixturePath(name: string): string {
  if (name.startsWith('gsoc-')) return '/ws/programs/summerofcode/2025.md';
  if (name.startsWith('readme-')) return '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md';
  return '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';
}

/** Where inputs derived from SEED_DIR files go: outside the repository, since they may hold real names. */
export const EXTERNAL_FAILURES_DIR = path.join(tmpdir(), 'project-ideas-fuzz');

function saveFixture(failure: Pick<FuzzFailure, 'check' | 'path'>, text: string, before?: string, external = false, chain?: string[]): string {
  const dir = external ? EXTERNAL_FAILURES_DIR : FUZZ_FIXTURES_DIR;
  mkdirSync(dir, { recursive: true });
  const name = fixtureName(failure, text);
  const file = path.join(dir, name);
  if (!existsSync(file)) writeFileSync(file, text);
  // An incremental failure needs the text before the edit too: `<name>.before.md` beside it.
  if (before !== undefined) writeFileSync(file.replace(/\.md$/, '.before'), before);
  // `<name>.chain`: every text of the edit chain (JSON), first to the one before the last edit.
  if (chain) writeFileSync(file.replace(/\.md$/, '.chain'), JSON.stringify(chain));
  return external ? file : path.relative(REPO_ROOT, file);
}

/** The incremental state after replaying a saved chain of texts edit by edit, from a full parse of the first. */
export function stateAfterChain(chain: readonly string[], path: string): IncrementalState {
  let state = parseFull(chain[0], { path });
  for (let i = 1; i < chain.length; i++) state = applyEdits(state, [diffEdit(chain[i - 1], chain[i])]);
  return state;
}

/** Hooks a server pass can plug in (kept out of this module so the unit test needs no dist/). */
export interface ServerPass {
  check(text: string, name: string): Promise<Failure[]>;
  close(): Promise<void>;
}

export async function runFuzz(options: FuzzOptions, serverPass?: ServerPass): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const rng = new Rng(options.seed);
  const seeds = loadSeeds(options.seedDirs, options.includeFixtures ?? true);
  if (!seeds.length) throw new Error('no seed files');
  const texts = seeds.map((s) => s.text);
  const names = Object.keys(MUTATIONS);
  const report: FuzzReport = { iterations: 0, elapsedMs: 0, seeds: seeds.length, slow: [], overBound: 0, failures: [], serverChecks: 0, mutationCounts: {} };
  const seenChecks = new Set<string>();
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  // Each seed is mutated in a chain of a few steps, so mutations compound (as edits in an editor do).
  let current: { seed: Seed; text: string; mutations: string[]; state?: IncrementalState; history: string[] } | undefined;
  while (Date.now() < deadline && (options.maxIterations === undefined || report.iterations < options.maxIterations)) {
    if (!current || current.mutations.length >= 1 + rng.int(8) || current.text.length > 4_000_000) {
      const seed = rng.pick(seeds);
      current = { seed, text: seed.text, mutations: [], history: [] };
    }
    const name = rng.pick(names);
    report.mutationCounts[name] = (report.mutationCounts[name] ?? 0) + 1;
    let next: string;
    try {
      next = MUTATIONS[name](current.text, rng, texts);
    } catch (error) {
      throw new Error(`mutation ${name} threw: ${errorText(error)}`);
    }
    current.mutations.push(name);
    const previous = current.state ? { text: current.text, state: current.state } : undefined;
    if (current.state) current.history.push(current.text);
    current.text = next;
    report.iterations++;
    const result = checkInput(next, { path: current.seed.path, rng, boundFactor: options.boundFactor, previous });
    current.state = result.state;
    const where = { seed: current.seed.name, mutations: [...current.mutations] };
    if (!report.slowest || result.ms > report.slowest.ms) {
      report.slowest = { ...where, bytes: next.length, ms: result.ms, boundMs: result.boundMs };
    }
    if (result.ms > result.boundMs) {
      // Timing is noisy, and a loaded machine is slow on everything: an input is slow when it is over
      // its bound three times in a row AND over 3x what its unmutated seed takes per byte (+50 ms).
      const seed = current.seed;
      if (seed.baselineMs === undefined) {
        seed.baselineMs = Math.min(...[0, 1].map(() => checkInput(seed.text, { path: seed.path, incremental: false, positions: 6 }).ms));
      }
      const relativeMs = 50 + (3 * seed.baselineMs * Math.max(next.length, 1)) / Math.max(seed.text.length, 1);
      const retries = result.ms > relativeMs ? [0, 1].map(() => checkInput(next, { path: seed.path, boundFactor: options.boundFactor, incremental: false }).ms) : [];
      const best = Math.min(result.ms, ...retries);
      if (best > result.boundMs && best > relativeMs) {
        const entry: FuzzReport['slow'][number] = { ...where, bytes: next.length, ms: best, boundMs: result.boundMs };
        if (options.save) entry.savedAs = saveFixture({ check: 'slow', path: current.seed.path }, next, undefined, current.seed.external);
        report.slow.push(entry);
        log(`SLOW ${best.toFixed(1)} ms > ${result.boundMs.toFixed(1)} ms: ${where.seed} after ${where.mutations.join(', ')}${entry.savedAs ? ` -> ${entry.savedAs}` : ''}`);
      } else report.overBound++;
    }
    for (const failure of result.failures) {
      const key = `${failure.check}`;
      if (seenChecks.has(key) && report.failures.length > 50) continue;
      const first = !seenChecks.has(key);
      seenChecks.add(key);
      const entry: FuzzFailure = { ...failure, ...where, input: next, path: current.seed.path };
      if (first && options.save) {
        if (failure.check.startsWith('incremental') && previous) {
          // The state may carry the problem from earlier edits: keep the whole chain when the last edit
          // alone (from a fresh state) does not reproduce it.
          const alone = checkInput(next, { path: entry.path, positions: 0, previous: { text: previous.text, state: parseFull(previous.text, { path: entry.path }) } });
          const reproduces = alone.failures.some((f) => f.check === failure.check);
          entry.savedAs = saveFixture(entry, next, previous.text, current.seed.external, reproduces ? undefined : current.history);
        } else {
          const small = shrink(next, (candidate) =>
            checkInput(candidate, { path: entry.path, positions: POSITION_CHECK.test(failure.check) ? 40 : 0, rng: new Rng(1), incremental: false }).failures.some(
              (f) => f.check === failure.check,
            ),
          );
          // Hover and completion failures depend on sampled positions: the shrunk input may no longer
          // fail; the replay samples many more positions, and the whole input is kept when nothing shrank.
          entry.savedAs = saveFixture(entry, small.length ? small : next, undefined, current.seed.external);
        }
      }
      report.failures.push(entry);
      if (first) log(`FAIL ${failure.check}: ${failure.message.split('\n')[0]} (${where.seed} after ${where.mutations.join(', ')})${entry.savedAs ? ` -> ${entry.savedAs}` : ''}`);
    }
    if (serverPass && options.serverEvery && report.iterations % options.serverEvery === 0) {
      const failures = await serverPass.check(next, where.seed);
      report.serverChecks++;
      for (const failure of failures) {
        const entry: FuzzFailure = { ...failure, ...where, input: next, path: current.seed.path };
        if (!seenChecks.has(failure.check) && options.save) entry.savedAs = saveFixture(entry, next, undefined, current.seed.external);
        seenChecks.add(failure.check);
        report.failures.push(entry);
        log(`FAIL (server) ${failure.check}: ${failure.message.split('\n')[0]}${entry.savedAs ? ` -> ${entry.savedAs}` : ''}`);
      }
    }
    if (report.iterations % 500 === 0) log(`${report.iterations} iterations, ${report.failures.length} failures`);
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

// ---- the real server ----------------------------------------------------------------------------

/** Sends inputs through dist/server.js: symbols, hovers, completion and diagnostics must all answer. */
export async function startServerPass(): Promise<ServerPass> {
  const { LspClient } = await import('../test/server/lspClient');
  const client = await LspClient.spawn({ settings: {} });
  let n = 0;
  const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
  return {
    async check(text: string): Promise<Failure[]> {
      const failures: Failure[] = [];
      const uri = `file:///fuzz/server/${n++}/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md`;
      const lines = lspLines(text);
      const bound = Math.max(5000, timeBoundMs(text) * 20);
      client.open(uri, text);
      try {
        const symbols = await withTimeout(client.request('textDocument/documentSymbol', { textDocument: { uri } }), bound, 'documentSymbol');
        checkSymbols(symbols, lines, 'server-symbols', (check, message) => failures.push({ check, message }));
        const rng = new Rng(n);
        for (let k = 0; k < 4; k++) {
          const line = rng.int(lines.length);
          const position = { line, character: rng.int(lines[line].length + 1) };
          const h: any = await withTimeout(client.request('textDocument/hover', { textDocument: { uri }, position }), bound, 'hover').catch(methodMissing);
          if (h?.range && rangeProblem(h.range, lines)) failures.push({ check: 'server-hover-range', message: rangeProblem(h.range, lines)! });
          const value = typeof h?.contents === 'object' && h.contents && 'value' in h.contents ? String(h.contents.value) : '';
          if (h?.contents?.isTrusted) failures.push({ check: 'server-hover-trusted', message: 'hover markdown marked trusted' });
          const unsafe = unsafeMarkdown(value);
          if (unsafe) failures.push({ check: 'server-hover-unsafe', message: unsafe });
          await withTimeout(client.request('textDocument/completion', { textDocument: { uri }, position }), bound, 'completion').catch(methodMissing);
        }
        const diagnostics: any = await withTimeout(client.request('textDocument/diagnostic', { textDocument: { uri } }), bound, 'diagnostic').catch(methodMissing);
        for (const d of diagnostics?.items ?? []) {
          const problem = rangeProblem(d.range, lines);
          if (problem) {
            failures.push({ check: 'server-diagnostic-range', message: `${d.code ?? ''}: ${problem}` });
            break;
          }
        }
      } catch (error) {
        failures.push({ check: 'server-error', message: errorText(error) });
      } finally {
        client.close(uri);
      }
      if (client.process.exitCode !== null) failures.push({ check: 'server-exited', message: `exit code ${client.process.exitCode}` });
      return failures;
    },
    close: () => client.stop(),
  };
}

/** A request the server does not implement yet answers MethodNotFound: not a failure. */
function methodMissing(error: any): undefined {
  if (error?.code === -32601) return undefined;
  throw error;
}

// ---- CLI ----------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  let seconds = 30;
  let seed = Date.now() % 1_000_000;
  let serverEvery = 50;
  let save = true;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seconds') seconds = Number(argv[++i]);
    else if (arg === '--seed') seed = Number(argv[++i]);
    else if (arg === '--server-every') serverEvery = Number(argv[++i]);
    else if (arg === '--no-server') serverEvery = 0;
    else if (arg === '--no-save') save = false;
    else if (arg === '--help' || arg === '-h') {
      console.log('npm run fuzz -- [--seconds N] [--seed N] [--server-every N|--no-server] [--no-save] [SEED_DIR ...]');
      return 0;
    } else dirs.push(path.resolve(arg));
  }
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds expects a positive number');
  let serverPass: ServerPass | undefined;
  if (serverEvery > 0) {
    if (existsSync(path.join(REPO_ROOT, 'dist/server.js'))) serverPass = await startServerPass();
    else console.log('dist/server.js not built (npm run build): server pass skipped');
  }
  console.log(`fuzz: seed ${seed}, ${seconds} s, seed dirs: ${dirs.length ? dirs.join(', ') : '(fixtures only)'}`);
  const report = await runFuzz({ seconds, seed, seedDirs: dirs, save, serverEvery, log: (l) => console.log(l) }, serverPass);
  await serverPass?.close();
  console.log('');
  console.log(`iterations: ${report.iterations} in ${(report.elapsedMs / 1000).toFixed(1)} s over ${report.seeds} seed files (${report.serverChecks} through the server)`);
  if (report.slowest) {
    const s = report.slowest;
    console.log(`slowest: ${s.ms.toFixed(1)} ms for ${(s.bytes / 1024).toFixed(1)} KB (bound ${s.boundMs.toFixed(1)} ms): ${s.seed} after ${s.mutations.join(', ')}`);
  }
  console.log(`over the time bound and 3x their seed's own time: ${report.slow.length} (over the bound only, as the unmutated seed: ${report.overBound})`);
  if (report.failures.some((f) => f.savedAs?.startsWith(EXTERNAL_FAILURES_DIR)) || report.slow.some((f) => f.savedAs?.startsWith(EXTERNAL_FAILURES_DIR))) {
    console.log(`inputs derived from SEED_DIR files were saved under ${EXTERNAL_FAILURES_DIR} (they may hold real names):`);
    console.log('reduce each to an invented file before adding it to test/fixtures/fuzz/.');
  }
  for (const s of report.slow.slice(0, 10)) console.log(`  ${s.ms.toFixed(1)} ms > ${s.boundMs.toFixed(1)} ms, ${s.bytes} bytes: ${s.seed} after ${s.mutations.join(', ')}${s.savedAs ? ` -> ${s.savedAs}` : ''}`);
  const byCheck = new Map<string, FuzzFailure[]>();
  for (const f of report.failures) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
  console.log(`failures: ${report.failures.length} (${byCheck.size} distinct checks)`);
  for (const [check, list] of byCheck) {
    console.log(`  ${check} x${list.length}: ${list[0].message.split('\n')[0]}${list[0].savedAs ? ` -> ${list[0].savedAs}` : ''}`);
  }
  return report.failures.length || report.slow.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(2);
    },
  );
}

// ---- hostile inputs -------------------------------------------------------------------------------

export interface HostileInput {
  name: string;
  text: string;
}

const ENTRY = (title: string, mentors: string, upstream = 'https://github.com/acme-invented/widget/issues/1') =>
  `#### ${title}\n\n- Description: Invented work.\n- Expected Outcome: Something.\n- Recommended Skills: Go\n- Mentor(s):\n${mentors}\n- Upstream Issue: ${upstream}\n`;

/** A small invented ideas file with the template block, the base of several hostile inputs. */
export function inventedIdeasFile(proposals = 3): string {
  let out = '## Template\n\n```\n### CNCF Project Name\n\n#### Mentorship project Title\n\n- Description:\n- Expected Outcome:\n- Recommended Skills:\n- Mentor(s):\n  - Mentor Name (@mentor_github, mentor@email.addy)\n- Upstream Issue:\n```\n\n## Proposed Project ideas\n\n### Widgetry\n\n';
  for (let i = 0; i < proposals; i++) {
    out += ENTRY(`Invented proposal ${i}`, `  - Quinn Invented (@quinn-invented, quinn@example.invalid)\n  - Riley Madeup (@riley-madeup, riley@example.invalid)`, `https://github.com/acme-invented/widget/issues/${i + 1}`) + '\n';
  }
  return out;
}

/** The hostile inputs of the issue, each an invented text (sizes as named). */
export function hostileInputs(): HostileInput[] {
  const base = inventedIdeasFile(3);
  const tenMb = (() => {
    const unit = inventedIdeasFile(20);
    return unit.repeat(Math.ceil(10_000_000 / unit.length)).slice(0, 10_000_000);
  })();
  const oneMbLine = '- Description: ' + 'lorem ipsum dolor sit amet '.repeat(Math.ceil(1_000_000 / 27)).slice(0, 1_000_000) + '\n';
  let headings = '';
  for (let i = 0; i < 100_000; i++) headings += `${i % 2 ? '####' : '###'} Heading ${i}\n`;
  const allLabels = [
    'Description', 'Expected Outcome', 'Recommended Skills', 'Mentor(s)', 'Mentors', 'Upstream Issue', 'Upstream Issue (URL)', 'LFX URL',
    'Expected project size', 'Expected size of project', 'Difficulty',
  ];
  const emptyLabels = `### Widgetry\n\n#### Labels with nothing after\n\n${allLabels.map((l) => `- ${l}:`).join('\n')}\n${allLabels.map((l) => `- **${l}**:`).join('\n')}\n${allLabels.map((l) => `${l}:`).join('\n')}\n- Mentor(s):\n  -\n  - ()\n  - (@, )\n`;
  return [
    { name: '10 MB file', text: tenMb },
    { name: '1 MB single line', text: base + oneMbLine },
    { name: '10,000 nested list levels (one line)', text: base + '- '.repeat(10_000) + 'x\n' },
    { name: '1,000 nested list levels (indented)', text: base + Array.from({ length: 1000 }, (_, d) => '  '.repeat(d) + '- x').join('\n') + '\n' },
    { name: '10,000 nested blockquotes', text: base + '> '.repeat(10_000) + 'x\n' },
    { name: '100,000 headings', text: headings },
    { name: 'NUL bytes', text: base.replace(/ /g, (m, i: number) => (i % 7 ? m : '\0')) + '\0'.repeat(1000) },
    { name: 'lone surrogates', text: base.replace(/e/g, '\uD800').replace(/o/g, '\uDC00') + '#### \uDBFF\n- Mentor(s):\n  - \uD83D (@\uDE00, \uD800@example.invalid)\n' },
    { name: 'CRLF line endings', text: base.replace(/\n/g, '\r\n') },
    { name: 'CR-only line endings', text: base.replace(/\n/g, '\r') },
    { name: 'mixed line endings', text: base.replace(/\n/g, (_m, i: number) => ['\n', '\r\n', '\r'][i % 3]) },
    { name: 'BOM', text: '\uFEFF' + base },
    { name: 'tabs everywhere', text: base.replace(/ /g, '\t') },
    { name: 'handle of 100,000 characters', text: base + ENTRY('Long handle', `  - Long Handle (@${'a'.repeat(100_000)}, long@example.invalid)`) },
    { name: 'e-mail of 100,000 characters', text: base + ENTRY('Long e-mail', `  - Long Mail (@long-mail, ${'m'.repeat(50_000)}@${'d'.repeat(49_990)}.invalid)`) },
    { name: 'URL of 100,000 characters', text: base + ENTRY('Long URL', '  - Long Url (@long-url, url@example.invalid)', `https://github.com/acme-invented/${'r'.repeat(100_000)}/issues/1`) },
    { name: 'every field label with nothing after', text: base + emptyLabels },
    { name: 'RTL marks, zero-width and fullwidth colon', text: base.replace(/: /g, '\uFF1A\u200F ').replace(/@/g, '@\u200B').replace(/### /g, '### \u202E') },
    { name: 'unbalanced fence', text: '```\n' + base },
    { name: 'emoji and combining marks', text: base.replace(/Invented/g, '👩‍👩‍👧 In\u0301vented 😀') },
  ];
}
