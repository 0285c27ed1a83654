// quota: proposals per project per term.
import * as assert from 'node:assert/strict';
import { Quotas } from '../../../server/src/core/cncfProjects';
import { check, lfxFile, only, proposal } from './helpers';

describe('quota', () => {
  const five = () => lfxFile([{ project: 'Jaeger', proposals: ['A', 'B', 'C', 'D', 'E'].map((t) => proposal({ title: `Idea ${t}` })) }]);

  it('reports a fifth proposal for a project', () => {
    const [f] = only(check(five()), 'quota');
    assert.match(f.message, /Jaeger has 5 proposals this term; the quota is 4/);
    assert.equal(f.related?.length, 1);
  });

  it('follows quotas.yml overrides', () => {
    const quotas = Quotas.fromYaml('default_per_project_per_term: 4\noverrides:\n  jaegertracing: 6\n').value;
    assert.deepEqual(only(check(five(), { quotas }), 'quota'), []);
  });

  it('is information on an accepted term README, a warning in the file being drafted', () => {
    const readme = only(check(five(), { path: '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md' }), 'quota');
    assert.equal(readme.length, 1);
    assert.equal(readme[0].severity, 'information');
    assert.match(readme[0].message, /5 accepted proposals/);
    assert.equal(only(check(five()), 'quota')[0].severity, 'warning');
  });
});
