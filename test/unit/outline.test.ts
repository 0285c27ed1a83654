// The outline's JSON is assembled from per-project pieces kept while a project is unchanged, and
// written by our message encoder: it must be exactly the JSON of the symbols, version after version.
import assert from 'node:assert/strict';
import { applyEdits, parseFull } from '../../server/src/core/incremental';
import { parseIdeas } from '../../server/src/core/parse';
import { documentSymbols, outline } from '../../server/src/features/documentSymbols';
import { encodeMessage, jsonArray, jsonPiece, jsonText, withJson } from '../../server/src/preserialized';
import { inventIdeasFile, randomEdit, rng } from './incrementalFixtures';

describe('outline JSON', () => {
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

  it('writes a marked result from its UTF-8 pieces, anything else with JSON.stringify', () => {
    const result = [{ name: 'Acorn "Mesh" é', kind: 2, children: [] }, { name: '🌰', kind: 6 }];
    const marked = { jsonrpc: '2.0', id: 7, result: withJson(result, jsonArray(result.map(jsonPiece))) };
    assert.deepStrictEqual(JSON.parse(encodeMessage(marked).toString('utf8')), marked);
    assert.equal(encodeMessage(marked).toString('utf8'), JSON.stringify(marked));
    assert.ok(encodeMessage({ jsonrpc: '2.0', id: 'a', result: withJson([], jsonArray([])) } as never).toString().includes('"id":"a","result":[]'));
    const plain = { jsonrpc: '2.0', id: 8, result: [{ name: 'x' }] };
    assert.equal(encodeMessage(plain).toString('utf8'), JSON.stringify(plain));
    const notification = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'hé' } };
    assert.equal(encodeMessage(notification).toString('utf8'), JSON.stringify(notification));
  });
});
