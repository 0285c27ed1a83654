// form/mentor-name: a mentor line without a name, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Mentors', `Mira Quell | @mquell | mira@example.org | mquell\n| @tvenn | tobias@example.net | tvenn`);

describe('form/mentor-name', () => {
  it('is the one finding of the clean draft with a mentor line without a name', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/mentor-name']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), '| @tvenn | tobias@example.net | tvenn');
  });
});
