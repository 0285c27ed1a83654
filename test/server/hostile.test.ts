// Hostile inputs through the real server: every request answers, in bounded time, with ranges inside
// the document; files over projectIdeas.maxFileSize get the outline only and a clear message; the
// markdown shown in hovers and completion never renders document text as links, images or HTML.
// A table of what each input produced is printed at the end (PROJECT_IDEAS_HOSTILE_TABLE=0 hides it).
import { strict as assert } from 'node:assert';
import { hostileInputs, inventedIdeasFile, lspLines, rangeProblem, timeBoundMs, unsafeMarkdown } from '../../scripts/fuzz';
import { LspClient } from './lspClient';

const URI_BASE = 'file:///hostile/programs/lfx-mentorship/2025/01-Mar-May';

interface Row {
  input: string;
  bytes: number;
  symbols: number;
  diagnostics: string;
  hover: string;
  completion: string;
  ms: number;
}

function countSymbols(symbols: any[] | null): number {
  let n = 0;
  const walk = (list: any[]) => {
    for (const s of list) {
      n++;
      if (s.children) walk(s.children);
    }
  };
  walk(symbols ?? []);
  return n;
}

/**
 * Every range of `value` lies in `lines`. A location in another document (related information of a
 * cross-file rule: the other hostile documents are open too) is that document's business: skipped.
 */
function checkRanges(value: unknown, lines: string[], what: string, uri?: string): void {
  const walk = (v: any, where: string) => {
    if (!v || typeof v !== 'object') return;
    if (uri !== undefined && typeof v.uri === 'string' && v.uri !== uri) return;
    if (v.start && v.end && typeof v.start.line === 'number') {
      const problem = rangeProblem(v, lines);
      assert.equal(problem, undefined, `${what} ${where}: ${problem}`);
    }
    for (const [k, child] of Object.entries(v)) if (k !== 'start' && k !== 'end' && k !== 'data') walk(child, `${where}.${k}`);
  };
  walk(value, '$');
}

describe('server: hostile inputs', function () {
  this.timeout(180_000);
  let client: LspClient;
  const rows: Row[] = [];

  before(async () => {
    client = await LspClient.spawn({ settings: {} });
  });
  after(async () => {
    await client?.stop();
    if (process.env.PROJECT_IDEAS_HOSTILE_TABLE !== '0' && rows.length) {
      console.log('\n    | input | bytes | symbols | diagnostics | hover | completion | ms |');
      console.log('    |---|---:|---:|---|---|---|---:|');
      for (const r of rows) console.log(`    | ${r.input} | ${r.bytes} | ${r.symbols} | ${r.diagnostics} | ${r.hover} | ${r.completion} | ${r.ms.toFixed(0)} |`);
    }
  });

  hostileInputs().forEach((input, i) => {
    it(`${input.name}: every request answers in bounded time`, async function () {
      const uri = `${URI_BASE}/h${i}/project_ideas.md`;
      const lines = lspLines(input.text);
      // An explicit time-out, not a timed assertion. Generous: the protocol moves the whole text as
      // JSON, and the test machine is shared.
      this.timeout(5000 + timeBoundMs(input.text) * 5);
      const started = performance.now();
      client.open(uri, input.text);
      const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
      checkRanges(symbols, lines, 'documentSymbol');
      const report = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
      checkRanges(report.items, lines, 'diagnostic', uri);
      // Hover and completion on a proposal title, a mentor line and the last line.
      // (The last mentor line: the first one is in the Template block.)
      let mentorLine = -1;
      for (let l = Math.min(lines.length, 400) - 1; l >= 0 && mentorLine < 0; l--) if (/\(@/.test(lines[l])) mentorLine = l;
      const probeLines = [lines.findIndex((l) => l.startsWith('#### ')), mentorLine, lines.length - 1].filter((l) => l >= 0);
      let hoverSeen = 'none';
      let completionSeen = 'none';
      for (const line of probeLines) {
        const character = Math.min(lines[line].length, line === probeLines[1] ? lines[line].indexOf('@') + 2 : 6);
        const position = { line, character: Math.max(0, character) };
        const hover = await client.request<any>('textDocument/hover', { textDocument: { uri }, position });
        if (hover) {
          checkRanges(hover.range, lines, 'hover');
          assert.ok(!hover.contents?.isTrusted, 'hover markdown must not be trusted');
          assert.equal(unsafeMarkdown(String(hover.contents?.value ?? '')), undefined);
          hoverSeen = `card (${String(hover.contents?.value ?? '').length} chars)`;
        }
        const list = await client.request<any>('textDocument/completion', { textDocument: { uri }, position });
        const items: any[] = Array.isArray(list) ? list : (list?.items ?? []);
        for (const item of items) {
          checkRanges(item.textEdit, lines, `completion ${item.label}`);
          if (item.documentation && typeof item.documentation === 'object') {
            assert.ok(!item.documentation.isTrusted);
            assert.equal(unsafeMarkdown(String(item.documentation.value)), undefined);
          }
        }
        if (items.length) completionSeen = `${items.length} items`;
      }
      const ms = performance.now() - started;
      client.close(uri);
      const codes = new Map<string, number>();
      for (const d of report.items) codes.set(String(d.code), (codes.get(String(d.code)) ?? 0) + 1);
      rows.push({
        input: input.name,
        bytes: Buffer.byteLength(input.text),
        symbols: countSymbols(symbols),
        diagnostics: report.items.length ? [...codes].map(([c, n]) => (n > 1 ? `${c} x${n}` : c)).join(', ') : 'none',
        hover: hoverSeen,
        completion: completionSeen,
        ms,
      });
      assert.equal(client.process.exitCode, null, 'the server must still run');
    });
  });

  it('a file over projectIdeas.maxFileSize gets the outline and one clear message, no hover or completion', async () => {
    const text = inventedIdeasFile(20).repeat(400); // ~2.6 MB > the 2,000,000-byte default
    assert.ok(Buffer.byteLength(text) > 2_000_000);
    const uri = `${URI_BASE}/large/project_ideas.md`;
    client.open(uri, text);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'the outline is still given');
    const report = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.items.length, 1);
    assert.equal(report.items[0].code, 'file-too-large');
    assert.match(report.items[0].message, /maxFileSize/);
    const mentorLine = text.split('\n').findIndex((l) => l.includes('(@quinn-invented'));
    const position = { line: mentorLine, character: 8 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    const completion = await client.request<any>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(!completion || (Array.isArray(completion) ? completion : completion.items).length === 0);
    client.close(uri);
  });

  it('the same file under the limit gets hovers and full diagnostics', async () => {
    const text = inventedIdeasFile(20);
    const uri = `${URI_BASE}/small/project_ideas.md`;
    client.open(uri, text);
    const mentorLine = text.split('\n').findIndex((l) => l.includes('(@quinn-invented'));
    const hover = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: mentorLine, character: 8 } });
    assert.ok(hover, 'a mentor hover');
    const report = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(!report.items.some((d: any) => d.code === 'file-too-large'));
    client.close(uri);
  });
});
