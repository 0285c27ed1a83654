// form/challenge-url-invalid: a Coding Challenge URL that is not a URL, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Coding Challenge URL', 'see the tracer repository');

describe('form/challenge-url-invalid', () => {
  it('is the one finding of the clean draft with a Coding Challenge URL that is not a URL', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/challenge-url-invalid']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'see the tracer repository');
  });
});
