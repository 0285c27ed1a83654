// form/upstream-multiple: two URLs separated by a comma, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Upstream Issue URL', 'https://github.com/example-org/tracer/issues/12,https://github.com/example-org/tracer/issues/14');

describe('form/upstream-multiple', () => {
  it('is the one finding of the clean draft with two URLs separated by a comma', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/upstream-multiple']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding.range), 'https://github.com/example-org/tracer/issues/12,https://github.com/example-org/tracer/issues/14');
  });
});
