// The server in process (configureServer on an in-memory connection) on the invented two-term workspace: hover cards for a mentor, an
// upstream reference, a project heading and a field label, answered from the background index.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { LspClient, fileUri } from './lspClient';
import { KNOWLEDGE_2025, KNOWLEDGE_WORKSPACE, positionIn, trackProgress } from './hoverFixture';

describe('server: hover', function () {
  this.timeout(20_000);
  let client: LspClient;
  const uri = fileUri(KNOWLEDGE_2025);
  const text = readFileSync(KNOWLEDGE_2025, 'utf8');
  const hoverAt = (needle: string, offset = 1, occurrence = 0) =>
    client.request<any>('textDocument/hover', { textDocument: { uri }, position: positionIn(text, needle, offset, occurrence) });

  let progress: { kind: string; percentage?: number }[];
  before(async () => {
    client = await LspClient.start({ folders: [KNOWLEDGE_WORKSPACE] });
    progress = trackProgress(client);
    client.open(uri, text);
  });
  after(async () => {
    await client?.stop();
  });

  it('indexes the workspace in the background with a percentage report', async () => {
    await client.waitFor(() => progress.some((p) => p.kind === 'end'));
    assert.equal(progress[0].kind, 'begin');
    const percentages = progress.filter((p) => p.kind === 'report' && p.percentage !== undefined).map((p) => p.percentage!);
    assert.ok(percentages.includes(100), JSON.stringify(progress));
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'the percentage only grows');
  });

  it('shows a mentor card with proposals across both terms', async () => {
    // The 2024 file is never opened: its facts come from the workspace index.
    const h = await client.waitFor(async () => {
      const r = await hoverAt('@alice-example', 2);
      return r && /in \*\*2 terms\*\*/.test(r.contents.value) ? r : undefined;
    });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /\[@alice\\-example\]\(https:\/\/github\.com\/alice-example\)/);
    assert.match(h.contents.value, /2024\/03-Sep-Nov\/project_ideas\.md#L25\)/);
    assert.deepEqual(h.range, { start: positionIn(text, '@alice-example'), end: positionIn(text, '@alice-example', 14) });
  });

  it('shows an upstream reference with the other proposals pointing at the same target', async () => {
    const h = await hoverAt('https://github.com/Widgetry-IO', 12);
    assert.match(h.contents.value, /widgetry\\#101\*\* · issue/);
    assert.match(h.contents.value, /Also the target of 1 other proposal this term/);
    assert.match(h.contents.value, /Target of 1 proposal in earlier terms/);
  });

  it('shows catalogue facts and the quota on a project heading', async () => {
    const h = await hoverAt('### Kubernetes', 6);
    assert.match(h.contents.value, /\*\*Kubernetes\*\* · CNCF graduated/);
    assert.match(h.contents.value, /2 proposals this term \(LFX 2025 01\\-Mar\\-May\), quota 8\./);
  });

  it('explains a field label', async () => {
    const h = await hoverAt('- Recommended Skills:', 4, 1);
    assert.match(h.contents.value, /Recommended Skills field/);
  });

  it('answers null off any element', async () => {
    assert.equal(await hoverAt('A dashboard for adaptive', 4), null);
  });
});
