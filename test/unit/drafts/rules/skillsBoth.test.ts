// form/skills-both: the box ticked and skills given, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Required/Desirable Skills', 'technical writing');

describe('form/skills-both', () => {
  it('is the one finding of the clean draft with the box ticked and skills given', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/skills-both']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'technical writing');
  });
});
