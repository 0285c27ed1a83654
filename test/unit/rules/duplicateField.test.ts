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

  it('tells numbered labels apart (Issue 1, Issue 2) but not the same label twice', () => {
    const numbered = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: null }).replace(/\n$/, '\n- Issue 1: https://github.com/example-org/example/issues/1\n- Issue 2: https://github.com/example-org/example/issues/2\n')] }]);
    assert.deepEqual(only(check(numbered), 'duplicate-field'), []);
    const twice = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: null }).replace(/\n$/, '\n- Issue: https://github.com/example-org/example/issues/1\n- Issue: https://github.com/example-org/example/issues/2\n')] }]);
    assert.equal(only(check(twice), 'duplicate-field').length, 1);
  });
});
