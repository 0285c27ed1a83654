// form/custom-description-too-long: a custom prerequisite description of 501 characters, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Custom Prerequisite Description', 'y'.repeat(501));

describe('form/custom-description-too-long', () => {
  it('is the one finding of the clean draft with a custom prerequisite description of 501 characters', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/custom-description-too-long']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'y'.repeat(501));
  });
});
