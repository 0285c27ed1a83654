// A start that yields to the editor, counted (never timed): indexing a workspace of 60 ideas files
// asks the client for settings once per workspace folder (plus once per open document), reports
// progress at its rate (here one report when files are found and one at the end), and sends ONE
// diagnostics refresh when the index is complete, not one per batch of files.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { statsRequest } from '../../server/src/protocol';
import { trackProgress } from './hoverFixture';
import { fileUri, LspClient } from './lspClient';

const TERMS = ['01-Mar-May', '02-Jun-Aug', '03-Sep-Nov'];

function ideas(project: string, title: string): string {
  return `## Template\n\n\`\`\`\n### CNCF Project Name\n\n#### Mentorship project Title\n\n- Description:\n\`\`\`\n\n### ${project}\n\n#### ${title}\n\n- Description: Invented.\n- Mentor(s):\n  - Mira Quell (@mquell, mira@example.org)\n`;
}

describe('server: workspace indexing', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const files: string[] = [];

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'project-ideas-indexing-'));
    for (let year = 2000; year < 2020; year++) {
      for (const term of TERMS) {
        const file = path.join(root, `programs/lfx-mentorship/${year}/${term}/project_ideas.md`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, ideas('Widgetry', `Proposal of ${year} ${term}`));
        files.push(file);
      }
    }
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('asks for settings once per folder and open document, and refreshes diagnostics once', async () => {
    // Indexing starts only once the open document is answered (no idle or maximum wait here), and
    // reports progress at most every minute: the first report and the last only.
    client = await LspClient.start({ folders: [root], server: { indexer: { settleMs: 50, idleMs: 600_000, maxWaitMs: 600_000, progressMs: 60_000 } } });
    const progress = trackProgress(client);
    // The editor opens a file and pulls its diagnostics before the workspace is indexed.
    const open = fileUri(files[0]);
    client.open(open, ideas('Widgetry', 'Edited in the editor'));
    await client.request('textDocument/diagnostic', { textDocument: { uri: open } });
    // Messages arrive in order: no progress came before the answer.
    assert.equal(progress.length, 0, 'indexing began after the open document was answered');
    await client.waitFor(() => progress.some((p) => p.kind === 'end'));
    await client.waitFor(() => client.requestsOf('workspace/diagnostic/refresh').length >= 1);
    const stats = await client.send(statsRequest, {});
    assert.equal(stats.indexedFiles, files.length);

    const scopes = client.requestsOf('workspace/configuration').flatMap((r) => r.params.items.map((item: any) => item.scopeUri));
    assert.deepEqual(scopes.sort(), [fileUri(root), open].sort(), 'one request for the folder, one for the open document');
    assert.equal(client.requestsOf('workspace/diagnostic/refresh').length, 1);
    assert.equal(stats.diagnosticRefreshes, 1);
    assert.deepEqual(
      progress.map((p) => [p.kind, p.percentage]),
      [
        ['begin', 0],
        ['report', 0],
        ['report', 100],
        ['end', undefined],
      ],
    );
  });
});
