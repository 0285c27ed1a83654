// form/placeholder: the form's Technologies placeholder left in, on the clean invented draft (test/fixtures/drafts/clean.lfx-proposal.md).
import { strict as assert } from 'node:assert';
import { CLEAN, ids, run, setField, textAt } from '../helpers';

const text = setField(CLEAN, 'Technologies', 'e.g. Go, Kubernetes, Prometheus, gRPC');

describe('form/placeholder', () => {
  it('is the one finding of the clean draft with the form\'s Technologies placeholder left in', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(text), ['form/placeholder']);
  });

  it('has the severity the bot gives it and points at the defect', () => {
    const [finding, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), 'e.g. Go, Kubernetes, Prometheus, gRPC');
  });
});
