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
});
