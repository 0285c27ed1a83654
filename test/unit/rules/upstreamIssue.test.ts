// upstream-issue: the Upstream Issue links one issue.
import * as assert from 'node:assert/strict';
import { check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('upstream-issue', () => {
  it('reports TBD as an error and a repository or search link as not an issue', () => {
    const text = lfxFile([
      {
        project: 'Jaeger',
        proposals: [
          proposal({ title: 'Adaptive sampling', upstream: 'TBD' }),
          proposal({ title: 'Storage backends', upstream: 'https://github.com/example-org/example' }),
          proposal({ title: 'Query UI', upstream: 'https://github.com/example-org/example/issues' }),
        ],
      },
    ]);
    const found = only(check(text), 'upstream-issue');
    assert.deepEqual(found.map((f) => f.severity), ['error', 'warning', 'warning']);
    assert.match(found[1].message, /repository link/);
    assert.match(found[2].message, /issue list, not one issue/);
  });

  it('notes several URLs and accepts one issue', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: 'https://github.com/example-org/example/issues/1, https://github.com/example-org/example/issues/2' })] }]);
    assert.equal(only(check(text), 'upstream-issue')[0]?.severity, 'information');
    assert.deepEqual(only(check(cleanFile()), 'upstream-issue'), []);
  });

  it('accepts a filtered issue search as the upstream bot does (information), but not a bare issue list', () => {
    const text = (url: string) => lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling', upstream: url })] }]);
    const [f] = only(check(text('https://github.com/example-org/jaeger/issues?q=label:lfx-mentorship')), 'upstream-issue');
    assert.equal(f.severity, 'information');
    assert.match(f.message, /filtered issue search, which is accepted/);
    const [g] = only(check(text('https://github.com/example-org/jaeger/issues')), 'upstream-issue');
    assert.equal(g.severity, 'warning');
    const [h] = only(check(text('https://github.com/search?q=repo%3Aexample-org%2Fjaeger+sampling&type=issues')), 'upstream-issue');
    assert.equal(h.severity, 'information', 'an issue search across GitHub too');
    const [code] = only(check(text('https://github.com/search?q=sampling&type=code')), 'upstream-issue');
    assert.equal(code.severity, 'warning', 'a code search is no issue');
  });
});
