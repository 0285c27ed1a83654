// form/description-too-long: a Program Description of 3,014 characters, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Program Description', `## Description\n${'word '.repeat(600)}`);

describe('form/description-too-long', () => {
  it('is the one finding of the clean draft with a Program Description of 3,014 characters', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/description-too-long']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), `## Description\n${'word '.repeat(600)}`.trim());
  });
});
