// Load through the real server: a burst of 1,000 edits ends with diagnostics for the final text only;
// 500 files opened and closed; memory after 10,000 edits back near where it started
// (projectIdeas/stats, with node's --expose-gc so the numbers are after a collection).
import { strict as assert } from 'node:assert';
import { inventedIdeasFile, lineStartsOf, positionAt, Rng } from '../../scripts/fuzz';
import { inventIdeasFile } from '../unit/incrementalFixtures';
import { statsRequest, type ResultOf } from '../../server/src/protocol';
import { LspClient } from './lspClient';

const DIR = 'file:///load/programs/lfx-mentorship/2025/01-Mar-May';

type Stats = ResultOf<typeof statsRequest>;

/** Applies an offset edit to `text` and returns the LSP change for it (positions in the text before). */
function edit(text: string, start: number, end: number, insert: string): { text: string; change: { range: any; text: string } } {
  const starts = lineStartsOf(text);
  const change = { range: { start: positionAt(text, starts, start), end: positionAt(text, starts, end) }, text: insert };
  return { text: text.slice(0, start) + insert + text.slice(end), change };
}

/** A random typing-like edit: insert a character, a word or a newline, or delete a little. */
function randomEdit(text: string, rng: Rng): { text: string; change: { range: any; text: string } } {
  // Never split a CRLF pair or a surrogate pair (the texts here have neither).
  const at = rng.int(text.length + 1);
  const r = rng.next();
  if (r < 0.5) return edit(text, at, at, rng.pick(['a', 'e', ' ', ',', '@', '-', 'x']));
  if (r < 0.7) return edit(text, at, at, rng.pick(['\n', 'widget ', 'Go, ', '(@quinn-invented, quinn@example.invalid)']));
  const end = Math.min(text.length, at + 1 + rng.int(3));
  return edit(text, at, end, '');
}

function diagnosticsKey(items: any[]): string[] {
  return items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();
}

