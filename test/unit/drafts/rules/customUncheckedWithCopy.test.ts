// form/custom-unchecked-with-copy: a custom prerequisite written with its box unticked, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, edit, ids, run, textAt } from '../helpers';

const text = edit(CLEAN, '- [X] Custom Prerequisite', '- [ ] Custom Prerequisite');

describe('form/custom-unchecked-with-copy', () => {
  it('is the one finding of the clean draft with a custom prerequisite written with its box unticked', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/custom-unchecked-with-copy']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), '- [ ] Custom Prerequisite (fill in details below)');
  });
});
