// Hostile inputs through the LSP-free core and features: no exception, every range inside the
// document, the incremental model equal to a full parse. How fast they are answered is measured by
// `npm run fuzz` and `npm run bench`, not asserted here (a loaded machine is slow on everything).
// The same inputs go through the real server in test/server/hostile.test.ts.
import { strict as assert } from 'node:assert';
import { parseIdeas } from '../../server/src/core/parse';
import { remarkWouldStall } from '../../server/src/core/parse/chunks';
import { checkInput, hostileInputs, inventedIdeasFile, Rng } from '../../scripts/fuzz';

const PATH = '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';

describe('hostile inputs (core and features)', function () {
  this.timeout(120_000);

  for (const input of hostileInputs()) {
    it(`${input.name}: no exception, ranges inside`, () => {
      const result = checkInput(input.text, { path: PATH, rng: new Rng(3), positions: 8, incremental: input.text.length < 2_000_000 });
      assert.deepEqual(result.failures.map((f) => `${f.check}: ${f.message.split('\n')[0]}`), []);
    });
  }

  it('reads proposals through CRLF, CR-only, mixed endings, a BOM and tabs alike', () => {
    const base = inventedIdeasFile(2);
    const expected = parseIdeas(base, { path: PATH });
    const titles = (text: string) => parseIdeas(text, { path: PATH }).projects.flatMap((p) => p.proposals.map((x) => x.title));
    for (const variant of [
      base.replace(/\n/g, '\r\n'),
      base.replace(/\n/g, '\r'),
      base.replace(/\n/g, (_m, i: number) => ['\n', '\r\n', '\r'][i % 3]),
      '\uFEFF' + base,
    ]) {
      assert.deepEqual(titles(variant), ['Invented proposal 0', 'Invented proposal 1']);
      const model = parseIdeas(variant, { path: PATH });
      assert.equal(model.projects[0].proposals[0].mentors.length, expected.projects[0].proposals[0].mentors.length);
    }
  });

  it('sends text micromark handles in quadratic time to the line scanner, never real files', () => {
    assert.equal(remarkWouldStall(inventedIdeasFile(40)), false);
    assert.equal(remarkWouldStall('- '.repeat(10_000)), true);
    assert.equal(remarkWouldStall('*a'.repeat(2000)), true);
    assert.equal(remarkWouldStall(('*a'.repeat(100) + '\n\n').repeat(100)), false);
    assert.equal(remarkWouldStall('<!--'.repeat(1000)), true);
    assert.equal(remarkWouldStall(Array.from({ length: 700 }, () => '  - nested').join('\n')), true);
    assert.equal(remarkWouldStall('> '.repeat(40) + 'x'), true);
    // 25 K `*a` in one paragraph took 7 s in remark; the line scanner reads it (and its fields) instead.
    const stalling = '### P\n\n#### T\n\n- Description: ' + '*a'.repeat(25_000) + '\n';
    assert.equal(remarkWouldStall(stalling), true);
    const [proposal] = parseIdeas(stalling, { path: PATH }).projects[0].proposals;
    assert.equal(proposal.title, 'T');
    assert.equal(proposal.fields[0].key, 'description');
    assert.equal(proposal.fields[0].value.length, 50_000);
  });
});
