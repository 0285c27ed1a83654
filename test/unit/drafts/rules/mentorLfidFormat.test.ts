// form/mentor-lfid-format: a profile URL for an LFID, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Mentors', `Mira Quell | @mquell | mira@example.org | mquell\nTobias Venn | @tvenn | tobias@example.net | https://openprofile.dev/profile/tvenn`);

describe('form/mentor-lfid-format', () => {
  it('is the one finding of the clean draft with a profile URL for an LFID', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/mentor-lfid-format']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'https://openprofile.dev/profile/tvenn');
  });
});
