// form/mentors-too-many: five mentor lines, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Mentors', ['Mira Quell | @mquell | mira@example.org | mquell', 'Tobias Venn | @tvenn | tobias@example.net | tvenn', 'Ada Brook | @abrook | ada@example.com | abrook', 'Leo Marsh | @lmarsh | leo@example.com | lmarsh', 'Nia Stone | @nstone | nia@example.com | nstone'].join('\n'));

describe('form/mentors-too-many', () => {
  it('is the one finding of the clean draft with five mentor lines', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/mentors-too-many']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'Nia Stone | @nstone | nia@example.com | nstone');
  });
});
