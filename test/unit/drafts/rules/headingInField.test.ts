// form/heading-in-field: a ### heading inside Program Description, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, edit, ids, run, textAt } from '../helpers';

const text = edit(CLEAN, '## Expected outcomes', '### Expected outcomes');

describe('form/heading-in-field', () => {
  it('is the one finding of the clean draft with a ### heading inside Program Description', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/heading-in-field']);
  });

  it('leaves an unknown ### section before the first form field alone: the bot ignores it and cuts no field short', () => {
    assert.deepEqual(ids(`### Notes for reviewers\n\nAsk Tobias about the second milestone.\n\n${CLEAN}`), []);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), '### Expected outcomes');
  });
});
