// mentor-email: a mentor's address is present and valid.
import * as assert from 'node:assert/strict';
import { check, cleanFile, GSOC_PATH, GSOC_TEMPLATE, lfxFile, only, proposal } from './helpers';

describe('mentor-email', () => {
  it('reports a missing and an invalid address', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice-example)', 'Bob Sample (@bob-sample, bob@exa_mple.net)'] })] }]);
    const found = only(check(text), 'mentor-email');
    assert.deepEqual(found.map((f) => f.severity).sort(), ['error', 'warning']);
  });

  it('accepts valid addresses', () => {
    assert.deepEqual(only(check(cleanFile()), 'mentor-email'), []);
  });

  it('asks for the LFX platform address in LFX files only', () => {
    const mentors = ['Mira Quell (@mquell)', 'Tobin Vale (@tvale, tobin@example.net)'];
    const [lfx] = only(check(lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling', mentors })] }])), 'mentor-email');
    assert.match(lfx.message, /LFX Mentorship platform/);
    const gsocText = `${GSOC_TEMPLATE}\n#### Jaeger\n\n${proposal({ title: 'Trace sampling', level: 5, size: 'medium (~175 hours)', mentors: [`${mentors[0]} - primary`, mentors[1]] })}`;
    const [gsoc] = only(check(gsocText, { path: GSOC_PATH }), 'mentor-email');
    assert.ok(gsoc);
    assert.doesNotMatch(gsoc.message, /LFX/);
  });
});
