// The incremental model on chosen edits: equal to a fresh full parse, and what each kind of edit
// re-reads or keeps. (Random edit sequences: test/stress/incremental.test.ts.)
import assert from 'node:assert/strict';
import { applyEdits, parseFull, type UpdateStats } from '../../server/src/core/incremental';
import { parseIdeas } from '../../server/src/core/parse';
import { editFixtures, inventIdeasFile } from './incrementalFixtures';

describe('incremental model', function () {
  const all = editFixtures();

  it('a full parse through parseFull equals parseIdeas', () => {
    for (const f of all) assert.deepStrictEqual(parseFull(f.text, { path: f.path }).model, parseIdeas(f.text, { path: f.path }), f.name);
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

  it('serves typing after an unclosed TOC marker (the TOC ends with its list), and re-reads the TOC when typing on its last line', () => {
    const options = { path: '/ws/project_ideas.md' };
    const text = '# Ideas\n\n<!-- TOC -->\n- [Acorn Mesh](#acorn-mesh)\n  - [Idea one](#idea-one)\n\n### Acorn Mesh\n\n#### Idea one\n\n- Description: text\n- Mentor(s): Alice Example (@alice-example)\n\nClosing words';
    let state = parseFull(text, options);
    // Without its closing marker the TOC ends with its list (line 4), not at the end of the file.
    assert.equal(state.model.toc?.range.end.line, 4);
    let current = text;
    const seen: UpdateStats[] = [];
    const onLastLine = text.indexOf('(#idea-one)') - 2;
    for (const at of [text.indexOf('text') + 2, text.length - 3, onLastLine]) {
      current = current.slice(0, at) + 'z' + current.slice(at);
      const before: unknown = state.model.toc;
      state = applyEdits(state, [{ start: at, end: at, text: 'z' }], { stats: (s) => seen.push(s) });
      assert.deepStrictEqual(state.model, parseIdeas(current, options));
      assert.equal(state.model.toc === before, at !== onLastLine, 'the TOC object is kept unless its last line was typed on');
    }
    assert.ok(seen.slice(0, 2).every((s) => s.typed), JSON.stringify(seen));
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
});
