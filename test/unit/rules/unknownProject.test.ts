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
});
