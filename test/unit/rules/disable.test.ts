// Disable comments (rules/disable.ts): silencing rules in a file, and the fix that adds the comment.
import * as assert from 'node:assert/strict';
import { disableFix, disabledRules } from '../../../server/src/rules/disable';
import { applyEdits, check, lfxFile, only, proposal } from './helpers';

describe('disable comments', () => {
  it('silences a rule with a comment, and the fix adds the comment', () => {
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: 'TBD' })] }]);
    const fix = disableFix(text.split('\n'), 'upstream-issue');
    const disabled = applyEdits(text, fix.edits);
    assert.ok(disabled.startsWith('<!-- project-ideas-disable upstream-issue -->\n'));
    assert.deepEqual(only(check(disabled), 'upstream-issue'), []);
    const both = applyEdits(disabled, disableFix(disabled.split('\n'), 'mentor-count').edits);
    assert.ok(both.startsWith('<!-- project-ideas-disable upstream-issue mentor-count -->\n'), both.slice(0, 80));
    assert.deepEqual([...disabledRules(both.split('\n')).ids], ['upstream-issue', 'mentor-count']);
    assert.deepEqual(check(`<!-- project-ideas-disable -->\n${text}`), []);
  });
});
