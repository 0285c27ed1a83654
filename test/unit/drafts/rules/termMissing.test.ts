// form/term-missing: an empty Term, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Term', '_No response_');

describe('form/term-missing', () => {
  it('is the one finding of the clean draft with an empty Term', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/term-missing']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'Term');
  });
});
