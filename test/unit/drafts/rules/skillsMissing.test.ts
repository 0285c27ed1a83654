// form/skills-missing: the "same as Technologies" box unticked and no skills, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, edit, ids, run, textAt } from '../helpers';

const text = edit(CLEAN, '- [X] Yes, the required', '- [ ] Yes, the required');

describe('form/skills-missing', () => {
  it('is the one finding of the clean draft with the "same as Technologies" box unticked and no skills', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/skills-missing']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'Required/Desirable Skills');
  });
});
