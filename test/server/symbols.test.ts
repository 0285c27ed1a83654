// The server in process (configureServer on an in-memory connection): the outline of an ideas file, and workspace symbols across files.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';

const WORKSPACE = path.resolve(__dirname, '../fixtures/workspace');
const CURRENT = path.join(WORKSPACE, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');

describe('server: symbols', function () {
  this.timeout(20_000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE] });
  });
  after(async () => {
    await client?.stop();
  });

  it('answers documentSymbol with project > proposal > fields > mentors', async () => {
    const uri = fileUri(CURRENT);
    const text = readFileSync(CURRENT, 'utf8');
    client.open(uri, text);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['Widgetry', '2 proposals'],
        ['Gizmo Mesh', '1 proposal'],
      ],
    );
    const [widgetry] = symbols;
    const dryRun = widgetry.children[0];
    assert.equal(dryRun.name, 'Add a dry-run mode to the widget controller');
    assert.equal(dryRun.detail, '@alice-example, @bob-sample');
    assert.deepEqual(
      dryRun.children.map((f: any) => f.name),
      ['Description', 'Expected Outcome', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue', 'LFX URL'],
    );
    const mentors = dryRun.children[3];
    assert.deepEqual(
      mentors.children.map((m: any) => [m.name, m.detail]),
      [
        ['Alice Example', '@alice-example'],
        ['Bob Sample', '@bob-sample'],
      ],
    );
    // The selection range is the heading text; the range covers the whole section.
    const lines = text.split('\n');
    const heading = dryRun.selectionRange;
    assert.equal(lines[heading.start.line].slice(heading.start.character, heading.end.character), dryRun.name);
    assert.equal(lines[widgetry.selectionRange.start.line], '### Widgetry');
    assert.ok(widgetry.range.end.line >= widgetry.children[1].range.end.line);
    assert.ok(widgetry.range.end.line < symbols[1].range.start.line);
  });

  it('answers an empty outline for a markdown file that is not an ideas file', async () => {
    const uri = fileUri(path.join(WORKSPACE, 'docs/notes.md'));
    client.open(uri, readFileSync(path.join(WORKSPACE, 'docs/notes.md'), 'utf8'));
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
  });

  it('finds proposals of files that are not open through workspace/symbol', async () => {
    const found = await client.waitFor(async () => {
      const symbols = await client.request<any[]>('workspace/symbol', { query: 'garbage' });
      return symbols.length ? symbols : undefined;
    });
    assert.deepEqual(
      found.map((s: any) => [s.name, path.relative(WORKSPACE, new URL(s.location.uri).pathname)]),
      [['Widget garbage collector', 'programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md']],
    );
    assert.match(found[0].containerName, /Widgetry/);
  });
});
