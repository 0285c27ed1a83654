// mentor-format: the canonical `Name (@handle, address)` form.
import * as assert from 'node:assert/strict';
import { ALICE, applyEdits, BOB, check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('mentor-format', () => {
  it('rewrites a handle without @, an <address> and a profile link', () => {
    const text = lfxFile([
      {
        project: 'Jaeger',
        proposals: [
          proposal({
            title: 'Adaptive sampling',
            mentors: ['Alice Example (alice-example, <alice@example.org>)', 'Bob Sample [@bob-sample](https://github.com/bob-sample) (bob@example.net)'],
          }),
        ],
      },
    ]);
    const found = only(check(text), 'mentor-format');
    assert.equal(found.length, 2, found.map((f) => f.message).join('\n'));
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.ok(fixed.includes(`  - ${ALICE}\n  - ${BOB}\n`), fixed);
    assert.deepEqual(only(check(fixed), 'mentor-format'), []);
  });

  it('accepts the canonical form', () => {
    assert.deepEqual(only(check(cleanFile()), 'mentor-format'), []);
  });

  it('says what is wrong in words a mentor understands, never an internal code', () => {
    const entries = [
      'Mira\u00a0Quell (@mquell, mira@example.org)',
      'Mira Quell (@mquell，mira@example.org)',
      'Mira Quell - Example Corp (@mquell, mira@example.org)',
      '[Mira Quell] (@mquell, mira@example.org)',
    ];
    for (const entry of entries) {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling', mentors: [entry, BOB] })] }]);
      const [f] = only(check(text), 'mentor-format');
      assert.ok(f, entry);
      assert.doesNotMatch(f.message, /nbsp|fullwidth|affiliation|bracketed/, f.message);
    }
    const bracketed = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling', mentors: ['[Mira Quell] (@mquell, mira@example.org)', BOB] })] }]);
    const [f] = only(check(bracketed), 'mentor-format');
    assert.match(f.message, /square brackets/);
    assert.ok(applyEdits(bracketed, f.fixes![0].edits).includes('  - Mira Quell (@mquell, mira@example.org)\n'));
  });

  it('only tells (information) in a file from before the 2023 template, which asked for no form', () => {
    const text = `### Jaeger\n\n#### Trace sampling\n\n- Description: Build it.\n- Recommended Skills: Go\n- Mentor(s): Mira Quell, Tobin Vale (@tvale)\n- Upstream Issue: https://github.com/example-org/example/issues/7\n`;
    const old = only(check(text, { path: '/ws/programs/lfx-mentorship/2021/01-Spring/project_ideas.md' }), 'mentor-format');
    assert.ok(old.length >= 1);
    assert.ok(old.every((f) => f.severity === 'information'));
    assert.ok(only(check(text), 'mentor-format').every((f) => f.severity === 'warning'), 'a 2025 file is warned');
  });
});
