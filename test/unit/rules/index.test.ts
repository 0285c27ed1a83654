// The registry (rules/index.ts): ids, severities, settings, and a clean file.
import * as assert from 'node:assert/strict';
import { RULES } from '../../../server/src/rules';
import { check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('rules/index', () => {
  it('every rule has a kebab-case id, a severity and a description', () => {
    const ids = new Set<string>();
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.ok(['hint', 'information', 'warning', 'error'].includes(rule.defaultSeverity));
      assert.ok(rule.description.length > 20);
    }
  });

  it('a clean file has no findings', () => {
    assert.deepEqual(check(cleanFile()).map((f) => f.message), []);
  });

  it('applies severities from settings, off included', () => {
    const bad = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: 'TBD' })] }]);
    assert.equal(only(check(bad, { severities: { 'upstream-issue': 'hint' } }), 'upstream-issue')[0].severity, 'hint');
    assert.deepEqual(only(check(bad, { severities: { 'upstream-issue': 'off' } }), 'upstream-issue'), []);
  });
});
