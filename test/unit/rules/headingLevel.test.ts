// heading-level: projects and proposals at the template's levels.
import * as assert from 'node:assert/strict';
import { applyFirstFix, check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('heading-level', () => {
  it('reports a proposal at the project level and fixes the level', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }), proposal({ title: 'Storage backends' }), proposal({ title: 'Query UI', level: 5 })] }]);
    const [f] = only(check(text), 'heading-level');
    assert.match(f.message, /"Query UI" is at level 5/);
    assert.ok(applyFirstFix(text, f).includes('\n#### Query UI\n'));
  });

  it('accepts the template levels', () => {
    assert.deepEqual(only(check(cleanFile()), 'heading-level'), []);
  });

  // KubeEdge has proposals of its own and a sub-project (Sedna is not in the CNCF list).
  const withSubproject = (sub = 'Sedna') =>
    lfxFile([
      { project: 'KubeEdge', proposals: [proposal({ title: 'Edge log shipping' }), `#### ${sub}\n\n${proposal({ title: `${sub} model cache`, level: 5 })}`] },
      { project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling' })] },
    ]);

  it('accepts a sub-project one level below a project that has proposals of its own', () => {
    assert.deepEqual(only(check(withSubproject()), 'heading-level').map((f) => f.message), []);
  });

  it('still reports a CNCF project of its own written one level too deep', () => {
    const found = only(check(withSubproject('Falco')), 'heading-level');
    assert.ok(found.some((f) => /Project heading "Falco" is at level 4/.test(f.message)), found.map((f) => f.message).join('\n'));
  });
});
