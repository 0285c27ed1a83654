// The command-line checker: arguments, folders and explicit files, formats.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { check, formatResult, parseArgs } from '../../../server/src/cli';

const WORKSPACE = path.resolve(__dirname, '../../fixtures/rules/workspace');

describe('cli', () => {
  it('parses options and rejects bad ones', () => {
    const o = parseArgs(['check', 'a.md', '--format', 'github', '--rule', 'quota=off', '--rule=mentor-count=error']);
    assert.deepEqual(o.paths, ['a.md']);
    assert.equal(o.format, 'github');
    assert.deepEqual(o.severities, { quota: 'off', 'mentor-count': 'error' });
    assert.deepEqual(parseArgs(['check']).paths, ['.']);
    assert.throws(() => parseArgs(['check', '--format', 'xml']), /--format must be/);
    assert.throws(() => parseArgs(['check', '--rule', 'no-such-rule=off']), /unknown rule/);
    assert.throws(() => parseArgs(['check', '--rule', 'quota=loud']), /severity/);
    assert.throws(() => parseArgs(['check', '--frobnicate']), /unknown option/);
    assert.throws(() => parseArgs(['lint']), /unknown command/);
  });

  it('checks a folder with the workspace quotas and cross-file rules', async () => {
    const result = await check(parseArgs(['check', WORKSPACE]));
    assert.equal(result.files, 2);
    const rules = result.findings.map((f) => f.ruleId);
    assert.ok(rules.includes('quota') && rules.includes('mentor-email-consistency') && rules.includes('upstream-issue'), rules.join());
    const gh = formatResult(result, 'github').split('\n');
    const tbd = gh.find((l) => l.includes('not a URL'))!;
    assert.match(tbd, /^::error file=.*project_ideas\.md,line=43,col=19,endLine=43,endColumn=22,title=project-ideas\(upstream-issue\)::"Upstream Issue" of "Storage plugin tests" is "TBD"/);
    const json = JSON.parse(formatResult(result, 'json'));
    assert.equal(json.summary.error, 2);
  });

  it('turns a rule off and reports no error then', async () => {
    const result = await check(parseArgs(['check', WORKSPACE, '--rule', 'upstream-issue=off', '--rule', 'required-field=warning']));
    assert.ok(!result.findings.some((f) => f.severity === 'error'));
  });
});