describe('server: load', function () {
  this.timeout(240_000);
  let client: LspClient;
  const memory: { label: string; heapUsed: number; rss: number }[] = [];
  const stats = async (label: string): Promise<Stats> => {
    const s = await client.send(statsRequest, {});
    memory.push({ label, heapUsed: s.memory.heapUsed, rss: s.memory.rss });
    return s;
  };

  before(async () => {
    // The server inherits the environment: --expose-gc lets projectIdeas/stats collect before measuring.
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --expose-gc`.trim();
    try {
      client = await LspClient.spawn({ settings: {} });
    } finally {
      if (previous === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = previous;
    }
  });
  after(async () => {
    await client?.stop();
    if (memory.length) {
      console.log('\n    server memory (MB, after gc):');
      for (const m of memory) console.log(`      ${m.label.padEnd(36)} heapUsed ${(m.heapUsed / 1e6).toFixed(1)}  rss ${(m.rss / 1e6).toFixed(1)}`);
    }
  });

  it('answers projectIdeas/stats with the memory use, after a collection', async () => {
    const s = await stats('start');
    assert.equal(s.gc, true);
    assert.ok(s.memory.heapUsed > 0 && s.memory.rss >= s.memory.heapUsed);
  });

  it('a burst of 1,000 edits ends with diagnostics for the final text only', async () => {
    const uri = `${DIR}/burst/project_ideas.md`;
    let text = inventedIdeasFile(6);
    client.open(uri, text);
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const rng = new Rng(42);
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 1000; i++) {
      const step = randomEdit(text, rng);
      text = step.text;
      client.change(uri, [step.change]);
      // Requests interleaved with the burst, as an editor sends them while typing: they must answer.
      if (i % 100 === 50) pending.push(client.request('textDocument/diagnostic', { textDocument: { uri } }));
    }
    // Make the final text carry a known problem: a proposal with a duplicated mentor, appended at the end.
    const mentor = '  - Quinn Invented (@quinn-invented, quinn@example.invalid)\n';
    const appended = `\n\n### Gizmo\n\n#### Final proposal\n\n- Description: The last one.\n- Mentor(s):\n${mentor}${mentor}- Upstream Issue: https://github.com/acme-invented/widget/issues/999\n`;
    const last = edit(text, text.length, text.length, appended);
    text = last.text;
    client.change(uri, [last.change]);
    await Promise.all(pending);
    const afterBurst = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    const lines = text.split('\n');
    for (const d of afterBurst.items) {
      assert.ok(d.range.end.line < lines.length, `diagnostic past the end of the final text: ${d.range.end.line}`);
      assert.ok(
        d.range.end.character <= lines[d.range.end.line].length,
        `diagnostic past the end of its line: ${JSON.stringify(d.range)} ${d.code} ${d.message} | line: ${JSON.stringify(lines[d.range.end.line])}`,
      );
    }
    // The same final text opened afresh gives the same diagnostics: nothing stale was kept.
    client.close(uri);
    client.open(uri, text);
    const fresh = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(diagnosticsKey(afterBurst.items), diagnosticsKey(fresh.items));
    assert.ok(fresh.items.some((d: any) => String(d.code).startsWith('mentor-duplicate')), 'the final text has a duplicated mentor');
    client.close(uri);
  });

  it('500 files opened and closed: every one answered, none left open', async () => {
    const before = await stats('before 500 files');
    for (let i = 0; i < 500; i++) {
      const uri = `${DIR}/many/f${i}/project_ideas.md`;
      client.open(uri, inventedIdeasFile(1 + (i % 4)).replace(/Widgetry/g, `Widgetry ${i}`));
      if (i % 25 === 0) {
        const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols.length, 1);
      }
    }
    const open = await stats('500 files open');
    assert.equal(open.openDocuments - before.openDocuments, 500);
    for (let i = 0; i < 500; i++) client.close(`${DIR}/many/f${i}/project_ideas.md`);
    const closed = await client.waitFor(async () => {
      const s = await stats('500 files closed');
      // Closing re-reads the file from disk (absent here, so it leaves the index) asynchronously.
      return s.openDocuments === before.openDocuments && s.indexedFiles <= before.indexedFiles ? s : undefined;
    });
    // Closed files that are not on disk leave the index: their memory goes with them.
    assert.ok(closed.memory.heapUsed < before.memory.heapUsed + 30e6, `heap ${closed.memory.heapUsed} vs ${before.memory.heapUsed}`);
  });

  it('memory stays flat over 200 line breaks typed and removed, each version pulled', async () => {
    const uri = `${DIR}/lines/project_ideas.md`;
    // A file every edit below updates incrementally: the projects after the edit are moved.
    let text = inventIdeasFile({ seed: 9, projects: 40, maxProposals: 3 });
    client.open(uri, text);
    const at = text.indexOf('- Description:') + 16;
    const pulls = async (n: number) => {
      for (let i = 0; i < n; i++) {
        // A line break in the first description moves every project below it; then it is removed.
        for (const step of [edit(text, at, at, '\n'), edit(text.slice(0, at) + '\n' + text.slice(at), at, at + 1, '')]) {
          text = step.text;
          client.change(uri, [step.change]);
          await client.request('textDocument/diagnostic', { textDocument: { uri } });
        }
      }
    };
    await pulls(20); // warm up
    const start = await stats('before 200 line breaks');
    // The leak this guards against kept about 0.9 MB per version: 200 versions grow the heap by 180 MB.
    await pulls(100);
    const end = await stats('after 200 line breaks');
    const grown = end.memory.heapUsed - start.memory.heapUsed;
    // Versions must not keep older ones alive (rule, outline and conversion caches, moved-project links).
    assert.ok(grown < 10e6, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 200 pulled versions`);
    client.close(uri);
  });

  it('memory after 10,000 edits is back near where it started', async () => {
    const uri = `${DIR}/memory/project_ideas.md`;
    let text = inventedIdeasFile(10);
    client.open(uri, text);
    // Warm up (first parse, caches, JIT) before the baseline.
    for (let i = 0; i < 200; i++) {
      const step = randomEdit(text, new Rng(i));
      text = step.text;
      client.change(uri, [step.change]);
    }
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const start = await stats('before 10,000 edits');
    const rng = new Rng(7);
    for (let i = 0; i < 10_000; i++) {
      const step = randomEdit(text, rng);
      text = step.text;
      client.change(uri, [step.change]);
      if (i % 500 === 499) {
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await client.request('textDocument/diagnostic', { textDocument: { uri } });
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 30, character: 6 } });
      }
    }
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const end = await stats('after 10,000 edits');
    const grown = end.memory.heapUsed - start.memory.heapUsed;
    // The text grew by a few KB; the models of old versions must not be kept.
    assert.ok(grown < 20e6, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 10,000 edits`);
    client.close(uri);
    assert.equal(client.process.exitCode, null);
  });
});
