// The workspace index skips files over projectIdeas.maxFileSize (they get the outline only when opened).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from './lspClient';
import { trackProgress } from './hoverFixture';

function ideas(project: string, titles: string[], padding = ''): string {
  const entries = titles
    .map((t) => `#### ${t}\n\n- Description: ${padding}\n- Mentor(s):\n  - Alice Example (@alice-example, alice@example.org)\n`)
    .join('\n');
  return `## Template\n\n\`\`\`\n### CNCF Project Name\n\n#### Mentorship project Title\n\n- Description:\n\`\`\`\n\n### ${project}\n\n${entries}`;
}

describe('server: workspace index limits', function () {
  this.timeout(20_000);
  let root: string;
  let client: LspClient;
  let progress: { kind: string }[];

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'project-ideas-limits-'));
    const small = path.join(root, 'programs/lfx-mentorship/2025/01-Mar-May');
    const big = path.join(root, 'programs/lfx-mentorship/2025/02-Jun-Aug');
    mkdirSync(small, { recursive: true });
    mkdirSync(big, { recursive: true });
    writeFileSync(path.join(small, 'project_ideas.md'), ideas('Widgetry', ['Small file proposal']));
    writeFileSync(path.join(big, 'project_ideas.md'), ideas('Widgetry', ['Big file proposal'], 'x'.repeat(20_000)));
    client = await LspClient.start({ folders: [root], settings: { maxFileSize: 10_000 } });
    progress = trackProgress(client);
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the small file and skips the one over maxFileSize', async () => {
    // Wait for the background indexing to report its end, so a skipped file is not just a late one.
    await client.waitFor(() => progress.some((p) => p.kind === 'end'));
    const symbols = await client.request<any[]>('workspace/symbol', { query: 'file proposal' });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Small file proposal'],
    );
  });
});
