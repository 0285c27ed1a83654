// duplicate-title: a proposal title used twice.
import * as assert from 'node:assert/strict';
import { check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('duplicate-title', () => {
  it('reports a repeated title (case aside)', () => {
    const text = lfxFile([
      { project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' })] },
      { project: 'Envoy', proposals: [proposal({ title: 'Adaptive Sampling' })] },
      { project: 'jaeger', proposals: [proposal({ title: 'Storage backends' })] },
    ]);
    assert.equal(only(check(text), 'duplicate-title').length, 1);
  });

  it('accepts distinct titles', () => {
    assert.deepEqual(only(check(cleanFile()), 'duplicate-title'), []);
  });
});
