// form/section-missing: the last section removed, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, edit, ids, run, textAt } from '../helpers';

const text = edit(CLEAN, '\n### Custom Prerequisite — File Upload\n\n- [ ] Yes — completion of this task requires the mentee to submit a file.\n', '');

describe('form/section-missing', () => {
  it('is the one finding of the clean draft with the last section removed', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/section-missing']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), '');
  });
});
