// unknown-project: project headings that match no CNCF project.
import * as assert from 'node:assert/strict';
import { applyFirstFix, check, lfxFile, only, proposal } from './helpers';

describe('unknown-project', () => {
  it('offers the closest project names for a typo', () => {
    const text = lfxFile([{ project: 'Jaegr', proposals: [proposal({ title: 'Adaptive sampling' })] }]);
    const [f] = only(check(text), 'unknown-project');
    assert.equal(f.severity, 'warning');
    assert.equal(f.fixes?.[0].title, 'Rename to "Jaeger"');
    assert.ok(applyFirstFix(text, f).includes('\n### Jaeger\n'));
  });

  it('accepts known names, acronyms and qualified headings', () => {
    const text = lfxFile([
      { project: 'OPA', proposals: [proposal({ title: 'Policy tests' })] },
      { project: 'Kubernetes SIG Docs', proposals: [proposal({ title: 'Docs site' })] },
    ]);
    assert.deepEqual(only(check(text), 'unknown-project'), []);
  });

  // KubeEdge has proposals of its own and a sub-project (Sedna is not in the CNCF list).
  const withSubproject = (sub = 'Sedna') =>
    lfxFile([
      { project: 'KubeEdge', proposals: [proposal({ title: 'Edge log shipping' }), `#### ${sub}\n\n${proposal({ title: `${sub} model cache`, level: 5 })}`] },
      { project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling' })] },
    ]);

  it('says nothing of a heading one level below a known CNCF project', () => {
    assert.deepEqual(only(check(withSubproject()), 'unknown-project').map((f) => f.message), []);
  });

  it('still notes an unknown name at project level', () => {
    const text = lfxFile([{ project: 'Sedna', proposals: [proposal({ title: 'Sedna model cache' })] }]);
    assert.equal(only(check(text), 'unknown-project').length, 1);
  });
});
