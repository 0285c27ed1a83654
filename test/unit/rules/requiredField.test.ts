// required-field: the fields a proposal's template expects.
import * as assert from 'node:assert/strict';
import { ALICE, applyFirstFix, BOB, check, lfxFile, only, proposal } from './helpers';

describe('required-field', () => {
  it('reports a missing Expected Outcome and inserts it in template order', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', outcome: null }), proposal({ title: 'Storage backends' })] }]);
    const [f] = only(check(text), 'required-field');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /"Adaptive sampling" has no "Expected Outcome" field/);
    const fixed = applyFirstFix(text, f);
    assert.match(fixed, /- Description: Build the adaptive sampling feature\.\n- Expected Outcome:\n- Recommended Skills: Go, Kubernetes/);
    assert.deepEqual(only(check(fixed), 'required-field').map((x) => x.message), [
      '"Expected Outcome" of "Adaptive sampling" is empty; fill it in.',
    ]);
  });

  it('reports an empty Upstream Issue, never a missing LFX URL', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: '' })] }]);
    const found = only(check(text), 'required-field');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /"Upstream Issue" of "Adaptive sampling" is empty/);
  });

  it('does not ask for Expected Outcome when the file has no template and predates 2023', () => {
    const text = `### Jaeger\n\n#### Adaptive sampling\n\n- Description: Build it.\n- Recommended Skills: Go\n- Mentor(s): ${ALICE}, ${BOB}\n- Upstream Issue: https://github.com/example-org/example/issues/7\n`;
    assert.deepEqual(only(check(text, { path: '/ws/programs/lfx-mentorship/2021/01-Spring/project_ideas.md' }), 'required-field'), []);
    assert.equal(only(check(text), 'required-field').length, 1, 'a 2025 file without a template still needs it');
  });

  it('reads a label the parser took no field for with the parser\'s reader (escaped bold markers), never prose', () => {
    const escaped = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }).replace('- Recommended Skills: Go, Kubernetes', '- Recommended Skills\\*\\*: Go, Kubernetes')] }]);
    assert.deepEqual(only(check(escaped), 'required-field'), []);
    const prose = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', skills: null }).replace('- Expected Outcome:', '  Recommended skills are Go and Kubernetes.\n- Expected Outcome:')] }]);
    assert.match(only(check(prose), 'required-field')[0]?.message ?? '', /no "Recommended Skills" field/);
  });
});
