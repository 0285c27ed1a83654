// form/quota: four other Jaeger proposals in the term (drafts and accepted), on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { accepted, CLEAN, ids, run, textAt, workspace } from '../helpers';

const text = CLEAN;
const options = { workspace: workspace([1, 2, 3, 4].map((n) => accepted({ title: `Program ${n}`, upstream: `https://github.com/example-org/tracer/issues/${100 + n}`, source: n % 2 ? 'draft' : 'readme' }))) };

describe('form/quota', () => {
  it('is the one finding of the clean draft with four other Jaeger proposals in the term (drafts and accepted)', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text, options), ['form/quota']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text, options);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'Jaeger');
  });
});
