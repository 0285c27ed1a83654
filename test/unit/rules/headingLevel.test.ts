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
});
