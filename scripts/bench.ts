// Benchmark: our server (over stdio, dist/server.js) against what a naive server or the usual
// markdown tools do on the same text.
//
//   npm run bench -- [FILE] [--runs N]      one file (default: an invented ~170 KB term README); N = 100
//   npm run bench -- --workspace DIR        indexing a folder: time, memory, request latency meanwhile
//
// Prints medians and p95 in ms. No assertion: numbers only (targets are in docs and the issue).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../test/server/lspClient';
import { inventLargeFile } from '../test/unit/incrementalFixtures';
import { renderDraft, shippedForm } from '../server/src/drafts';

interface Stat {
  p50: number;
  p95: number;
  n: number;
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { p50: q(0.5), p95: q(0.95), n: s.length };
}

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const row = (name: string, s: Stat) => console.log(`  ${name.padEnd(48)} p50 ${fmt(s.p50).padStart(7)}  p95 ${fmt(s.p95).padStart(7)}  (n=${s.n})`);

function args() {
  const argv = process.argv.slice(2);
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    argv.splice(i, 2);
    return v;
  };
  const workspace = get('--workspace');
  const runs = Number(get('--runs') ?? 100);
  return { workspace, runs, file: argv[0] };
}

function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const now = () => performance.now();
/** Untimed rounds before each timed series. */
const WARM = 10;

// ---- the alternatives, in process ----------------------------------------------------------

async function alternatives(text: string, runs: number): Promise<Record<string, Stat>> {
  const out: Record<string, Stat> = {};
  const time = async (name: string, n: number, f: () => unknown) => {
    await f(); // warm-up
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = now();
      await f();
      xs.push(now() - t);
    }
    out[name] = stat(xs);
  };
  const remark = unified().use(remarkParse);
  const md = new MarkdownIt();
  const n = Math.max(5, Math.min(runs, 15));
  await time('remark-parse (unified) full parse', n, () => remark.parse(text));
  await time('markdown-it parse', n, () => md.parse(text, {}));

  const mdls = await import('vscode-markdown-languageservice');
  const { URI } = await import('vscode-uri');
  const { Emitter, CancellationTokenSource } = await import('vscode-languageserver/node');
  const emitter = new Emitter<any>();
  const workspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: emitter.event,
    onDidCreateMarkdownDocument: emitter.event,
    onDidDeleteMarkdownDocument: emitter.event,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const parser = { slugifier: mdls.githubSlugifier, tokenize: async (doc: { getText(): string }) => md.parse(doc.getText(), {}) };
  const ls = mdls.createLanguageService({ workspace: workspace as any, parser: parser as any, logger: { level: 0, log: () => undefined } as any });
  let k = 0;
  await time('vscode-markdown-languageservice symbols', n, () => {
    const doc = TextDocument.create(URI.file(`/bench/doc-${k++}.md`).toString(), 'markdown', 1, text);
    return ls.getDocumentSymbols(doc, {}, new CancellationTokenSource().token);
  });
  ls.dispose();
  const { lint } = (await import('markdownlint/sync')) as any;
  await time('markdownlint', Math.max(3, Math.min(n, 8)), () => lint({ strings: { doc: text } }));
  return out;
}

// ---- ours, over stdio -----------------------------------------------------------------------

/** Offsets of places to type: inside description values, spread over the file. */
function typingSpots(text: string, count: number): number[] {
  const spots: number[] = [];
  const re = /^[-*] (?:\*\*)?Description(?:\*\*)?:[^\n]{20}/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) spots.push(m.index + m[0].length);
  if (!spots.length) for (let i = 1; i <= count; i++) spots.push(Math.floor((text.length * i) / (count + 1)));
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(spots[Math.floor(((i * 7919) % spots.length + spots.length) % spots.length)]);
  return out;
}

interface Ours {
  /** Cold open of a text the server has not seen (every chunk new to its chunk scan cache). */
  cold: Stat;
  /** Cold open (new uri) of a text seen before: its chunks come from the cache. */
  coldSeen: Stat;
  editDiagnostics: Stat;
  enterDiagnostics: Stat;
  editSymbols: Stat;
  editHover: Stat;
  editCompletion: Stat;
  /** Request alone on an unchanged version. */
  symbolsCached: Stat;
  diagnosticsKind: string;
}

async function start(options: Parameters<typeof LspClient.spawn>[0]): Promise<LspClient> {
  const client = await LspClient.spawn(options);
  client.process.stdin?.on('error', () => undefined); // the server may exit before our last write
  return client;
}

