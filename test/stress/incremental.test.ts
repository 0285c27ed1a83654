// Property: after any sequence of random edits, the incremental model equals a fresh full parse of
// the final text (deep equality of the whole model), on invented fixtures. (Chosen edits:
// test/unit/incremental.test.ts.)
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, parseFull, type IncrementalState, type TextEdit, type UpdateStats } from '../../server/src/core/incremental';
import { parseIdeas } from '../../server/src/core/parse';
import { blocksFromLines } from '../../server/src/core/parse/headings';
import { LineIndex } from '../../server/src/core/parse/lines';
import { editFixtures } from '../unit/incrementalFixtures';

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

describe('incremental model: random edits', function () {
  this.timeout(300_000);
  const all = editFixtures();
  const counts = { incremental: 0, full: 0, reused: 0, unscanned: 0, typed: 0 };
  const reasons = new Map<string, number>();
  const stats = (s: UpdateStats) => {
    counts[s.mode]++;
    counts.reused += s.reused;
    if (s.mode === 'incremental' && s.scanned === 0) counts.unscanned++;
    if (s.typed) counts.typed++;
    if (s.reason) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  };

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

  after(() => {
    if (process.env.INCREMENTAL_STATS) console.log(counts, reasons);
    // Make sure the property runs exercised the incremental path, not only fallbacks.
    assert.ok(counts.incremental > counts.full, `incremental ${counts.incremental}, full ${counts.full}`);
    assert.ok(counts.reused > 0);
    assert.ok(counts.unscanned > 0, 'no edit took the in-line path');
    assert.ok(counts.typed > 0, 'no edit was served as typing (no rebuild)');
  });
});

describe('incremental model: a large file read by remark', function () {
  this.timeout(300_000);

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
});
