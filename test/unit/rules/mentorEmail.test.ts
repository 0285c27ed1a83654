// mentor-email: a mentor's address is present and valid.
import * as assert from 'node:assert/strict';
import { check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('mentor-email', () => {
  it('reports a missing and an invalid address', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice-example)', 'Bob Sample (@bob-sample, bob@exa_mple.net)'] })] }]);
    const found = only(check(text), 'mentor-email');
    assert.deepEqual(found.map((f) => f.severity).sort(), ['error', 'warning']);
  });

  it('accepts valid addresses', () => {
    assert.deepEqual(only(check(cleanFile()), 'mentor-email'), []);
  });
});
