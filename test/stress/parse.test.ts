// The parser on a huge file: it reads every proposal and does not hang (the suite's time-out is the
// bound; how fast is `npm run bench`'s business).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project, Proposal } from '../../server/src/core/model';
import { parseIdeas } from '../../server/src/core/parse';
import { proposalsUnder } from '../../server/src/core/walk';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'parser', name), 'utf8');

/** The proposals under these top projects (loose ones not included). */
function proposals(ps: readonly Project[]): readonly Proposal[] {
  return ps.flatMap((p) => [...proposalsUnder(p)]);
}

describe('parseIdeas: huge input', function () {
  this.timeout(120_000);

  it('parses a 5 MB file without hanging', () => {
    const one = fixture('lfx-basic.md');
    let t = '';
    let copies = 0;
    while (t.length < 5_000_000) (t += one), copies++;
    const r = parseIdeas(t);
    assert.ok(proposals(r.projects).length > 1000);
    assert.equal(proposals(r.projects).length, copies * proposals(parseIdeas(one).projects).length);
  });
});
