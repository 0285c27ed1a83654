// Property: after any sequence of random edits, the incremental model equals a fresh full parse of
// the final text (deep equality of the whole model), on invented fixtures.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits, parseFull, type IncrementalState, type TextEdit, type UpdateStats } from '../../server/src/core/incremental';
import { parseIdeas } from '../../server/src/core/parse';
import { blocksFromLines } from '../../server/src/core/parse/headings';
import { LineIndex } from '../../server/src/core/parse/lines';
import { inventIdeasFile } from './incrementalFixtures';

const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/parser');

interface Fixture {
  name: string;
  path: string;
  text: string;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  if (fs.existsSync(FIXTURE_DIR)) {
    for (const f of fs.readdirSync(FIXTURE_DIR).sort()) {
      if (f.endsWith('.md')) out.push({ name: f, path: `/ws/${f}`, text: fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8') });
    }
  }
  out.push({ name: 'invented ideas', path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md', text: inventIdeasFile({ seed: 3, projects: 6, maxProposals: 3 }) });
  out.push({ name: 'invented readme', path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/README.md', text: inventIdeasFile({ seed: 11, projects: 5, maxProposals: 3, form: 'readme' }) });
  out.push({ name: 'invented gsoc crlf', path: '/ws/programs/summerofcode/2031.md', text: inventIdeasFile({ seed: 5, projects: 4, maxProposals: 2 }).replace(/\n/g, '\r\n') });
  out.push({ name: 'invented plain', path: '/ws/notes/ideas.md', text: inventIdeasFile({ seed: 21, projects: 5, maxProposals: 3, variants: false }) });
  // One chunk over the nested item limit: the parser (and the incremental state) read that chunk with
  // the line scanner, the others with remark.
  const nested = '\n## Notes\n\n- list\n' + '  - nested item\n'.repeat(640) + '\n';
  out.push({ name: 'invented, line scanner', path: '/ws/project_ideas.md', text: inventIdeasFile({ seed: 31, projects: 3, maxProposals: 2 }) + nested + inventIdeasFile({ seed: 32, projects: 3, maxProposals: 2 }) });
  return out;
}

/** Lines worth inserting: headings at every level, labels, mentors, fences, quotes, breaks, HTML, definitions. */
const LINES = [
  '### New Project',
  '#### New idea',
  '##### Deeper idea',
  '## Section',
  '# Top',
  '### Acorn Mesh',
  '#### Improve the CLI experience in Acorn Mesh 1',
  '- Description: an invented change',
  '- Expected Outcome: something works',
  '- Recommended Skills: Go, Rust',
  '- Mentor(s):',
  '- Mentors',
  '  - Alice Example (@alice-example, alice@example.org)',
  '  - Bruno Sample (bruno-sample, <bruno@example.com>)',
  '- Upstream Issue: https://github.com/acorn/acorn/issues/7',
  '- Upstream Issue (URL): acorn/acorn#8',
  '- LFX URL: https://mentorship.lfx.linuxfoundation.org/project/00000000-0000-4000-8000-000000000001',
  '- Expected project size: 175 hours',
  'Recommended Skills: TypeScript',
  '```',
  '~~~',
  '    indented code',
  '---',
  '===',
  '> quoted text',
  '> ## Description',
  '',
  '<!-- comment',
  '-->',
  '<details>',
  '[ref]: https://example.org',
  '#### [Linked](https://example.org) title',
  '#### `code` title:',
  '* [Acorn Mesh](#acorn-mesh)',
  '<!-- TOC -->',
  '## Template',
  '### Sample: an example',
  '## Table of Contents',
];

const CHARS = ['#', '-', '*', ' ', '\n', '\r\n', '\r', '`', '>', ':', '@', '(', ')', '[', ']', 'a', 'Z', '\t', '=', '<', '1', '.'];

const TYPED = ['a', 'q', ' ', '`', '*', '_', ':', '(', ')', '@', '#', '-', '[', ']', '!', '<', '>', '=', '1', '.', 'é', '\\'];

type EditSpec =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'line'; at: number; line: string }
  | { kind: 'dropLine'; at: number }
  | { kind: 'copyLine'; from: number; to: number }
  | { kind: 'newline'; at: number; mode: number }
  | { kind: 'type'; at: number; column: number; text: string };

const editSpec: fc.Arbitrary<EditSpec> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), line: fc.constantFrom(...LINES) }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copyLine' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('newline' as const), at: fc.nat(), mode: fc.nat({ max: 3 }) }),
  // Typing inside a line's text (the common case, served without any re-scan when safe).
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), column: fc.nat({ max: 80 }), text: fc.array(fc.constantFrom(...TYPED), { minLength: 1, maxLength: 3 }).map((a) => a.join('')) }),
);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** Turns a spec into an offset edit on `text`. */
function toEdit(text: string, spec: EditSpec): TextEdit {
  const n = text.length;
  const starts = lineStarts(text);
  const lineEnd = (l: number) => {
    let e = l + 1 < starts.length ? starts[l + 1] : n;
    while (e > starts[l] && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    return e;
  };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  switch (spec.kind) {
    case 'insert': {
      const at = spec.at % (n + 1);
      return { start: at, end: at, text: spec.text };
    }
    case 'delete': {
      const at = spec.at % (n + 1);
      return { start: at, end: Math.min(n, at + spec.length), text: '' };
    }
    case 'line': {
      const at = starts[spec.at % starts.length];
      return { start: at, end: at, text: spec.line + eol };
    }
    case 'dropLine': {
      const l = spec.at % starts.length;
      return { start: starts[l], end: l + 1 < starts.length ? starts[l + 1] : n, text: '' };
    }
    case 'copyLine': {
      const from = spec.from % starts.length;
      const to = starts[spec.to % starts.length];
      return { start: to, end: to, text: text.slice(starts[from], lineEnd(from)) + eol };
    }
    case 'type': {
      const l = spec.at % starts.length;
      const at = Math.min(lineEnd(l), starts[l] + spec.column);
      return { start: at, end: at, text: spec.text };
    }
    case 'newline': {
      const l = spec.at % starts.length;
      const e = lineEnd(l);
      const brk = l + 1 < starts.length ? starts[l + 1] : n;
      if (spec.mode === 0) return { start: e, end: brk, text: '' }; // join with the next line
      if (spec.mode === 1) return { start: e, end: brk, text: '\r\n' };
      if (spec.mode === 2) return { start: e, end: e, text: '\n\n' };
      return { start: starts[l], end: starts[l], text: '\r' };
    }
  }
}

function apply(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

describe('incremental model', function () {
  this.timeout(120_000);
  const all = fixtures();
  const counts = { incremental: 0, full: 0, reused: 0, unscanned: 0, typed: 0 };
  const reasons = new Map<string, number>();
  const stats = (s: UpdateStats) => {
    counts[s.mode]++;
    counts.reused += s.reused;
    if (s.mode === 'incremental' && s.scanned === 0) counts.unscanned++;
    if (s.typed) counts.typed++;
    if (s.reason) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  };

  it('a full parse through parseFull equals parseIdeas', () => {
    for (const f of all) assert.deepStrictEqual(parseFull(f.text, { path: f.path }).model, parseIdeas(f.text, { path: f.path }), f.name);
  });

  it('equals a full parse after any sequence of random edits (one version per edit)', () => {
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.array(editSpec, { minLength: 1, maxLength: 12 }), (which, specs) => {
        const f = all[which];
        const options = { path: f.path };
        let state: IncrementalState = parseFull(f.text, options);
        state.idx?.lines(); // made once, then carried over each edit
        let text = f.text;
        for (const spec of specs) {
          const edit = toEdit(text, spec);
          text = apply(text, edit);
          // The server hands over the editor's text (the very string becomes the model's).
          state = applyEdits(state, [edit], { stats, textAfter: text });
          assert.equal(state.text, text);
          if (state.idx) assert.deepStrictEqual(state.idx.lines(), text.split(/\r\n|\r|\n/));
        }
        assert.deepStrictEqual(state.model, parseIdeas(text, options));
      }),
      { numRuns: 200, seed: 20311, endOnFailure: true },
    );
  });

  it('equals a full parse after batches of edits (several changes per version)', () => {
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.array(fc.array(editSpec, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (which, batches) => {
        const f = all[which];
        const options = { path: f.path };
        let state = parseFull(f.text, options);
        let text = f.text;
        for (const batch of batches) {
          const edits: TextEdit[] = [];
          for (const spec of batch) {
            const edit = toEdit(text, spec);
            text = apply(text, edit);
            edits.push(edit);
          }
          state = applyEdits(state, edits, { stats });
          assert.deepStrictEqual(state.model, parseIdeas(text, options));
        }
      }),
      { numRuns: 100, seed: 4242, endOnFailure: true },
    );
  });

  it('keeps an incremental state for text with a chunk read by the line scanner', () => {
    const f = all.find((x) => x.name === 'invented, line scanner')!;
    const state = parseFull(f.text, { path: f.path });
    assert.ok(state.chunks && state.chunks.length > 3);
    const at = f.text.indexOf('- Description:', f.text.length - 2000) + 16;
    let seen: UpdateStats | undefined;
    const next = applyEdits(state, [{ start: at, end: at, text: 'x' }], { stats: (s) => (seen = s) });
    assert.equal(seen?.mode, 'incremental');
    assert.ok(seen!.reused >= 3, `reused ${seen!.reused}`);
    assert.deepStrictEqual(next.model, parseIdeas(next.text, { path: f.path }));
  });

  it('re-scans only the edited chunk and reuses the other projects on a typing edit', () => {
    const text = inventIdeasFile({ seed: 9, projects: 10, maxProposals: 3 });
    const state = parseFull(text, { path: '/ws/project_ideas.md' });
    const at = text.indexOf('- Description:', text.length >> 1) + 16;
    let seen: UpdateStats | undefined;
    const next = applyEdits(state, [{ start: at, end: at, text: 'x' }], { stats: (s) => (seen = s) });
    assert.equal(seen?.mode, 'incremental');
    assert.ok(seen!.scanned < text.length / 5, `scanned ${seen!.scanned} of ${text.length}`);
    assert.ok(seen!.reused >= 8, `reused ${seen!.reused}`);
    assert.deepStrictEqual(next.model, parseIdeas(next.text, { path: '/ws/project_ideas.md' }));
  });

  it('serves typing in a description by reading only that proposal again (no rebuild)', () => {
    const text = inventIdeasFile({ seed: 9, projects: 10, maxProposals: 3 });
    const options = { path: '/ws/project_ideas.md' };
    let state = parseFull(text, options);
    let current = text;
    const at = text.indexOf('- Description:', text.length >> 1) + 16;
    const seen: UpdateStats[] = [];
    for (const ch of 'typing') {
      const edit = { start: at, end: at, text: ch };
      current = current.slice(0, at) + ch + current.slice(at);
      state = applyEdits(state, [edit], { stats: (s) => seen.push(s) });
    }
    assert.ok(seen.every((s) => s.typed && s.filled === 1 && s.reused === state.model.projects.length - 1), JSON.stringify(seen));
    assert.deepStrictEqual(state.model, parseIdeas(current, options));
    // Within the typed project, only the typed proposal is read again: its siblings are the same objects.
    const v0 = parseFull(text, options);
    const k = v0.model.projects.findIndex((p) => p.proposals.length > 1);
    assert.ok(k >= 0, 'a project with several proposals');
    const target = v0.model.projects[k].proposals[1];
    const field = target.fields.find((f) => f.valueRange)!;
    const offset = v0.idx!.offset(field.valueRange!.start) + 1;
    const v1 = applyEdits(v0, [{ start: offset, end: offset, text: 'q' }], { stats: (s) => assert.ok(s.typed) });
    assert.deepStrictEqual(v1.model, parseIdeas(v1.text, options));
    const [was, now] = [v0.model.projects[k], v1.model.projects[k]];
    assert.notEqual(now, was);
    assert.deepStrictEqual(
      now.proposals.map((p, i) => p === was.proposals[i]),
      was.proposals.map((_, i) => i !== 1),
    );
    // Bold labels (`- **Description**:`) too; a line that could become a thematic break is rebuilt.
    const bold = '### Acorn Mesh\n\n#### Idea one\n\n- **Description**: text\n- Mentor(s): Alice Example (@alice-example)\n\n**\n';
    for (const [at, ch, typedPath] of [[bold.indexOf('text') + 2, 'z', true], [bold.lastIndexOf('**') + 2, '*', false]] as const) {
      const got: UpdateStats[] = [];
      const after = applyEdits(parseFull(bold, options), [{ start: at, end: at, text: ch }], { stats: (s) => got.push(s) });
      assert.deepStrictEqual(after.model, parseIdeas(bold.slice(0, at) + ch + bold.slice(at), options));
      assert.equal(!!got[0].typed, typedPath, `${JSON.stringify(ch)} at ${at}`);
    }
    // A label typed into existence under a heading that had none makes it a proposal: rebuilt, still equal.
    const small = '### Acorn Mesh\n\n#### Idea one\n\n- Description: text\n- Mentor(s): Alice Example (@alice-example)\n\n#### Idea two\n\nDescription of nothing\n';
    const colon = small.indexOf('Description of') + 'Description'.length;
    const stats: UpdateStats[] = [];
    const after = applyEdits(parseFull(small, options), [{ start: colon, end: colon, text: ':' }], { stats: (s) => stats.push(s) });
    const expected = parseIdeas(small.slice(0, colon) + ':' + small.slice(colon), options);
    assert.deepStrictEqual(after.model, expected);
    assert.equal(expected.projects[0].proposals.length, 2);
    assert.equal(stats[0].typed, undefined, 'the structure changed: not served as typing');
  });

  it('serves typing inside an unclosed TOC marker range, and re-reads the TOC when typing on its last line', () => {
    const options = { path: '/ws/project_ideas.md' };
    const text = '# Ideas\n\n<!-- TOC -->\n- [Acorn Mesh](#acorn-mesh)\n  - [Idea one](#idea-one)\n\n### Acorn Mesh\n\n#### Idea one\n\n- Description: text\n- Mentor(s): Alice Example (@alice-example)\n\nClosing words';
    let state = parseFull(text, options);
    assert.equal(state.model.toc?.range.end.line, state.model.lineCount - 1);
    let current = text;
    const seen: UpdateStats[] = [];
    for (const at of [text.indexOf('text') + 2, text.length - 3]) {
      current = current.slice(0, at) + 'z' + current.slice(at);
      const before: unknown = state.model.toc;
      state = applyEdits(state, [{ start: at, end: at, text: 'z' }], { stats: (s) => seen.push(s) });
      assert.deepStrictEqual(state.model, parseIdeas(current, options));
      assert.equal(state.model.toc === before, at < text.length - 10, 'the TOC object is kept unless its last line was typed on');
    }
    assert.ok(seen.every((s) => s.typed), JSON.stringify(seen));
  });

  it('links a moved project to its previous version only, never to older ones (no chain kept alive)', () => {
    const text = inventIdeasFile({ seed: 9, projects: 10, maxProposals: 3 });
    const options = { path: '/ws/project_ideas.md' };
    const at = text.indexOf('- Description:') + 16;
    const v0 = parseFull(text, options);
    const v1 = applyEdits(v0, [{ start: at, end: at, text: '\n' }]);
    const v2 = applyEdits(v1, [{ start: at, end: at, text: '\n' }]);
    const last1 = v1.model.projects[v1.model.projects.length - 1];
    const last2 = v2.model.projects[v2.model.projects.length - 1];
    assert.equal(v2.moved?.get(last2)?.from, last1);
    assert.equal(v2.moved?.get(last2)?.by, 1);
    assert.equal(v2.moved?.has(last1), false, 'the older link was dropped');
    const previous = new Set(v1.model.projects);
    assert.ok([...v2.moved!.values()].every((m) => previous.has(m.from)), 'every link is to the previous version');
  });

  it('notices an edit that makes a chunk one remark stalls on, re-scanning only that chunk', () => {
    const base = inventIdeasFile({ seed: 9, projects: 6, maxProposals: 3 });
    const options = { path: '/ws/project_ideas.md' };
    const at = base.indexOf('- Description:', base.length >> 1) + 16;
    const cases: { name: string; text: string; insert: string }[] = [
      // The chunk's nested item count: 599 nested items in the edited chunk, the edit adds the 600th.
      { name: 'nested item count', text: base.slice(0, at) + '\n\n- list\n' + '  - nested\n'.repeat(599) + base.slice(at), insert: '\n  - one more\n' },
      // A block-local count: emphasis characters in the edited paragraph.
      { name: 'emphasis in the block', text: base, insert: ' ' + '*a'.repeat(1600) },
      { name: 'nested markers on one line', text: base, insert: '\n' + '- '.repeat(9) + 'x\n' },
    ];
    for (const c of cases) {
      const pos = at;
      const state = parseFull(c.text, options);
      let seen: UpdateStats | undefined;
      const next = applyEdits(state, [{ start: pos, end: pos, text: c.insert }], { stats: (s) => (seen = s) });
      assert.equal(seen?.mode, 'incremental', c.name);
      assert.ok(seen!.scanned < next.text.length / 2, `${c.name}: scanned ${seen!.scanned} of ${next.text.length}`);
      assert.deepStrictEqual(next.model, parseIdeas(next.text, options), c.name);
      // And back.
      const back = applyEdits(next, [{ start: pos, end: pos + c.insert.length, text: '' }], { stats: (s) => (seen = s) });
      assert.equal(seen?.mode, 'incremental', c.name);
      assert.deepStrictEqual(back.model, parseIdeas(c.text, options), c.name);
    }
  });

  it('reads ~1,000 nested items across many proposals with remark, chunk by chunk, and keeps it so through edits', () => {
    // 200 proposals with 5 nested mentor lines each (1,000 nested items in the file): no chunk is
    // near the limit, so every chunk is read by remark. A setext heading and an indented code block
    // inside proposals tell remark's reading from the line scanner's (no setext headings, no indented code).
    const parts: string[] = ['# Invented term ideas', ''];
    for (let i = 0; i < 200; i++) {
      parts.push(`### Invented project ${i}`, '', `#### Invented proposal ${i}`, '', '- Description: an invented change', '- Mentor(s):');
      for (let m = 0; m < 5; m++) parts.push(`  - Mentor ${i}-${m} (@mentor-${i}-${m})`);
      parts.push(`- Upstream Issue: https://github.com/acorn/acorn/issues/${i}`, '');
      if (i % 50 === 7) parts.push('Setext note', '-----------', '');
      if (i % 50 === 9) parts.push('Paragraph.', '', '    # indented code, not a heading', '');
    }
    const text = parts.join('\n');
    const options = { path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md' };
    const nested = text.match(/^ {2}- /gm)!.length;
    assert.equal(nested, 1000);
    const model = parseIdeas(text, options);
    const titles = model.headings.map((h) => h.text);
    assert.ok(titles.includes('Setext note'), 'setext heading read (remark)');
    assert.ok(!titles.some((t) => t.includes('indented code')), 'indented code is no heading (remark)');
    assert.equal(model.projects.reduce((n, p) => n + p.proposals.reduce((k, q) => k + q.mentors.length, 0), 0), 1000);
    // The line scanner reads it otherwise: remark was used.
    const idx = new LineIndex(text);
    assert.notDeepStrictEqual(blocksFromLines(idx).headings.map((h) => h.text), model.headings.map((h) => h.text));
    let state = parseFull(text, options);
    assert.deepStrictEqual(state.model, model);
    let current = text;
    const stats: UpdateStats[] = [];
    const edits: TextEdit[] = [
      { start: current.indexOf('Invented proposal 120') + 9, end: current.indexOf('Invented proposal 120') + 9, text: 'x' },
      { start: current.indexOf('- Description', 50_000), end: current.indexOf('- Description', 50_000), text: '- Mentor(s):\n  - Extra Mentor (@extra)\n' },
      { start: current.indexOf('Setext note'), end: current.indexOf('Setext note') + 11, text: 'Changed setext' },
      { start: current.length, end: current.length, text: '\n## Appendix\n\nText\n====\n' },
    ];
    for (const e of edits) {
      const edit = { ...e, start: Math.min(e.start, current.length), end: Math.min(e.end, current.length) };
      current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
      state = applyEdits(state, [edit], { stats: (s) => stats.push(s) });
      assert.deepStrictEqual(state.model, parseIdeas(current, options));
    }
    assert.ok(stats.every((s) => s.mode === 'incremental' && s.scanned < 2000), JSON.stringify(stats));
    assert.ok(parseIdeas(current, options).headings.some((h) => h.text === 'Text'));
  });

  after(() => {
    if (process.env.INCREMENTAL_STATS) console.log(counts, reasons);
    // Make sure the property runs exercised the incremental path, not only fallbacks.
    assert.ok(counts.incremental > counts.full, `incremental ${counts.incremental}, full ${counts.full}`);
    assert.ok(counts.reused > 0);
    assert.ok(counts.unscanned > 0, 'no edit took the in-line path');
    assert.ok(counts.typed > 0, 'no edit was served as typing (no rebuild)');
  });
});
