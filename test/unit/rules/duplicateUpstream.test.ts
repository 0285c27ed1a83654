// duplicate-upstream: two proposals on the same issue.
import * as assert from 'node:assert/strict';
import { check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('duplicate-upstream', () => {
  it('reports two proposals on the same issue after normalisation', () => {
    const text = lfxFile([
      {
        project: 'Jaeger',
        proposals: [
          proposal({ title: 'Adaptive sampling', upstream: 'https://github.com/example-org/example/issues/42' }),
          proposal({ title: 'Storage backends', upstream: 'https://www.github.com/Example-Org/example/issues/42/#issuecomment-1' }),
        ],
      },
    ]);
    const [f] = only(check(text), 'duplicate-upstream');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /also backs "Adaptive sampling"/);
    assert.equal(f.related?.length, 1);
  });

  it('accepts distinct issues', () => {
    assert.deepEqual(only(check(cleanFile()), 'duplicate-upstream'), []);
  });
});
