// The rules' false-alarm cases (issue 11) as invented fixtures: patterns seen on real files that a
// reviewer would not flag. Nothing above information may be reported on them, and the information
// notes are the expected ones.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { check, parseArgs } from '../../../server/src/cli';

const FIXTURES = path.resolve(__dirname, '../../fixtures/rules/false-alarms');

describe('false-alarm fixtures', function () {
  this.timeout(20_000);

  it('report nothing above information, and only the expected notes', async () => {
    const result = await check(parseArgs(['check', FIXTURES]));
    const shown = result.findings.map((f) => `${path.relative(FIXTURES, f.file)}:${f.range.start.line + 1} ${f.severity} [${f.ruleId}] ${f.message}`);
    assert.deepEqual(shown.filter((s) => / (?:warning|error) /.test(s)), []);
    assert.deepEqual(
      result.findings.map((f) => `${path.basename(path.dirname(f.file))}/${path.basename(f.file)} ${f.ruleId}`).sort(),
      [
        '01-Mar-May/project_ideas.md mentor-format', // `(email: x, github: handle)`: told, not warned
        '03-Sep-Nov/README.md quota', // accepted proposals over the usual quota
        '03-Sep-Nov/README.md upstream-issue', // a filtered issue search
        'summerofcode/2025.md upstream-issue', // a filtered issue search
      ],
      shown.join('\n'),
    );
  });
});
