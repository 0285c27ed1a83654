// bullet-space: a field bullet markdown does not read as a list item.
import * as assert from 'node:assert/strict';
import { applyFirstFix, check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('bullet-space', () => {
  it('reports `-Description:` on the bullet and label only, and adds the space', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling' }).replace('- Description:', '-Description:')] }]);
    const [f, ...rest] = only(check(text), 'bullet-space');
    assert.ok(f, 'reported');
    assert.deepEqual(rest, []);
    const line = text.split('\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.end.character), '-Description');
    assert.match(f.message, /does not show "Description" as a list item/);
    const fixed = applyFirstFix(text, f);
    assert.ok(fixed.includes('\n- Description: Build the trace sampling feature.'));
    assert.deepEqual(only(check(fixed), 'bullet-space'), []);
  });

  it('is quiet on ordinary bullets', () => {
    assert.deepEqual(only(check(cleanFile()), 'bullet-space'), []);
  });
});
