// duplicate-project: a project in two sections.
import * as assert from 'node:assert/strict';
import { check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('duplicate-project', () => {
  it('reports a project in two sections', () => {
    const text = lfxFile([
      { project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' })] },
      { project: 'Envoy', proposals: [proposal({ title: 'Adaptive Sampling' })] },
      { project: 'jaeger', proposals: [proposal({ title: 'Storage backends' })] },
    ]);
    assert.equal(only(check(text), 'duplicate-project').length, 1);
  });

  it('accepts distinct projects', () => {
    assert.deepEqual(only(check(cleanFile()), 'duplicate-project'), []);
  });
});
