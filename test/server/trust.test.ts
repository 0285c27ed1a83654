// Reading real-looking files without false alarms, over the protocol (issue 11): a generated README
// (blockquoted descriptions, bold sub-bullets, prose in the mentor list), files recognised by content,
// completion inside a placeholder entry, Insert Proposal inside a proposal, one quick fix per title,
// hovers while indexing. Invented people and projects only.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';

const GENERATED = [
  '# LFX Mentorship 2099 Term 1: Mar - May',
  '',
  '## Accepted projects',
  '',
  '### Jaeger',
  '',
  '#### Trace dashboards',
  '',
  'CNCF - Jaeger: Trace dashboards (2099 Term 1)',
  '',
  '- Description:',
  '',
  '  > ## Description',
  '  > Render dashboards from traces.',
  '  >',
  '  > ## Expected outcomes',
  '  > - A dashboard renderer',
  '',
  '- Recommended Skills:',
  '  - **Backend:** Rust',
  '  - **Languages:** Go',
  '- Mentor(s):',
  '  - Mira Quell (@mquell, mira@example.org)',
  '  - Olsen, Tarja (@tolsen,\u00a0tarja@example.org)',
  '  - Primary Mentor: Tom Berg (@tberg, tom@example.org)',
  '  - Bo Lind (email: bo@example.org, github: blind)',
  '  - Also on hand: Priya and Tom from the storage team',
  '- Upstream Issue: https://github.com/example-org/jaeger/issues/42',
  '',
  '#### Span sampling',
  '',
  '- Description:',
  '',
  '  > ## Description',
  '  > Sample spans.',
  '  >',
  '  > ## Expected outcomes',
  '  > - A sampler',
  '',
  '- Recommended Skills: Go',
  '- Mentor(s):',
  '  - Mira Quell (@mquell, mira@example.org)',
  '- Upstream Issue: https://github.com/example-org/jaeger/issues/43',
  '',
].join('\n');

const OTHER_README = '# widgetkit\n\nA toolkit.\n\n## Tagged template literal\n\n```js\nconst w = widget`x`;\n```\n\n## Maintainers\n\n- Mira Quell (@mquell)\n';

const TWO_ON_A_LINE = [
  '### Falco',
  '',
  '#### Rule linting',
  '',
  '- Description: Lint rules.',
  '- Expected Outcome: A linter.',
  '- Recommended Skills: Go',
  '- Mentor(s): Ann One (ann-one, ann@example.org), Ben Two (ben-two, ben@example.org)',
  '- Upstream Issue: https://github.com/example-org/falco/issues/7',
  '',
].join('\n');

