// mentor-count: how many mentors a program allows or requires.
import * as assert from 'node:assert/strict';
import { ALICE, BOB, CAROL, check, GSOC_PATH, GSOC_TEMPLATE, lfxFile, only, proposal } from './helpers';

describe('mentor-count', () => {
  it('reports more than 4 mentors as an error and 1 mentor as information (LFX)', () => {
    const five = ['Dan Fictional (@dan-fictional, dan@example.org)', 'Eve Madeup (@eve-madeup, eve@example.org)', ALICE, BOB, CAROL];
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: five }), proposal({ title: 'Storage backends', mentors: [ALICE] })] }]);
    const found = only(check(text), 'mentor-count');
    assert.deepEqual(found.map((f) => f.severity), ['error', 'information']);
    assert.match(found[0].message, /lists 5 mentors; at most 4/);
  });

  it('requires 2 mentors and a primary for GSoC', () => {
    const text = `${GSOC_TEMPLATE}\n#### Jaeger\n\n##### Adaptive sampling\n\n- Description: Build it.\n- Expected Outcome: Done.\n- Recommended Skills: Go\n- Expected project size: medium (~175 h)\n- Mentor(s):\n  - ${ALICE}\n- Upstream Issue: https://github.com/example-org/example/issues/9\n\n##### Storage backends\n\n- Description: Build it.\n- Expected Outcome: Done.\n- Recommended Skills: Go\n- Expected project size: large (~350 h)\n- Mentor(s):\n  - ${ALICE} - primary\n  - ${BOB}\n- Upstream Issue: https://github.com/example-org/example/issues/10\n`;
    const found = only(check(text, { path: GSOC_PATH }), 'mentor-count');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /requires at least 2/);
  });
});
