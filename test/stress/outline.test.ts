// The outline's JSON is assembled from per-project pieces kept while a project is unchanged, and
// written by our message encoder: it must be exactly the JSON of the symbols, version after version.
import assert from 'node:assert/strict';
import { applyEdits, parseFull } from '../../server/src/core/incremental';
import { parseIdeas } from '../../server/src/core/parse';
import { documentSymbols, outline } from '../../server/src/features/documentSymbols';
import { jsonText } from '../../server/src/preserialized';
import { inventIdeasFile, randomEdit, rng } from '../unit/incrementalFixtures';

describe('outline JSON through random edits', function () {
  this.timeout(60_000);

  it('equals the JSON of a fresh outline after typing and random edits', () => {
    const path = '/ws/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md';
    let state = parseFull(inventIdeasFile({ seed: 41, projects: 8, maxProposals: 3 }), { path });
    const r = rng(7);
    let reusedPieces = 0;
    for (let i = 0; i < 60; i++) {
      const before = outline(state.model).symbols;
      const at = state.text.indexOf('- Description:', Math.floor(r() * state.text.length));
      const edit = i % 3 === 0 || at < 0 ? randomEdit(state.text, r) : { start: at + 16, end: at + 16, text: 'q' };
      state = applyEdits(state, [edit], { textAfter: state.text.slice(0, edit.start) + edit.text + state.text.slice(edit.end) });
      const { symbols, json } = outline(state.model);
      assert.deepStrictEqual(JSON.parse(jsonText(json)), JSON.parse(JSON.stringify(documentSymbols(parseIdeas(state.text, { path })))));
      assert.equal(jsonText(json), JSON.stringify(symbols));
      reusedPieces += symbols.filter((s) => before.includes(s)).length;
    }
    assert.ok(reusedPieces > 100, `unchanged projects kept their symbols ${reusedPieces} times`);
  });
});
