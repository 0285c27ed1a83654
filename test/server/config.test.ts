// Bad configuration through the server (in process): invalid `projectIdeas.*` settings and hostile
// projects.yml / quotas.yml files each give a clear warning, and the defaults are used.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inventedIdeasFile } from '../../scripts/fuzz';
import { fileUri, LspClient } from './lspClient';

const TERM = 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';

function warnings(client: LspClient): string[] {
  return client.notifications.filter((n) => n.method === 'window/showMessage' && n.params?.type === 2).map((n) => String(n.params.message));
}

/** A file whose diagnostics show which catalogue and quota are in use: Kubernetes (known) with 5 proposals. */
function probeFile(): string {
  let text = inventedIdeasFile(0).replace('### Widgetry', '### Kubernetes');
  for (let i = 0; i < 5; i++) {
    text += `#### Invented Kubernetes proposal ${i}\n\n- Description: x\n- Expected Outcome: y\n- Recommended Skills: Go\n- Mentor(s):\n  - Quinn Invented (@quinn-invented, quinn@example.invalid)\n  - Riley Madeup (@riley-madeup, riley@example.invalid)\n- Upstream Issue: https://github.com/acme-invented/k/issues/${i + 1}\n\n`;
  }
  return text;
}

describe('server: bad configuration', function () {
  this.timeout(60_000);
  const made: string[] = [];
  let client: LspClient | undefined;

  function workspace(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'project-ideas-config-'));
    made.push(root);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    return root;
  }

  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  async function diagnosticsOf(root: string): Promise<any[]> {
    const file = path.join(root, TERM);
    const uri = fileUri(file);
    client!.open(uri, probeFile());
    const report = await client!.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  it('invalid projectIdeas.* values: one warning each, defaults used', async () => {
    const root = workspace({ [TERM]: probeFile() });
    client = await LspClient.start({
      folders: [root],
      settings: {
        files: 'project_ideas.md',
        detectByContent: 'yes',
        rules: { 'mentor-count': 'loud', 'unknown-project': 42 },
        quotas: { kubernetes: -1, default: 1.5 },
        maxFileSize: 'big',
      },
    });
    const items = await diagnosticsOf(root);
    const shown = await client.waitFor(() => (warnings(client!).length >= 6 ? warnings(client!) : undefined));
    for (const name of ['files', 'detectByContent', 'rules.mentor-count', 'rules.unknown-project', 'quotas.kubernetes', 'quotas.default', 'maxFileSize']) {
      assert.ok(shown.some((m) => m.includes(`projectIdeas.${name}`)), `a warning names projectIdeas.${name}: ${shown.join(' | ')}`);
    }
    assert.ok(shown.every((m) => /using|ignored/.test(m)), 'each warning says what is used instead');
    // Defaults in use: the file is an ideas file by the default globs (it has diagnostics), the default
    // quota for Kubernetes (8) is not exceeded by 5 proposals, and maxFileSize did not switch checks off.
    assert.ok(!items.some((d) => d.code === 'file-too-large'));
    assert.ok(!items.some((d) => d.code === 'quota'), JSON.stringify(items.map((d) => d.code)));
  });

  const hostileYaml: Record<string, { file: 'projects.yml' | 'quotas.yml'; text: () => string }> = {
    'a YAML bomb (aliases) in projects.yml': {
      file: 'projects.yml',
      text: () => {
        let y = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
        let prev = 'a';
        for (const name of 'bcdefghijk') {
          y += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
          prev = name;
        }
        return y + 'projects: *k\n';
      },
    },
    'a YAML bomb (aliases) in quotas.yml': {
      file: 'quotas.yml',
      text: () => {
        let y = 'a: &a [1,1,1,1,1,1,1,1,1]\n';
        let prev = 'a';
        for (const name of 'bcdefghij') {
          y += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
          prev = name;
        }
        return y + 'default_per_project_per_term: 2\noverrides: {kubernetes: *j}\n';
      },
    },
    'wrong types in quotas.yml': { file: 'quotas.yml', text: () => 'default_per_project_per_term: lots\noverrides: [1, 2]\n' },
    'wrong types in projects.yml': { file: 'projects.yml', text: () => 'projects: 42\n' },
    'invalid YAML in projects.yml': { file: 'projects.yml', text: () => 'projects:\n  - name: [unclosed\n    slug: {\n' },
    'a 12 MB projects.yml': {
      file: 'projects.yml',
      text: () => 'projects:\n' + '  - name: Invented Project\n    slug: invented\n    maturity: sandbox\n'.repeat(200_000),
    },
    'a quota of a million in quotas.yml': { file: 'quotas.yml', text: () => 'default_per_project_per_term: 1000000\n' },
  };

  for (const [name, { file, text }] of Object.entries(hostileYaml)) {
    it(`${name}: a clear warning, the defaults used, requests still answered`, async () => {
      const started = Date.now();
      const root = workspace({ [TERM]: probeFile(), [`programs/lfx-mentorship/automation/${file}`]: text() });
      client = await LspClient.start({ folders: [root] });
      const shown = await client.waitFor(() => warnings(client!).find((m) => m.includes(file)), 20_000);
      assert.match(shown, /could not be read|too large/);
      assert.match(shown, file === 'projects.yml' ? /project list shipped with the extension/ : /default quotas/);
      assert.ok(shown.length < 400, `a short message, not a dump: ${shown.length} characters`);
      const items = await diagnosticsOf(root);
      // Defaults in use: Kubernetes is in the shipped catalogue (no unknown-project) and its default
      // quota (8) is not exceeded by 5 proposals (no quota finding).
      assert.ok(!items.some((d) => d.code === 'unknown-project'), JSON.stringify(items.map((d) => d.message)));
      assert.ok(!items.some((d) => d.code === 'quota'));
      assert.ok(Date.now() - started < 30_000);
    });
  }
});
