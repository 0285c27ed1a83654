// form/duplicate-upstream: an accepted proposal of the term with the same issue, written differently, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { accepted, CLEAN, ids, run, textAt, workspace } from '../helpers';

const text = CLEAN;
const options = { workspace: workspace([accepted({ upstream: 'https://www.github.com/Example-Org/tracer/issues/12/', project: 'Flux' })]) };

describe('form/duplicate-upstream', () => {
  it('is the one finding of the clean draft with an accepted proposal of the term with the same issue, written differently', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text, options), ['form/duplicate-upstream']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text, options);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'https://github.com/example-org/tracer/issues/12');
  });
});
