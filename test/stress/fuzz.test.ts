// A short, fixed-seed fuzz run over the invented fixtures (never ../shared), and a replay of every
// input the fuzzer ever saved under test/fixtures/fuzz/.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseFull } from '../../server/src/core/incremental';
import {
  checkInput,
  collectSpans,
  diffEdit,
  fixturePath,
  FUZZ_FIXTURES_DIR,
  lineStartsOf,
  lspLines,
  MUTATIONS,
  positionAt,
  rangeProblem,
  Rng,
  runFuzz,
  shrink,
  stateAfterChain,
  unsafeMarkdown,
} from '../../scripts/fuzz';

describe('fuzz: harness', function () {
  this.timeout(30_000);

  it('counts lines as LSP does (CRLF, CR, LF; not U+2028)', () => {
    assert.equal(lspLines('a\r\nb\rc\nd\u2028e').length, 4);
    assert.deepEqual(lineStartsOf('a\r\nb\rc\n'), [0, 3, 5, 7]);
    assert.deepEqual(positionAt('a\r\nb\rc\n', lineStartsOf('a\r\nb\rc\n'), 4), { line: 1, character: 1 });
  });

  it('flags ranges outside the document', () => {
    const lines = lspLines('ab\ncd');
    assert.equal(rangeProblem({ start: { line: 0, character: 0 }, end: { line: 1, character: 2 } }, lines), undefined);
    assert.match(rangeProblem({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, lines)!, /lineCount/);
    assert.match(rangeProblem({ start: { line: 0, character: 3 }, end: { line: 1, character: 0 } }, lines)!, /length/);
    assert.match(rangeProblem({ start: { line: 1, character: 1 }, end: { line: 1, character: 0 } }, lines)!, /start after end/);
    assert.match(rangeProblem({ start: { line: 0, character: NaN }, end: { line: 1, character: 0 } }, lines)!, /integer/);
  });

  it('finds every range in a nested value', () => {
    const r = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.equal(collectSpans({ a: [r(), { b: r() }], c: new Map([['k', { range: r() }]]) }).length, 3);
  });

  it('tells live markdown from escaped markdown', () => {
    assert.equal(unsafeMarkdown('[x](command:workbench.action.terminal.new)'), 'command link');
    assert.equal(unsafeMarkdown('\\[x\\]\\(command:foo\\)'), undefined);
    assert.equal(unsafeMarkdown('see ![](https://evil.example/x.png)'), 'image');
    assert.equal(unsafeMarkdown('\\!\\[\\]\\(https://evil.example/x.png\\)'), undefined);
    assert.equal(unsafeMarkdown('<img src=x onerror=alert(1)>'), 'raw HTML');
    assert.equal(unsafeMarkdown('\\<img src=x onerror=alert(1)\\>'), undefined);
  });

  it('every mutation keeps to strings and is deterministic for a seed', () => {
    const text = '## Template\n\n```\n### P\n```\n\n### Widgetry\n\n#### A\n\n- Mentor(s):\n  - A B (@a-b, a@example.org)\n';
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      const a = mutate(text, new Rng(7), [text]);
      const b = mutate(text, new Rng(7), [text]);
      assert.equal(typeof a, 'string', name);
      assert.equal(a, b, name);
    }
  });

  it('turns two texts into the single edit between them', () => {
    assert.deepEqual(diffEdit('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
    assert.deepEqual(diffEdit('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
    assert.deepEqual(diffEdit('a\r\nb', 'a\nb'), { start: 1, end: 2, text: '' });
  });

  it('shrinks a failing input to the lines that matter', () => {
    const input = 'a\nb\nBAD\nc\nd\n';
    assert.equal(shrink(input, (t) => t.includes('BAD')), 'BAD\n');
  });
});

describe('fuzz: short run on the invented fixtures', function () {
  this.timeout(120_000);

  // A fixed number of iterations from a fixed seed: the same inputs on any machine, however loaded.
  // How fast they are answered is the fuzzer's and the benchmark's business (npm run fuzz, npm run bench).
  it('mutated inputs never throw and keep ranges inside the document', async () => {
    const report = await runFuzz({
      seconds: Infinity,
      maxIterations: 200,
      seed: 20250101,
      seedDirs: [],
      includeFixtures: true,
      save: false,
    });
    assert.equal(report.iterations, 200);
    const failures = report.failures.map((f) => `${f.check}: ${f.message.split('\n')[0]} (${f.seed} after ${f.mutations.join(', ')})`);
    assert.deepEqual(failures.slice(0, 5), []);
  });
});

describe('fuzz: saved failing inputs (test/fixtures/fuzz)', function () {
  this.timeout(120_000);
  const files = (() => {
    try {
      return readdirSync(FUZZ_FIXTURES_DIR).filter((f) => f.endsWith('.md')).sort();
    } catch {
      return [];
    }
  })();

  it('there are saved inputs to replay', () => {
    assert.ok(files.length > 0);
  });

  for (const name of files) {
    it(`replays ${name}`, () => {
      const file = path.join(FUZZ_FIXTURES_DIR, name);
      const text = readFileSync(file, 'utf8');
      // `<name>.before`: the text before the edit, for inputs that broke the incremental model.
      const beforeFile = file.replace(/\.md$/, '.before');
      const before = existsSync(beforeFile) ? readFileSync(beforeFile, 'utf8') : undefined;
      // `<name>.chain`: the texts of the whole edit chain, when the state carried the problem.
      const chainFile = file.replace(/\.md$/, '.chain');
      const chain: string[] | undefined = existsSync(chainFile) ? JSON.parse(readFileSync(chainFile, 'utf8')) : undefined;
      const state = before === undefined ? undefined : chain ? stateAfterChain(chain, fixturePath(name)) : parseFull(before, { path: fixturePath(name) });
      const previous = before === undefined || !state ? undefined : { text: before, state };
      const result = checkInput(text, { path: fixturePath(name), rng: new Rng(1), positions: 40, previous });
      assert.deepEqual(result.failures.map((f) => `${f.check}: ${f.message.split('\n')[0]}`), []);
    });
  }
});
