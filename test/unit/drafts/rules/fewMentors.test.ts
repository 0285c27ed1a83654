// form/few-mentors: one valid mentor only, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Mentors', 'Mira Quell | @mquell | mira@example.org | mquell');

describe('form/few-mentors', () => {
  it('is the one finding of the clean draft with one valid mentor only', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/few-mentors']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'Mira Quell | @mquell | mira@example.org | mquell');
  });
});
