// Insert Proposal / Insert Project Section: where the entry goes (issue 11). Invented text.
import { strict as assert } from 'node:assert';
import { parseIdeas } from '../../server/src/core/parse';
import { entryInsertion } from '../../server/src/features/insertEntry';

const TEXT = [
  '### Acme Mesh', // 0
  '', // 1
  '#### Trace dashboards', // 2
  '', // 3
  '- Description: Render dashboards', // 4
  '  from traces.', // 5
  '- Mentor(s):', // 6
  '  - Mira Quell (@mquell, mira@example.org)', // 7
  '- Upstream Issue: https://github.com/acme-mesh/mesh/issues/42', // 8
  '', // 9
  '#### Span sampling', // 10
  '', // 11
  '- Description: Sample spans.', // 12
  '- Mentor(s): Tom Berg (@tberg, tom@example.org)', // 13
  '', // 14
  '### Widgetry', // 15
  '', // 16
].join('\n');
const lines = TEXT.split('\n');
const lineAt = (n: number) => lines[n];
const model = parseIdeas(TEXT, { path: '/ws/programs/lfx-mentorship/2099/01-Mar-May/project_ideas.md' });

describe('insert entry: where it goes', () => {
  it('puts a new proposal after the proposal holding the cursor, never in the middle of it', () => {
    for (const line of [2, 4, 5, 7]) {
      const r = entryInsertion(model, 'proposal', { line, character: lines[line].length }, lineAt);
      assert.deepEqual(r.position, { line: 8, character: lines[8].length }, `cursor on line ${line}`);
      assert.ok(r.snippet.startsWith('\n\n#### ${1:Proposal title}\n'), r.snippet);
    }
    const last = entryInsertion(model, 'proposal', { line: 12, character: 0 }, lineAt);
    assert.deepEqual(last.position, { line: 13, character: lines[13].length });
  });

  it('puts a new project section after the project holding the proposal', () => {
    const r = entryInsertion(model, 'project', { line: 7, character: 3 }, lineAt);
    assert.deepEqual(r.position, { line: 13, character: lines[13].length });
  });

  it('inserts at the cursor outside any proposal (no position in the answer)', () => {
    const r = entryInsertion(model, 'proposal', { line: 16, character: 0 }, lineAt);
    assert.equal(r.position, undefined);
    assert.match(r.snippet, /^\n?#### \$\{1:Proposal title\}/);
    assert.equal(entryInsertion(model, 'project', { line: 1, character: 0 }, lineAt).position, undefined);
  });
});
