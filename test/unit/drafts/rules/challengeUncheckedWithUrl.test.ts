// form/challenge-unchecked-with-url: a Coding Challenge URL with the box unticked, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, edit, ids, run, textAt } from '../helpers';

const text = edit(CLEAN, '- [X] Coding Challenge', '- [ ] Coding Challenge');

describe('form/challenge-unchecked-with-url', () => {
  it('is the one finding of the clean draft with a Coding Challenge URL with the box unticked', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/challenge-unchecked-with-url']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'https://github.com/example-org/tracer/issues/13');
  });
});
