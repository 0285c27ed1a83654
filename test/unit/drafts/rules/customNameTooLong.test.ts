// form/custom-name-too-long: a custom prerequisite name of 22 characters, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Custom Prerequisite Name', 'A writing sample, long');

describe('form/custom-name-too-long', () => {
  it('is the one finding of the clean draft with a custom prerequisite name of 22 characters', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/custom-name-too-long']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'A writing sample, long');
  });
});
