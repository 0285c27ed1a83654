// form/unknown-term: a term the shipped form does not offer (information), on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Term', '2027 Term 1 (Mar-May)');

describe('form/unknown-term', () => {
  it('is the one finding of the clean draft with a term the shipped form does not offer (information)', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/unknown-term']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(text, finding.range), '2027 Term 1 (Mar-May)');
  });
});
