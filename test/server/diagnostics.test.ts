// The server in process (configureServer on an in-memory connection): pull diagnostics (`data` names the rule only), code actions found
// again in the current version's findings (no stale fix, fix-all), the remembered analysis of an
// unchanged version, the workspace's quotas.yml, a bad quotas.yml and the maxFileSize limit.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { statsRequest } from '../../server/src/protocol';
import { LspClient, fileUri } from './lspClient';

const WORKSPACE = path.resolve(__dirname, '../fixtures/rules/workspace');
const IDEAS = path.join(WORKSPACE, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');
const OLDER = path.join(WORKSPACE, 'programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md');

/** Applies LSP text edits to a text (edits do not overlap). */
function apply(text: string, edits: { range: any; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .map((e, i) => ({ e, i, s: offset(e.range.start), t: offset(e.range.end) }))
    .sort((a, b) => b.s - a.s || b.i - a.i)
    .reduce((out, { e, s, t }) => out.slice(0, s) + e.newText + out.slice(t), text);
}

describe('server: diagnostics', function () {
  this.timeout(30_000);
  let client: LspClient;
  const uri = fileUri(IDEAS);
  const text = readFileSync(IDEAS, 'utf8');

  before(async () => {
    client = await LspClient.start({ folders: [WORKSPACE] });
    client.open(uri, text);
  });
  after(async () => {
    await client?.stop();
  });

  const pull = async (u = uri) => (await client.request<any>('textDocument/diagnostic', { textDocument: { uri: u } })).items as any[];
  const quickFixes = (diagnostic: any) =>
    client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  const analysesRun = async () => (await client.send(statsRequest, {})).analysesRun as number;

  it('reports rule findings with codes, ranges, related information, and only the rule in data', async () => {
    const items = await client.waitFor(async () => {
      const got = await pull();
      // quotas.yml of the workspace is read before the first answer.
      return got.some((d) => d.code === 'quota') ? got : undefined;
    });
    const codes = items.map((d) => d.code).sort();
    assert.deepEqual(codes, ['heading-level', 'mentor-format', 'quota', 'required-field', 'upstream-issue']);
    for (const d of items) {
      assert.equal(d.source, 'project-ideas');
      // No fix edits in the report: code actions find them again on the server.
      assert.deepEqual(d.data, { ruleId: d.code });
    }
    const tbd = items.find((d) => d.code === 'upstream-issue');
    assert.equal(tbd.severity, 1);
    assert.equal(text.split('\n')[tbd.range.start.line].slice(tbd.range.start.character, tbd.range.end.character), 'TBD');
    const quota = items.find((d) => d.code === 'quota');
    assert.match(quota.message, /quota is 1 per project/, 'quotas.yml of the workspace is used');
    assert.equal(quota.relatedInformation.length, 2);
  });

  it('reports a cross-file finding against another file of the workspace index', async () => {
    // The older term writes the mentor's address differently from the later (open) one: the finding
    // sits in the older file and points at the later.
    const older = fileUri(OLDER);
    client.open(older, readFileSync(OLDER, 'utf8'));
    const consistency = await client.waitFor(async () => (await pull(older)).find((d) => d.code === 'mentor-email-consistency'));
    assert.equal(consistency.relatedInformation[0].location.uri, uri);
    client.close(older);
  });

  it('offers the fix of the diagnostic, a disable comment and applies them', async () => {
    const items = await pull();
    const format = items.find((d) => d.code === 'mentor-format');
    const actions = await quickFixes(format);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Rewrite as "Alice Example (@alice-example, alice@example.org)"'), titles.join('\n'));
    assert.ok(titles.includes('Disable "mentor-format" for this file'));
    const rewrite = actions.find((a) => a.title.startsWith('Rewrite'));
    assert.equal(rewrite.kind, 'quickfix');
    const fixed = apply(text, rewrite.edit.changes[uri]);
    assert.ok(fixed.includes('  - Alice Example (@alice-example, alice@example.org)\n'));
    const disable = actions.find((a) => a.title.startsWith('Disable'));
    assert.ok(apply(text, disable.edit.changes[uri]).startsWith('<!-- project-ideas-disable mentor-format -->\n# Term 01'));

    const level = items.find((d) => d.code === 'heading-level');
    const [setLevel] = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: level.range, context: { diagnostics: [level] } });
    assert.ok(apply(text, setLevel.edit.changes[uri]).includes('\n#### Query language\n'));
  });

  it('answers a pull of an unchanged version, and code actions after it, without running the rules again', async () => {
    // The background indexing changes what cross-file rules see: let it finish first.
    await client.waitFor(() => client.notifications.some((n) => n.method === 'window/logMessage' && /indexed \d+ files/.test(n.params.message)));
    const first = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    const runs = await analysesRun();
    const second = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(second, first);
    const actions = await quickFixes(second.items.find((d: any) => d.code === 'mentor-format'));
    assert.ok(actions.some((a) => a.title.startsWith('Rewrite as')));
    assert.equal(await analysesRun(), runs, 'the second pull and the code action reused the analysis');
    // A new version is analysed afresh.
    client.change(uri, [{ text: `${text}\n` }]);
    await pull();
    assert.equal(await analysesRun(), runs + 1);
    client.change(uri, [{ text }]);
  });

  it('keeps the analysis when only the document itself reaches the index (its own entry lags its text)', async () => {
    client.change(uri, [{ text: `${text}\nMore words.\n` }]);
    const first = await client.request<any>('textDocument/diagnostic', { textDocument: { uri } });
    const runs = await analysesRun();
    const revision = async () => (await client.send(statsRequest, {})).indexRevision as number;
    const before = await revision();
    // The edited version reaches the index a few hundred ms later (a new index revision).
    await client.waitFor(async () => (await revision()) > before);
    assert.deepEqual(await client.request<any>('textDocument/diagnostic', { textDocument: { uri } }), first);
    assert.equal(await analysesRun(), runs, 'its own index update did not run the rules again');
    client.change(uri, [{ text }]);
  });

  it('analyses an unchanged version again when another file changes what it reports', async () => {
    await client.waitFor(() => client.notifications.some((n) => n.method === 'window/logMessage' && /indexed \d+ files/.test(n.params.message)));
    const older = fileUri(OLDER);
    const olderText = readFileSync(OLDER, 'utf8');
    assert.ok(olderText.includes('dan@old-employer.example'));
    client.open(older, olderText);
    assert.ok((await pull(older)).some((d) => d.code === 'mentor-email-consistency'));
    // The later term, edited to the address the older file uses: the inconsistency is gone there.
    client.change(uri, [{ text: text.replace('dan@example.org', 'dan@old-employer.example') }]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } }); // its new model enters the index (at once or soon)
    await client.waitFor(async () => !(await pull(older)).some((d) => d.code === 'mentor-email-consistency'));
    // Back to its own text: the inconsistency again, on the unchanged version of the older file.
    client.change(uri, [{ text }]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.waitFor(async () => (await pull(older)).some((d) => d.code === 'mentor-email-consistency'));
    client.close(older);
  });

  it('offers no stale fix for a diagnostic of an older version, only the disable comment', async () => {
    const old = (await pull()).find((d) => d.code === 'mentor-format');
    const titles = async (diagnostic: any) => (await quickFixes(diagnostic)).map((a) => a.title);
    assert.ok((await titles(old)).some((t) => t.startsWith('Rewrite as')));

    // Moved: a line inserted above the finding.
    const moved = `\n${text}`;
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.deepEqual(await titles(old), ['Disable "mentor-format" for this file']);
    const current = (await pull()).find((d) => d.code === 'mentor-format');
    assert.equal(current.range.start.line, old.range.start.line + 1);
    const rewrite = (await quickFixes(current)).find((a) => a.title.startsWith('Rewrite as'));
    assert.ok(apply(moved, rewrite.edit.changes[uri]).includes('\n  - Alice Example (@alice-example, alice@example.org)\n'));

    // Changed: the mentor line edited in place; the old fix would write the old handle back.
    const line = current.range.start.line;
    const at = moved.split('\n')[line].indexOf('alice-example');
    assert.ok(at >= 0);
    client.change(uri, [{ range: { start: { line, character: at }, end: { line, character: at + 'alice-example'.length } }, text: 'alice-sample' }]);
    assert.deepEqual(await titles(current), ['Disable "mentor-format" for this file']);
    const changed = (await pull()).find((d) => d.code === 'mentor-format');
    assert.ok((await titles(changed)).includes('Rewrite as "Alice Example (@alice-sample, alice@example.org)"'));
    client.change(uri, [{ text }]);
  });

  it('fixes every problem of one rule, and every safe problem of the file, at once', async () => {
    const edited = `${text}
#### Span links

- Description: Link related spans.
- Expected Outcome: Span links in the UI.
- Recommended Skills: Go
- Mentor(s):
  - Erin Madeup (erin-madeup, <erin@example.org>)
  - Dan Fictional (@dan-fictional, dan@example.org)
- Upstream Issue: https://github.com/example-org/tracing/issues/8
`;
    client.change(uri, [{ text: edited }]);
    const formats = await client.waitFor(async () => {
      const got = (await pull()).filter((d) => d.code === 'mentor-format');
      return got.length >= 2 ? got : undefined;
    });
    const actions = await quickFixes(formats[0]);
    const all = actions.find((a) => a.title === `Fix all ${formats.length} "mentor-format" problems in this file`);
    assert.ok(all, actions.map((a) => a.title).join('\n'));
    const fixed = apply(edited, all.edit.changes[uri]);
    assert.ok(fixed.includes('\n  - Alice Example (@alice-example, alice@example.org)\n'));
    assert.ok(fixed.includes('\n  - Erin Madeup (@erin-madeup, erin@example.org)\n'));

    const [source] = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(source.kind, 'source.fixAll.projectIdeas');
    const everything = apply(edited, source.edit.changes[uri]);
    assert.ok(everything.includes('\n  - Erin Madeup (@erin-madeup, erin@example.org)\n'));
    assert.ok(everything.includes('\n#### Query language\n'));
    client.change(uri, [{ text }]);
  });

  it('updates after an edit, and the disable comment silences the rule', async () => {
    client.change(uri, [{ text: `<!-- project-ideas-disable mentor-format upstream-issue -->\n${text}` }]);
    const items = await client.waitFor(async () => {
      const got = await pull();
      return got.some((d) => d.code === 'upstream-issue') ? undefined : got;
    });
    assert.ok(!items.some((d) => d.code === 'mentor-format'));
    assert.ok(items.some((d) => d.code === 'required-field'));
    client.change(uri, [{ text }]);
  });

  it('follows projectIdeas.rules severities', async () => {
    client.settings = { rules: { 'required-field': 'hint', quota: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const items = await client.waitFor(async () => {
      const got = await pull();
      return got.some((d) => d.code === 'quota') ? undefined : got;
    });
    assert.equal(items.find((d) => d.code === 'required-field').severity, 4);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });
});

describe('server: diagnostics of an unchanged version after a settings or workspace data change', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient | undefined;
  const quotas = () => path.join(dir, 'programs/lfx-mentorship/automation/quotas.yml');
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pi-diag-unchanged-'));
    mkdirSync(path.dirname(quotas()), { recursive: true });
    writeFileSync(quotas(), 'overrides:\n  jaegertracing: 1\n');
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the next pull follows new settings and a new quotas.yml', async () => {
    // The document is open only (no ideas file on disk): nothing is re-indexed, only settings and
    // workspace data change under the remembered analysis.
    client = await LspClient.start({ folders: [dir], settings: {} });
    const uri = fileUri(path.join(dir, 'programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md'));
    client.open(uri, readFileSync(IDEAS, 'utf8'));
    const pull = async () => (await client!.request<any>('textDocument/diagnostic', { textDocument: { uri } })).items as any[];
    await client.waitFor(async () => (await pull()).some((d) => d.code === 'quota'));
    assert.ok((await pull()).some((d) => d.code === 'required-field'));

    client.settings = { rules: { 'required-field': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor(async () => !(await pull()).some((d) => d.code === 'required-field'));

    writeFileSync(quotas(), 'overrides:\n  jaegertracing: 5\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(quotas()), type: 2 }] });
    await client.waitFor(async () => !(await pull()).some((d) => d.code === 'quota'));
  });
});

describe('server: diagnostics limits and workspace data', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient | undefined;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pi-diag-'));
    mkdirSync(path.join(dir, 'programs/lfx-mentorship/automation'), { recursive: true });
    mkdirSync(path.join(dir, 'programs/lfx-mentorship/2025/01-Mar-May'), { recursive: true });
    writeFileSync(path.join(dir, 'programs/lfx-mentorship/automation/quotas.yml'), 'overrides: [this is: not, a mapping\n');
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns about a bad quotas.yml and uses the defaults; big files get one information diagnostic', async () => {
    client = await LspClient.start({ folders: [dir], settings: { maxFileSize: 10_000 } });
    const message = await client.waitFor(() => client!.notifications.find((n) => n.method === 'window/showMessage' && /quotas\.yml/.test(n.params.message)));
    assert.match(message.params.message, /could not be read .* using the default quotas/);
    const file = path.join(dir, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');
    const big = readFileSync(IDEAS, 'utf8') + `\n<!-- ${'x'.repeat(12_000)} -->\n`;
    client.open(fileUri(file), big);
    const items = (await client.request<any>('textDocument/diagnostic', { textDocument: { uri: fileUri(file) } })).items;
    assert.equal(items.length, 1);
    assert.equal(items[0].severity, 3);
    assert.match(items[0].message, /larger than projectIdeas\.maxFileSize/);
  });
});
