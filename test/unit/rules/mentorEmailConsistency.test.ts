// mentor-email-consistency: one handle, one address across the term's files.
import * as assert from 'node:assert/strict';
import { BOB, check, cleanFile, lfxFile, only, proposal } from './helpers';

describe('mentor-email-consistency', () => {
  it('reports a handle with another address in another file of the term', () => {
    const other = lfxFile([{ project: 'Envoy', proposals: [proposal({ title: 'Rate limits', mentors: ['Alice Example (@alice-example, alice@work.example)', BOB] })] }]);
    const found = only(check(cleanFile(), { others: { '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md': other } }), 'mentor-email-consistency');
    assert.equal(found.length, 2);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].related![0].uri, /README\.md$/);
  });

  it('is quiet when the addresses agree', () => {
    const other = lfxFile([{ project: 'Envoy', proposals: [proposal({ title: 'Rate limits' })] }]);
    assert.deepEqual(only(check(cleanFile(), { others: { '/ws/programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md': other } }), 'mentor-email-consistency'), []);
  });
});
