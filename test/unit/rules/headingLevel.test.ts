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

  it('does not make the projects after a project written one level too high its sub-projects', () => {
    // Projects at ####, proposals at #####; `### Envoy` is one level too high, the projects after it are not its.
    const at4 = (project: string, title: string) => ({ project, level: 4, proposals: [proposal({ title, level: 5 })] });
    const text = lfxFile([at4('Jaeger', 'Trace sampling'), at4('Falco', 'Rule linting'), { project: 'Envoy', level: 3, proposals: [proposal({ title: 'Rate limits' })] }, at4('Mesh Toolkit', 'Mesh checks')]);
    const messages = only(check(text), 'heading-level').map((f) => f.message);
    assert.ok(messages.some((m) => /Project heading "Envoy" is at level 3/.test(m)), messages.join('\n'));
    assert.ok(!messages.some((m) => /Mesh/.test(m)), messages.join('\n'));
  });
});
