// analyse(file) and the workspace data files: the one path from a file to its findings that the
// server and the CLI share (server/src/analyse.ts, server/src/workspaceData.ts).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyse, FILE_TOO_LARGE, TOO_LARGE_MESSAGE } from '../../server/src/analyse';
import { parseIdeas } from '../../server/src/core/parse';
import { termOfPath } from '../../server/src/core/term';
import { splitLines } from '../../server/src/rules/util';
import { automationFile, defaultWorkspaceData, isWorkspaceDataPath, readWorkspaceData } from '../../server/src/workspaceData';

const FILE = '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';

/** A term file with `n` proposals under Kubernetes (known to the shipped catalogue; default quota 8). */
function kubernetesFile(n: number): string {
  let text = '# Term\n\n### Kubernetes\n\n';
  for (let i = 0; i < n; i++) {
    text += `#### Invented proposal ${i}\n\n- Description: Invented.\n- Expected Outcome: Invented.\n- Recommended Skills: Go\n- Mentor(s):\n  - Mira Quell (@mquell, mira@example.org)\n- Upstream Issue: https://github.com/acme-invented/k/issues/${i + 1}\n\n`;
  }
  return text;
}

function fileOf(text: string) {
  return { uri: `file://${FILE}`, path: FILE, text, lines: splitLines(text), model: parseIdeas(text, { path: FILE }), term: termOfPath(FILE) };
}

describe('analyse(file)', () => {
  it('runs the rules with the workspace data, quota overrides on top', () => {
    const file = fileOf(kubernetesFile(3));
    const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);
    assert.ok(!ids(analyse(file, { data: defaultWorkspaceData() })).includes('quota'), 'Kubernetes may have 8');
    const over = analyse(file, { data: defaultWorkspaceData(), quotaOverrides: { kubernetes: 2 } });
    assert.ok(ids(over).includes('quota'), JSON.stringify(ids(over)));
    assert.ok(!ids(analyse(file, { data: defaultWorkspaceData(), quotaOverrides: { kubernetes: 2 }, severities: { quota: 'off' } })).includes('quota'));
  });

  it('gives a file over the size limit one information finding in the words asked for, and runs no rule', () => {
    const findings = analyse(fileOf(kubernetesFile(3)), { data: defaultWorkspaceData(), quotaOverrides: { kubernetes: 1 }, tooLarge: TOO_LARGE_MESSAGE.option(10) });
    assert.deepEqual(findings, [
      { ruleId: FILE_TOO_LARGE, severity: 'information', message: 'Not checked: the file is larger than --max-file-size (10 bytes).', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    ]);
    assert.match(TOO_LARGE_MESSAGE.setting(10), /projectIdeas\.maxFileSize \(10 bytes\)/);
  });
});

describe('workspace data files', () => {
  const made: string[] = [];
  const root = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pi-data-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      const file = automationFile(dir, name as 'quotas.yml' | 'projects.yml');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return dir;
  };
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads each file from the first root holding it; defaults for a file found nowhere', async () => {
    const empty = root({});
    const first = root({ 'quotas.yml': 'default_per_project_per_term: 2\n' });
    const second = root({ 'quotas.yml': 'default_per_project_per_term: 3\n' });
    const problems: string[] = [];
    const data = await readWorkspaceData([empty, first, second], (p) => problems.push(p));
    assert.equal(data.quotas.quotaFor('Widgetry', undefined), 2);
    assert.equal(problems.length, 0);
    assert.equal(data.catalog.projects.length, defaultWorkspaceData().catalog.projects.length, 'the shipped project list');
  });

  it('explicit files win; a bad file is one problem and the defaults', async () => {
    const bad = root({ 'quotas.yml': 'overrides: [unclosed\n' });
    const good = root({ 'quotas.yml': 'default_per_project_per_term: 5\n' });
    const problems: string[] = [];
    const explicit = await readWorkspaceData([bad], (p) => problems.push(p), { quotas: automationFile(good, 'quotas.yml') });
    assert.equal(explicit.quotas.quotaFor('Widgetry', undefined), 5);
    assert.equal(problems.length, 0);
    const fallback = await readWorkspaceData([bad], (p) => problems.push(p));
    assert.equal(fallback.quotas.quotaFor('Widgetry', undefined), defaultWorkspaceData().quotas.quotaFor('Widgetry', undefined));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /quotas\.yml/);
  });

  it('knows the data files by path', () => {
    assert.ok(isWorkspaceDataPath('/ws/programs/lfx-mentorship/automation/quotas.yml'));
    assert.ok(isWorkspaceDataPath('C:\\ws\\programs\\lfx-mentorship\\automation\\projects.yaml'));
    assert.ok(!isWorkspaceDataPath('/ws/programs/lfx-mentorship/2025/quotas.yml'));
  });
});
