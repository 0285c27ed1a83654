// The built command line (dist/cli.js, `npm run build` first: test:server does) on LFX proposal
// drafts: check (same formats and ids), issue-url, propose-again, new-proposal. Invented files only.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkDraft, newProposal, parseDraft, shippedForm, valueOf } from '../../server/src/drafts';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/drafts');
const CLEAN = readFileSync(path.join(FIXTURES, 'clean.lfx-proposal.md'), 'utf8');
const README = readFileSync(path.join(FIXTURES, 'readme-generated.md'), 'utf8');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('command line on drafts (dist/cli.js)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js: npm run build first (test:server does)');
    dir = mkdtempSync(path.join(tmpdir(), 'drafts-cli-'));
    const term = path.join(dir, 'programs/lfx-mentorship/2026/03-Sep-Nov');
    mkdirSync(term, { recursive: true });
    writeFileSync(path.join(term, 'README.md'), README);
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'drafts/clean.lfx-proposal.md'), CLEAN);
    // Same upstream issue as the README's accepted Jaeger program, and a mentor without an LFID.
    writeFileSync(path.join(dir, 'drafts/again.md'), CLEAN.replace('Program Name\n\nTrace dashboards for everyone', 'Program Name\n\nTrace views').replace('tobias@example.net | tvenn', 'tobias@example.net | '));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('check: drafts among ideas files, same formats and ids, --rule form/x=off', () => {
    const clean = cli(['check', 'drafts/clean.lfx-proposal.md'], dir);
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /0 errors, 0 warnings, 0 notes in 1 files/);
    const gh = cli(['check', '.', '--format', 'github'], dir);
    assert.equal(gh.status, 1, gh.stderr);
    const lines = gh.stdout.split('\n').filter((l) => l.includes('drafts/again.md'));
    assert.deepEqual(lines.map((l) => /title=project-ideas\(([^)]+)\)/.exec(l)?.[1]), ['form/mentor-lfid-missing', 'form/duplicate-upstream']);
    assert.match(lines.find((l) => l.includes('form/mentor-lfid-missing'))!, /^::error file=drafts\/again\.md,line=40,col=44,/);
    // The README's accepted program and the other draft use the same upstream issue in the same term.
    assert.match(lines[1], /^::warning file=drafts\/again\.md,line=44,.*"Trace dashboards for everyone" \(accepted\), "Trace dashboards for everyone" \(draft\) in 2026 Term 3/);
    const off = cli(['check', 'drafts', '--rule', 'form/mentor-lfid-missing=off', '--rule=form/duplicate-upstream=error', '--format', 'json'], dir);
    assert.equal(off.status, 1, off.stderr);
    assert.deepEqual(JSON.parse(off.stdout).findings.map((f: { file: string; rule: string; severity: string }) => [f.file, f.rule, f.severity]), [
      ['drafts/again.md', 'form/duplicate-upstream', 'error'],
      ['drafts/clean.lfx-proposal.md', 'form/duplicate-upstream', 'error'],
    ]);
    assert.equal(cli(['check', '--rule', 'form/no-such=off'], dir).status, 2);
  });

  it('issue-url: the prefilled link decodes back to the draft; refused while the draft has errors', () => {
    const ok = cli(['issue-url', 'drafts/clean.lfx-proposal.md'], dir);
    assert.equal(ok.status, 0, ok.stderr);
    const url = new URL(ok.stdout.trim());
    const draft = parseDraft(CLEAN, shippedForm());
    for (const id of ['program_name', 'program_description', 'technologies', 'mentors', 'upstream_issue_url']) assert.equal(url.searchParams.get(id), valueOf(draft, id), id);
    assert.equal(url.searchParams.has('labels'), false);
    assert.match(ok.stderr, /Choose "Jaeger" in CNCF Project/);
    const fork = cli(['issue-url', 'drafts/clean.lfx-proposal.md', '--repo', 'example-org/mentoring'], dir);
    assert.ok(fork.stdout.startsWith('https://github.com/example-org/mentoring/issues/new?template=lfx-program-proposal.yml&title='));
    const gh = cli(['issue-url', 'drafts/clean.lfx-proposal.md', '--gh'], dir);
    assert.equal(gh.stdout.trim(), "gh issue create -R cncf/mentoring --title '[CNCF LFX Proposal] Jaeger Trace dashboards for everyone' --body-file drafts/clean.lfx-proposal.md");
    const refused = cli(['issue-url', 'drafts/again.md'], dir);
    assert.equal(refused.status, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /1 error the bot would report[\s\S]*drafts\/again\.md:40:44 .*\[form\/mentor-lfid-missing\]/);
  });

  it('propose-again: a draft on standard output, notes on standard error', () => {
    const r = cli(['propose-again', 'programs/lfx-mentorship/2026/03-Sep-Nov/README.md', '--line', '16', '--term', '2026 Term 3 (Sep-Nov)'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(valueOf(parseDraft(r.stdout, shippedForm()), 'program_name'), 'Trace dashboards for everyone');
    assert.deepEqual([...new Set(checkDraft(r.stdout).findings.map((f) => f.ruleId))], ['form/mentor-lfid-missing']);
    assert.match(r.stderr, /note: Check that the upstream issue https:\/\/github\.com\/example-org\/tracer\/issues\/12 is still open/);
    assert.equal(cli(['propose-again', 'programs/lfx-mentorship/2026/03-Sep-Nov/README.md', '--line', '1', '--term', 'x'], dir).status, 2);
    assert.equal(cli(['propose-again', 'programs/lfx-mentorship/2026/03-Sep-Nov/README.md', '--line', '16'], dir).status, 2);
  });

  it("propose-again: a mentor's missing name or address from the ideas files given, else from FILE's folder", () => {
    const own = mkdtempSync(path.join(tmpdir(), 'drafts-cli-known-'));
    try {
      const older = path.join(own, 'programs/lfx-mentorship/2026/03-Sep-Nov');
      const newer = path.join(own, 'programs/lfx-mentorship/2027/01-Mar-May');
      mkdirSync(older, { recursive: true });
      mkdirSync(newer, { recursive: true });
      writeFileSync(path.join(older, 'README.md'), README);
      // The same program written again with Tobias by handle only, in another term's folder and beside the README.
      const sparse = README.replace('  - Tobias Venn (@tvenn, tobias@example.net)\n', '  - @tvenn\n');
      writeFileSync(path.join(newer, 'README.md'), sparse);
      writeFileSync(path.join(older, 'project_ideas.md'), sparse);
      const args = ['--line', '14', '--term', '2027 Term 1 (Mar-May)'];
      const filled = /\nTobias Venn \| @tvenn \| tobias@example\.net \| ?\n/;

      const alone = cli(['propose-again', 'programs/lfx-mentorship/2027/01-Mar-May/README.md', ...args], own);
      assert.equal(alone.status, 0, alone.stderr);
      assert.doesNotMatch(alone.stdout, filled, 'nothing in its own folder knows Tobias');

      const given = cli(['propose-again', 'programs/lfx-mentorship/2027/01-Mar-May/README.md', 'programs', ...args], own);
      assert.equal(given.status, 0, given.stderr);
      assert.match(given.stdout, filled);
      assert.match(given.stderr, /taken from the other ideas files/);
      const givenFile = cli(['propose-again', 'programs/lfx-mentorship/2027/01-Mar-May/README.md', 'programs/lfx-mentorship/2026/03-Sep-Nov/README.md', ...args], own);
      assert.match(givenFile.stdout, filled);

      const beside = cli(['propose-again', 'programs/lfx-mentorship/2026/03-Sep-Nov/project_ideas.md', ...args], own);
      assert.equal(beside.status, 0, beside.stderr);
      assert.match(beside.stdout, filled);
      assert.equal(cli(['propose-again', 'programs/lfx-mentorship/2027/01-Mar-May/README.md', 'no-such-folder', ...args], own).status, 2);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('new-proposal: an empty draft; a workspace form is used when present', () => {
    const r = cli(['new-proposal', '--project', 'Jaeger', '--term', '2027 Term 1 (Mar-May)'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, newProposal(shippedForm(), { project: 'Jaeger', term: '2027 Term 1 (Mar-May)' }));
    assert.match(r.stderr, /"2027 Term 1 \(Mar-May\)" is not among the Term options of the shipped form/);
    const forms = path.join(dir, '.github/ISSUE_TEMPLATE');
    mkdirSync(forms, { recursive: true });
    const yaml = readFileSync(path.join(ROOT, 'server/src/drafts/data/lfx-program-proposal.yml'), 'utf8').replace('        - "2026 Term 3 (Sep-Nov)"', '        - "2027 Term 1 (Mar-May)"');
    writeFileSync(path.join(forms, 'lfx-program-proposal.yml'), yaml);
    const withForm = cli(['new-proposal', '--project', 'Jaeger', '--term', '2027 Term 1 (Mar-May)'], dir);
    assert.equal(withForm.stderr, '');
    writeFileSync(path.join(forms, 'lfx-program-proposal.yml'), 'body: [');
    const bad = cli(['new-proposal', '--project', 'Jaeger', '--term', '2026 Term 3 (Sep-Nov)'], dir);
    assert.equal(bad.status, 0);
    assert.match(bad.stderr, /lfx-program-proposal\.yml could not be read .*using the form shipped with the extension/);
    rmSync(forms, { recursive: true });
  });

  it('--help lists the draft commands and the form/* rules', () => {
    const r = cli(['--help'], dir);
    assert.equal(r.status, 0);
    for (const text of ['project-ideas issue-url DRAFT', 'project-ideas propose-again FILE --line N', 'project-ideas new-proposal --project P --term T', 'form/mentor-lfid-missing', 'form/heading-in-field']) assert.ok(r.stdout.includes(text), text);
  });
});
