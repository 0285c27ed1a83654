// Our message encoder writes a result marked with its UTF-8 JSON pieces by copying them; anything
// else as JSON.stringify would. (The outline's pieces through random edits: test/stress/outline.test.ts.)
import assert from 'node:assert/strict';
import { encodeMessage, jsonArray, jsonPiece, withJson } from '../../server/src/preserialized';

describe('outline JSON', () => {
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
