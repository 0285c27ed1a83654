// mentor-duplicate: the same mentor twice in one proposal.
import * as assert from 'node:assert/strict';
import { ALICE, applyFirstFix, BOB, check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('mentor-duplicate', () => {
  it('reports the same handle twice and removes the repeated line', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: [ALICE, BOB, 'Alice Example (@Alice-Example, alice@example.org)'] })] }]);
    const [f] = only(check(text), 'mentor-duplicate');
    assert.equal(f.severity, 'error');
    assert.equal(f.related?.length, 1);
    assert.ok(applyFirstFix(text, f).includes(`  - ${BOB}\n- Upstream Issue`));
  });

  it('accepts distinct mentors', () => {
    assert.deepEqual(only(check(cleanFile()), 'mentor-duplicate'), []);
  });
});
