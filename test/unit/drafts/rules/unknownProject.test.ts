// form/unknown-project: a misspelt project (the shipped form: information), on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'CNCF Project', 'Jaegar');

describe('form/unknown-project', () => {
  it('is the one finding of the clean draft with a misspelt project (the shipped form: information)', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/unknown-project']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(text, finding.range), 'Jaegar');
  });
});