async function ours(text: string, runs: number, coldRuns = 6): Promise<Ours> {
  const client = await start({ settings: {} });
  try {
    const dir = path.join(os.tmpdir(), 'project-ideas-bench');
    const uriOf = (name: string) => pathToFileURL(path.join(dir, name, 'programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md')).toString();
    // Cold open: didOpen then the first documentSymbol answer (includes sending the text). The
    // server remembers chunk scans by text (shared across documents), so each run gets its own
    // text: every heading line carries the run number, which makes every chunk new.
    const fresh = (i: number) => text.replace(/^(#{1,6}[ \t][^\r\n]*)/gm, `$1 r${i}`);
    const colds: number[] = [];
    const coldsSeen: number[] = [];
    for (let i = 0; i < coldRuns + 1; i++) {
      for (const [seen, xs] of [[false, colds], [true, coldsSeen]] as const) {
        const uri = uriOf(`cold-${i}-${seen}`);
        const body = seen ? text : fresh(i);
        const t = now();
        client.open(uri, body);
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        if (i > 0) xs.push(now() - t); // the first one also warms the JIT
        client.close(uri);
      }
    }
    const uri = uriOf('edit');
    client.open(uri, text);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    let diagnosticsKind = 'textDocument/diagnostic';
    try {
      await client.request('textDocument/diagnostic', { textDocument: { uri } });
    } catch {
      diagnosticsKind = 'unavailable';
    }
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    let version = 1;
    // Hover and completion positions: a mentor handle, and a fresh `@` typed in a mentor line.
    const handleAt = text.search(/\(@[a-z]/);
    const spots = typingSpots(text, runs * 2);
    let pending = false;
    let spotIndex = 0;
    /** One-character edit (insert, then delete it the next time: the text stays the same size). */
    const oneChar = () => {
      const at = spots[spotIndex % spots.length];
      const start = doc.positionAt(at);
      let change;
      if (!pending) change = { range: { start, end: start }, text: 'x' };
      else {
        change = { range: { start, end: doc.positionAt(at + 1) }, text: '' };
        spotIndex++;
      }
      pending = !pending;
      TextDocument.update(doc, [change], ++version);
      client.change(uri, [change]);
    };
    const measure = async (method: string, params: () => unknown, edit: () => void, n: number) => {
      const xs: number[] = [];
      // Ten untimed rounds first: the JIT and the caches settle (and a collection after the cold opens).
      for (let i = 0; i < n + WARM; i++) {
        const t = now();
        edit();
        await client.request(method, params());
        if (i >= WARM) xs.push(now() - t);
      }
      return stat(xs);
    };
    const ident = { textDocument: { uri } };
    const diagMethod = diagnosticsKind === 'unavailable' ? 'textDocument/documentSymbol' : 'textDocument/diagnostic';
    const editDiagnostics = await measure(diagMethod, () => ident, oneChar, runs);
    if (pending) oneChar();
    // Enter: a line break in a description, then removed (line shifts for everything below).
    // Pair each Enter with its removal at the same spot.
    const enterXs: number[] = [];
    for (let i = 0; i < runs + WARM; i++) {
      const at = spots[(spotIndex + i) % spots.length];
      for (const insert of [true, false]) {
        const change = insert
          ? { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: '\n' }
          : { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '' };
        const t = now();
        TextDocument.update(doc, [change], ++version);
        client.change(uri, [change]);
        await client.request(diagMethod, ident);
        if (i >= WARM) enterXs.push(now() - t);
      }
    }
    const editSymbols = await measure('textDocument/documentSymbol', () => ident, oneChar, runs);
    if (pending) oneChar();
    const editHover = await measure('textDocument/hover', () => ({ ...ident, position: doc.positionAt(handleAt + 2) }), oneChar, runs);
    if (pending) oneChar();
    // Completion after `@` at the end of a mentor line (typed, then removed by the next edit).
    const mentorLine = text.search(/^ {2}- [^\n]*\(@/m);
    const lineEnd = text.indexOf('\n', mentorLine);
    let typed = false;
    const typeAt = () => {
      const p = doc.positionAt(lineEnd);
      const change = !typed ? { range: { start: p, end: p }, text: ' @' } : { range: { start: doc.positionAt(lineEnd), end: doc.positionAt(lineEnd + 2) }, text: '' };
      typed = !typed;
      TextDocument.update(doc, [change], ++version);
      client.change(uri, [change]);
    };
    const editCompletion = await measure('textDocument/completion', () => ({ ...ident, position: doc.positionAt(lineEnd + (typed ? 2 : 0)) }), typeAt, runs);
    const cachedXs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      await client.request('textDocument/documentSymbol', ident);
      cachedXs.push(now() - t);
    }
    return { cold: stat(colds), coldSeen: stat(coldsSeen), editDiagnostics, enterDiagnostics: stat(enterXs), editSymbols, editHover, editCompletion, symbolsCached: stat(cachedXs), diagnosticsKind };
  } finally {
    await client.stop();
  }
}

/** An invented LFX issue-form draft with a long description (about 2,500 characters) and four mentors. */
function inventDraft(): string {
  const paragraph = 'Render latency views from the spans the example tracer collects, so that operators see slow paths at a glance. ';
  return renderDraft(shippedForm(), {
    cncf_project: 'Jaeger',
    term: '2026 Term 3 (Sep-Nov)',
    program_name: 'Latency views for operators',
    program_description: `## Description\n${paragraph.repeat(14)}\n\n## Expected outcomes\n- A latency view\n- A guide for operators`,
    technologies: 'Go, TypeScript, React',
    skills_same: ['Yes, the required skills are the same as the technologies listed above.'],
    mentors: ['Mira Quell | @mquell | mira@example.org | mquell', 'Tobias Venn | @tvenn | tobias@example.net | tvenn', 'Ada Brook | @abrook | ada@example.com | abrook', 'Ivo Lind | @ilind | ivo@example.net | ilind'].join('\n'),
    upstream_issue_url: 'https://github.com/example-org/tracer/issues/12',
  });
}

/** Typing in a draft (the description): 1-char edit -> fresh diagnostics and -> inlay hints, over stdio. */
async function draftTyping(runs: number): Promise<{ editDiagnostics: Stat; editHints: Stat; size: number }> {
  const client = await start({ settings: {} });
  try {
    const text = inventDraft();
    const uri = pathToFileURL(path.join(os.tmpdir(), 'project-ideas-bench', 'latency.lfx-proposal.md')).toString();
    client.open(uri, text);
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    let version = 1;
    const from = text.indexOf('Render latency');
    let pending = false;
    let spot = 0;
    const oneChar = () => {
      const at = from + ((spot * 37) % 2000);
      const change = !pending
        ? { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: 'x' }
        : { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '' };
      if (pending) spot++;
      pending = !pending;
      TextDocument.update(doc, [change], ++version);
      client.change(uri, [change]);
    };
    const measure = async (method: string, params: unknown) => {
      const xs: number[] = [];
      for (let i = 0; i < runs + WARM; i++) {
        const t = now();
        oneChar();
        await client.request(method, params);
        if (i >= WARM) xs.push(now() - t);
      }
      if (pending) oneChar();
      return stat(xs);
    };
    const editDiagnostics = await measure('textDocument/diagnostic', { textDocument: { uri } });
    const editHints = await measure('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } } });
    return { editDiagnostics, editHints, size: text.length };
  } finally {
    await client.stop();
  }
}

/** Edit -> diagnostics p50/p95 on the same text repeated k times. */
/**
 * Copy `i` of a file with its own headings and issue numbers, so a repeated file grows like a real
 * one (more proposals), not like one with every proposal duplicated (duplicate-title and
 * duplicate-upstream findings on every entry).
 */
function distinctCopy(text: string, i: number): string {
  if (i === 0) return text;
  return text
    .replace(/^(#{1,6}[ \t]+\S.*?)[ \t]*$/gm, `$1 (copy ${i + 1})`)
    .replace(/\/(issues|pull|discussions)\/(\d+)/g, (_m, kind: string, n: string) => `/${kind}/${i + 1}0${n}`);
}

async function scaling(text: string, runs: number): Promise<void> {
  console.log('\nScaling: one-character edit -> fresh diagnostics, the file repeated (each copy its own titles and issues)');
  for (const k of [1, 2, 4]) {
    const big = Array.from({ length: k }, (_, i) => distinctCopy(text, i)).join('\n');
    const r = await ours(big, Math.max(15, Math.floor(runs / 2)), 2);
    console.log(`  ${String(k).padStart(1)}x  ${(big.length / 1024).toFixed(0).padStart(5)} KB   edit->diagnostics p50 ${fmt(r.editDiagnostics.p50).padStart(6)}  p95 ${fmt(r.editDiagnostics.p95).padStart(6)}   cold open p50 ${fmt(r.cold.p50)}`);
  }
}

async function benchFile(file: string | undefined, runs: number): Promise<void> {
  const text = file ? fs.readFileSync(file, 'utf8') : inventLargeFile(170_000);
  console.log(`File: ${file ?? 'invented term README (generated)'} — ${(text.length / 1024).toFixed(1)} KB, ${text.split('\n').length} lines; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
  const o = await ours(text, runs);
  console.log('\nOurs (real server over stdio), ms:');
  row('cold open -> first documentSymbol (new text)', o.cold);
  row('cold open, text seen before (chunks cached)', o.coldSeen);
  row(`1-char edit -> fresh diagnostics (${o.diagnosticsKind})`, o.editDiagnostics);
  row('Enter (line shift) -> fresh diagnostics', o.enterDiagnostics);
  const d = await draftTyping(runs);
  row(`same in an LFX draft (${(d.size / 1024).toFixed(1)} KB) -> diagnostics`, d.editDiagnostics);
  row('1-char edit in the draft -> inlay hints', d.editHints);
  row('1-char edit -> documentSymbol', o.editSymbols);
  row('1-char edit -> hover', o.editHover);
  row('`@` typed -> completion', o.editCompletion);
  row('documentSymbol, unchanged version', o.symbolsCached);
  const alt = await alternatives(text, runs);
  console.log('\nAlternatives on the same text (in process, no transport), ms:');
  for (const [name, s] of Object.entries(alt)) row(name, s);
  console.log('\nRatios (alternative p50 / ours p50; > 1 means ours is faster):');
  const ratio = (name: string, s: Stat) =>
    console.log(`  ${name.padEnd(40)} ` + Object.entries(alt).map(([a, x]) => `${a.split(' ')[0]} ${(x.p50 / s.p50).toFixed(1)}x`).join('  '));
  ratio('edit -> diagnostics', o.editDiagnostics);
  ratio('edit -> documentSymbol', o.editSymbols);
  ratio('edit -> hover', o.editHover);
  ratio('edit -> completion', o.editCompletion);
  ratio('cold open (new text)', o.cold);
  await scaling(text, runs);
}

// ---- workspace ------------------------------------------------------------------------------

async function benchWorkspace(dir: string, runs: number): Promise<void> {
  const root = path.resolve(dir);
  const files = fs.readdirSync(root).filter((f) => f.endsWith('.md'));
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(root, f)).size, 0);
  console.log(`Workspace: ${root} — ${files.length} markdown files, ${(bytes / 1024 / 1024).toFixed(1)} MB; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
  const largest = files.map((f) => ({ f, size: fs.statSync(path.join(root, f)).size })).sort((a, b) => b.size - a.size)[0]?.f;
  const t0 = now();
  const client = await start({ folders: [root], settings: { files: ['**/*.md'] } });
  const started = now();
  const rssStart = rssOf(client.process.pid);
  // vscode-jsonrpc routes `$/progress` to progress handlers, so also accept the server's
  // "indexed N files" log line (sent just before the progress ends).
  const ended = () =>
    client.notifications.some(
      (n) => (n.method === '$/progress' && n.params?.value?.kind === 'end') || (n.method === 'window/logMessage' && /indexed \d+ files/.test(n.params?.message ?? '')),
    );
  // An open document answering requests while the index builds.
  const uri = pathToFileURL(path.join(root, largest)).toString();
  const text = fs.readFileSync(path.join(root, largest), 'utf8');
  client.open(uri, text);
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const handleAt = text.search(/\(@[a-z]/);
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  const during: number[] = [];
  const hoverDuring: number[] = [];
  while (!ended() && now() - started < 120_000) {
    let t = now();
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    during.push(now() - t);
    if (handleAt >= 0) {
      t = now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(handleAt + 2) });
      hoverDuring.push(now() - t);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const indexMs = now() - started;
  // Settle, then memory.
  const symbols = await client.request<any[]>('workspace/symbol', { query: '' });
  await new Promise((r) => setTimeout(r, 500));
  const rssEnd = rssOf(client.process.pid);
  console.log(`\n  server start (initialize)                      ${fmt(started - t0)} ms`);
  console.log(`  workspace index (initialized -> progress end)  ${fmt(indexMs)} ms   (${ended() ? 'ended' : 'TIMED OUT'})`);
  console.log(`  workspace symbols after                        ${symbols?.length ?? 0}`);
  console.log(`  server RSS at start / after indexing           ${fmt(rssStart)} MB / ${fmt(rssEnd)} MB`);
  row('documentSymbol while indexing', stat(during.length ? during : [NaN]));
  row('hover while indexing', stat(hoverDuring.length ? hoverDuring : [NaN]));
  const info = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message).filter((m: string) => /indexed/.test(m));
  for (const m of info) console.log(`  server: ${m}`);
  await client.stop();
  void runs;
}

async function main(): Promise<void> {
  const { workspace, runs, file } = args();
  if (workspace) await benchWorkspace(workspace, runs);
  else await benchFile(file, runs);
}

// A server stopped by `exit` rejects our last writes: not a benchmark failure.
process.on('unhandledRejection', (error: any) => {
  if (error?.code !== 'ERR_STREAM_DESTROYED') throw error;
});

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
