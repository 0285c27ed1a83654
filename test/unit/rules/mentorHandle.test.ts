// mentor-handle: GitHub handle syntax.
import * as assert from 'node:assert/strict';
import { BOB, check, lfxFile, only, proposal } from './helpers';

describe('mentor-handle', () => {
  it('reports a handle with an underscore or a double hyphen', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice_example, alice@example.org)', 'Bob Sample (@bob--sample, bob@example.net)'] })] }]);
    const found = only(check(text), 'mentor-handle');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /"@alice_example" is not a valid GitHub handle: it contains "_"/);
    assert.match(found[1].message, /two hyphens in a row/);
  });

  it('accepts single hyphens and digits', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice-2-example, alice@example.org)', BOB] })] }]);
    assert.deepEqual(only(check(text), 'mentor-handle'), []);
  });
});