describe('server: trust on real-looking files (issue 11)', function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: string;
  const uris: Record<string, string> = {};
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'trust-'));
    const files: Record<string, [string, string]> = {
      generated: ['programs/lfx-mentorship/2099/01-Mar-May/project_ideas.md', GENERATED],
      copy: ['notes/copy-of-the-readme.md', GENERATED],
      other: ['widgetkit/README.md', OTHER_README],
      two: ['programs/lfx-mentorship/2099/02-Jun-Aug/project_ideas.md', TWO_ON_A_LINE],
    };
    for (const [key, [rel, text]] of Object.entries(files)) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
      uris[key] = fileUri(p);
    }
    client = await LspClient.start({ folders: [dir] });
    for (const [key, [, text]] of Object.entries(files)) client.open(uris[key], text);
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pull = async (uri: string) => (await client.request<any>('textDocument/diagnostic', { textDocument: { uri } })).items as any[];
  const symbols = (uri: string) => client.request<any[] | null>('textDocument/documentSymbol', { textDocument: { uri } });

  it('outlines only the real fields of a generated README', async () => {
    const [project] = (await symbols(uris.generated))!;
    assert.deepEqual(
      project.children.map((p: any) => [p.name, p.children.map((f: any) => f.name)]),
      [
        ['Trace dashboards', ['Description', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue']],
        ['Span sampling', ['Description', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue']],
      ],
    );
    const mentors = project.children[0].children[2].children.map((m: any) => m.name);
    assert.deepEqual(mentors, ['Mira Quell', 'Olsen, Tarja', 'Tom Berg', 'Bo Lind']);
  });

  it('raises no false alarm on it: no missing Expected Outcome, no repeated Description, no mentor findings', async () => {
    const items = await pull(uris.generated);
    const codes = items.map((d) => `${d.code}@${d.range.start.line}: ${d.message}`);
    // `(email: x, github: h)` is a format worth fixing (its handle is read: no mentor-handle finding).
    const labelled = lineOf(GENERATED, 'Bo Lind');
    for (const code of ['required-field', 'duplicate-field', 'mentor-format', 'mentor-email', 'mentor-handle']) {
      assert.ok(!items.some((d) => d.code === code && !(code === 'mentor-format' && d.range.start.line === labelled)), `${code}:\n${codes.join('\n')}`);
    }
    for (const d of items) assert.doesNotMatch(d.message, /nbsp|no-break/i, d.message);
  });

  it('recognises a copy outside the repository path by its content, and no ordinary README', async () => {
    const copy = await client.waitFor(async () => (await symbols(uris.copy))?.length);
    assert.equal(copy, 1);
    const other = await symbols(uris.other);
    assert.ok(!other || other.length === 0, JSON.stringify(other));
    assert.deepEqual(await pull(uris.other), []);
  });

  it('replaces a whole placeholder entry with the mentor chosen inside it', async () => {
    const line = lineOf(GENERATED, '- Recommended Skills: Go') + 2; // the Mira line of "Span sampling"
    const typed = '  - Name (@@, email)';
    const version = client.change(uris.generated, [{ range: { start: { line, character: 0 }, end: { line, character: GENERATED.split('\n')[line].length } }, text: typed }]);
    assert.ok(version > 1);
    const list = await client.waitFor(async () => {
      const r = await client.request<any>('textDocument/completion', { textDocument: { uri: uris.generated }, position: { line, character: 12 }, context: { triggerKind: 2, triggerCharacter: '@' } });
      return r?.items?.some((i: any) => i.label.startsWith('Tom Berg')) && r;
    });
    const tom = list.items.find((i: any) => i.label.startsWith('Tom Berg'));
    assert.deepEqual(tom.textEdit.range, { start: { line, character: 4 }, end: { line, character: typed.length } });
    assert.equal(tom.textEdit.newText, 'Tom Berg (@tberg, tom@example.org)');
    assert.ok(!list.items.some((i: any) => /github-handle|mentor_github/.test(i.label)));
  });

  it('inserts a new proposal after the proposal holding the cursor', async () => {
    const text = TWO_ON_A_LINE;
    const r = await client.request<any>('projectIdeas/entrySnippet', { textDocument: { uri: uris.two }, position: { line: lineOf(text, '- Recommended Skills'), character: 3 }, kind: 'proposal' });
    const last = lineOf(text, '- Upstream Issue');
    assert.deepEqual(r.position, { line: last, character: text.split('\n')[last].length });
    assert.match(r.snippet, /^\n\n#### /);
  });

  it('offers each quick fix once on a line holding two findings of one rule', async () => {
    const items = await pull(uris.two);
    const line = lineOf(TWO_ON_A_LINE, '- Mentor(s):');
    const here = items.filter((d) => d.range.start.line === line && d.code === 'mentor-format');
    assert.equal(here.length, 2, JSON.stringify(items));
    const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri: uris.two }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: here, only: ['quickfix'] } });
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.filter((t) => /^Disable/.test(t)).length, 1, titles.join('\n'));
    assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
    assert.equal(actions.find((a) => /^Disable/.test(a.title)).diagnostics.length, 2);
  });

  it('says a hover is incomplete while the workspace is still being indexed', async () => {
    // A server that has not started indexing (its quiet moment never comes during the test).
    const waiting = await LspClient.start({ folders: [dir], server: { indexer: { settleMs: 600_000, idleMs: 600_000, maxWaitMs: 600_000 } } });
    try {
      waiting.open(uris.two, TWO_ON_A_LINE);
      const at = { textDocument: { uri: uris.two }, position: { line: 0, character: 6 } };
      const busy = await waiting.waitFor(async () => (await waiting.request<any>('textDocument/hover', at))?.contents?.value);
      assert.match(busy, /still being indexed/);
      assert.doesNotMatch(busy, /No proposals in earlier terms/);
    } finally {
      await waiting.stop();
    }
    // The indexed server: the card says what earlier terms hold.
    const done = await client.waitFor(async () => {
      const v = (await client.request<any>('textDocument/hover', { textDocument: { uri: uris.two }, position: { line: 0, character: 6 } }))?.contents?.value as string | undefined;
      return v && !/still being indexed/.test(v) && v;
    });
    assert.match(done, /No proposals in earlier terms/);
  });
});
