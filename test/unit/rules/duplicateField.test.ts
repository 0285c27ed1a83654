// duplicate-field: a field given twice in one proposal.
import * as assert from 'node:assert/strict';
import { ALICE, BOB, check, lfxFile, only, proposal } from './helpers';

describe('duplicate-field', () => {
  it('reports a field given twice but not Mentor(s) with Co-Mentor', () => {
    const twice = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }).replace('- Recommended Skills: Go, Kubernetes', '- Recommended Skills: Go\n- Recommended Skills: Rust')] }]);
    assert.equal(only(check(twice), 'duplicate-field').length, 1);
    const co = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: [ALICE] }).replace('- Upstream Issue', `- Co-Mentor:\n  - ${BOB}\n- Upstream Issue`)] }]);
    assert.deepEqual(only(check(co), 'duplicate-field'), []);
  });
});
