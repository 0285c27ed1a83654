// form/name-too-long: a Program Name one character over the room Jaeger and 2026 Term 3 leave (71), on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Program Name', 'x'.repeat(72));

describe('form/name-too-long', () => {
  it('is the one finding of the clean draft with a Program Name one character over the room Jaeger and 2026 Term 3 leave (71)', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/name-too-long']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'x'.repeat(72));
  });
});
