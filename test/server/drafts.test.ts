// LFX issue-form drafts in the language server (in process, the same handlers as over stdio): the
// draft kind's outline, form/* diagnostics against the workspace's term READMEs, room-left inlay
// hints, completion, hover, a quick fix, the server commands behind the client's draft commands,
// the moved-proposals notice of the issue-form era, and the workspace's own issue form.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SHIPPED_FORM_YAML } from '../../server/src/drafts/data/lfxForm.generated';
import { positionIn, trackProgress } from './hoverFixture';
import { LspClient, fileUri } from './lspClient';

const FIXTURE = path.resolve(__dirname, '../fixtures/drafts-workspace');
const DRAFT = 'drafts/trace-views.lfx-proposal.md';
const README_T2 = 'programs/lfx-mentorship/2026/02-Jun-Aug/README.md';
const NOTICE = 'programs/lfx-mentorship/2026/03-Sep-Nov/project_ideas.md';

describe('server: LFX drafts', function () {
  this.timeout(30_000);
  let client: LspClient;
  let root: string;
  let uri: string;
  let text: string;

  const diagnostics = async (u = uri) => (await client.request<any>('textDocument/diagnostic', { textDocument: { uri: u } })).items as any[];
  const ids = async (u = uri) => (await diagnostics(u)).map((d) => d.code).sort();
  const command = (name: string, ...args: unknown[]) => client.request<any>('workspace/executeCommand', { command: name, arguments: args });
  const open = (relative: string) => {
    const u = fileUri(path.join(root, relative));
    client.open(u, readFileSync(path.join(root, relative), 'utf8'));
    return u;
  };
  /** Replaces the whole draft (a full-text change) and returns the new text. */
  const replaceDraft = (next: string) => {
    client.change(uri, [{ text: next }]);
    text = next;
    return next;
  };

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pi-drafts-'));
    cpSync(FIXTURE, root, { recursive: true });
    uri = fileUri(path.join(root, DRAFT));
    text = readFileSync(path.join(root, DRAFT), 'utf8');
    client = await LspClient.start({ folders: [root] });
    const progress = trackProgress(client);
    client.open(uri, text);
    // The term READMEs are indexed: the draft's findings include what they bring.
    await client.waitFor(() => progress.some((p) => p.kind === 'end'));
  });
  afterEach(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('outlines the program by its LFX title, each section and each mentor', async () => {
    const [program] = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(program.name, 'CNCF - Jaeger: Trace views for newcomers (2026 Term 3)');
    const sections = program.children.map((s: any) => s.name);
    assert.equal(sections[0], 'CNCF Project');
    assert.ok(sections.includes('Custom Prerequisite — File Upload'));
    const mentors = program.children.find((s: any) => s.name === 'Mentors');
    assert.deepEqual(
      mentors.children.map((m: any) => [m.name, m.detail ?? '']),
      [
        ['Mira Quell (@mquell, mira@example.org)', 'primary'],
        ['Tobias Venn', '@tvenn'],
      ],
    );
  });

  it("reports the bot's findings and the upstream issue a proposal of the term's README already uses", async () => {
    assert.deepEqual(await ids(), ['form/duplicate-upstream', 'form/mentor-fields', 'form/technologies-missing']);
    const duplicate = (await diagnostics()).find((d) => d.code === 'form/duplicate-upstream');
    assert.equal(duplicate.severity, 2);
    assert.match(duplicate.relatedInformation[0].location.uri, /03-Sep-Nov\/README\.md$/);
  });

  it('compares a draft with the other open drafts, again when one of them changes', async () => {
    const otherUri = fileUri(path.join(root, 'drafts/other.lfx-proposal.md'));
    const other = text.replace('Trace views for newcomers', 'Span views').replace('issues/12', 'issues/99');
    client.open(otherUri, other);
    assert.ok(!(await ids(otherUri)).includes('form/duplicate-upstream'));
    // The first draft takes the other's upstream issue: both now say so.
    replaceDraft(text.replace('issues/12', 'issues/99'));
    assert.ok((await ids()).includes('form/duplicate-upstream'));
    const again = (await diagnostics(otherUri)).find((d) => d.code === 'form/duplicate-upstream');
    assert.ok(again, 'the other draft, unchanged, is checked again');
    assert.equal(again.relatedInformation[0].location.uri, uri);
    client.close(uri);
    assert.ok(!(await ids(otherUri)).includes('form/duplicate-upstream'), 'a closed draft no longer counts');
  });

  it('compares a draft with the drafts saved on disk but not open, kept current as they change', async () => {
    // A saved draft of another invented program, written before the server starts (indexed from disk).
    await client.stop();
    const saved = path.join(root, 'drafts/saved/span-search.lfx-proposal.md');
    mkdirSync(path.dirname(saved), { recursive: true });
    const savedText = text.replace('Trace views for newcomers', 'Span search').replace('issues/12', 'issues/77');
    writeFileSync(saved, savedText);
    client = await LspClient.start({ folders: [root] });
    const progress = trackProgress(client);
    client.open(uri, replaceDraft(text.replace('issues/12', 'issues/77')));
    await client.waitFor(() => progress.some((p) => p.kind === 'end'));
    const duplicate = await client.waitFor(async () => (await diagnostics()).find((d) => d.code === 'form/duplicate-upstream'));
    assert.equal(duplicate.relatedInformation[0].location.uri, fileUri(saved));
    // The saved draft moves to another issue on disk: the open draft no longer reports it.
    writeFileSync(saved, savedText.replace('issues/77', 'issues/78'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(saved), type: 2 }] });
    await client.waitFor(async () => !(await ids()).includes('form/duplicate-upstream'));
    // Back on the same issue, then deleted: counted, then no longer.
    writeFileSync(saved, savedText);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(saved), type: 2 }] });
    await client.waitFor(async () => (await ids()).includes('form/duplicate-upstream'));
    rmSync(saved);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(saved), type: 3 }] });
    await client.waitFor(async () => !(await ids()).includes('form/duplicate-upstream'));
  });

  it('sets severities from projectIdeas.rules', async () => {
    await client.stop();
    client = await LspClient.start({ folders: [root], settings: { rules: { 'form/technologies-missing': 'off', 'form/mentor-fields': 'warning' } } });
    client.open(uri, text);
    const items = await diagnostics();
    assert.deepEqual(items.map((d) => [d.code, d.severity]).filter(([code]) => code !== 'form/duplicate-upstream'), [['form/mentor-fields', 2]]);
  });

  it('shows the room left in Program Name, Program Description and the custom prerequisite, live', async () => {
    const hints = async () =>
      (await client.request<any[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } })).map(
        (h) => [h.position.line, h.label],
      );
    const description = /### Program Description\n\n([\s\S]*?)\n\n### Technologies/.exec(text)![1];
    assert.deepEqual(await hints(), [
      [positionIn(text, '### Program Name').line, '25/71'],
      [positionIn(text, '### Program Description').line, `${description.length}/3,000`],
      [positionIn(text, '### Custom Prerequisite Name').line, '14/20'],
      [positionIn(text, '### Custom Prerequisite Description').line, '41/500'],
    ]);
    // Typing in the name: the hint follows (Jaeger in 2026 Term 3 leaves 71 characters).
    const at = positionIn(text, 'Trace views for newcomers', 'Trace views for newcomers'.length);
    client.change(uri, [{ range: { start: at, end: at }, text: ' and operators who read traces every day at scale and need more' }]);
    assert.deepEqual((await hints())[0], [positionIn(text, '### Program Name').line, '88/71 over']);
    assert.ok((await ids()).includes('form/name-too-long'));
  });

  it('completes the dropdown options, whole mentor lines, technologies and checkbox lines', async () => {
    const complete = (position: { line: number; character: number }) =>
      client.request<any>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
    const term = await complete(positionIn(text, '2026 Term 3 (Sep-Nov)', 4));
    assert.ok(term.items.some((i: any) => i.label === '2026 Term 3 (Sep-Nov)'));
    assert.ok(term.items.every((i: any) => /^\d{4} Term \d/.test(i.label)));

    // A new mentor line: the workspace's mentors in the pipe form, Tobias (already listed) left out.
    const end = positionIn(text, 'tobias@example.net | tvenn', 'tobias@example.net | tvenn'.length);
    replaceDraft(text.replace('tobias@example.net | tvenn\n', 'tobias@example.net | tvenn\n\n'));
    const mentors = await complete({ line: end.line + 1, character: 0 });
    const labels = mentors.items.map((i: any) => i.label);
    assert.ok(labels.includes('Ada Brook | @abrook | ada@example.com |'), labels.join('\n'));
    assert.ok(!labels.some((l: string) => l.includes('@tvenn')), labels.join('\n'));
    const ada = mentors.items.find((i: any) => i.label.startsWith('Ada Brook'));
    assert.equal(ada.textEdit.newText, 'Ada Brook | @abrook | ada@example.com | ');

    // Technologies after a comma: the skills the workspace's proposals list, those written left out.
    replaceDraft(text.replace('### Technologies\n\n_No response_', '### Technologies\n\nGo, '));
    const tech = await complete(positionIn(text, 'Go, ', 4));
    assert.ok(tech.items.some((i: any) => i.label === 'React'), tech.items.map((i: any) => i.label).join(', '));
    assert.ok(!tech.items.some((i: any) => i.label === 'Go'));

    // A checkbox section: the options not written yet.
    replaceDraft(text.replace('- [ ] Cover Letter\n', '\n'));
    const boxes = await complete({ line: positionIn(text, '- [X] Resume').line + 1, character: 0 });
    assert.deepEqual(
      boxes.items.map((i: any) => i.label),
      ['- [ ] Cover Letter'],
    );
  });

  it("completes the workspace's technologies in Technologies (ideas files, saved drafts, other open drafts), skills in Required/Desirable Skills", async () => {
    const complete = async (position: { line: number; character: number }) =>
      ((await client.request<any>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } })).items as any[]).map((i) => i.label);
    const original = text;
    // A draft saved beside it lists an invented technology no ideas file names.
    const saved = path.join(root, 'drafts/wasm-probes.lfx-proposal.md');
    writeFileSync(saved, text.replace('Trace views for newcomers', 'Wasm probes').replace('### Technologies\n\n_No response_', '### Technologies\n\nQuillScript, Go'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(saved), type: 1 }] });
    replaceDraft(
      text
        .replace('### Technologies\n\n_No response_', '### Technologies\n\nGo, ')
        .replace('### Required/Desirable Skills\n\n_No response_', '### Required/Desirable Skills\n\nGo, '),
    );
    const technologies = await client.waitFor(async () => {
      const labels = await complete(positionIn(text, 'Technologies\n\nGo, ', 'Technologies\n\nGo, '.length));
      return labels.includes('QuillScript') && labels;
    });
    // Technologies first (TypeScript: a README's Technologies field only), then the skills (React).
    assert.ok(technologies.indexOf('TypeScript') >= 0 && technologies.indexOf('TypeScript') < technologies.indexOf('React'), technologies.join(', '));
    assert.ok(!technologies.includes('Go'));
    const skills = await complete(positionIn(text, 'Skills\n\nGo, ', 'Skills\n\nGo, '.length));
    assert.ok(skills.includes('React'), skills.join(', '));
    assert.ok(!skills.includes('TypeScript') && !skills.includes('QuillScript'), skills.join(', '));
    // Another draft open and never saved: its technologies are offered here, after the workspace's;
    // this draft's own half-typed word is not.
    const unsaved = fileUri(path.join(root, 'drafts/unsaved.lfx-proposal.md'));
    client.open(unsaved, original.replace('Trace views for newcomers', 'Span budgets').replace('### Technologies\n\n_No response_', '### Technologies\n\nBrindleDB, Go'));
    // (The editor pulls an opened document's diagnostics at once, which reads the draft.)
    await client.request('textDocument/diagnostic', { textDocument: { uri: unsaved } });
    const current = 'Technologies\n\nGo, Fernsc';
    replaceDraft(original.replace('### Technologies\n\n_No response_', `### ${current}`));
    const withOpen = await complete(positionIn(text, current, 'Technologies\n\nGo, '.length));
    assert.ok(withOpen.includes('BrindleDB') && withOpen.indexOf('BrindleDB') > withOpen.indexOf('TypeScript'), withOpen.join(', '));
    assert.ok(withOpen.indexOf('BrindleDB') < withOpen.indexOf('React'), withOpen.join(', '));
    assert.ok(!withOpen.includes('Fernsc'), withOpen.join(', '));
    client.close(unsaved);
    assert.ok(!(await complete(positionIn(text, current, 'Technologies\n\nGo, '.length))).includes('BrindleDB'));
  });

  it('hovers a section label with what the bot requires, the project with its card, a mentor with theirs', async () => {
    const hover = (needle: string, offset = 1) => client.request<any>('textDocument/hover', { textDocument: { uri }, position: positionIn(text, needle, offset) });
    assert.match((await hover('### Mentors', 5)).contents.value, /^\*\*Mentors\*\*\n\nRequired\. One mentor per line, at most 4/);
    assert.match((await hover('\nJaeger\n', 2)).contents.value, /\*\*Jaeger\*\*[\s\S]*2 proposals this term \(2026 Term 3 \\\(Sep\\-Nov\\\)\), quota 4\./);
    const tobias = (await hover('Tobias Venn |', 2)).contents.value;
    assert.match(tobias, /\*\*Tobias Venn\*\* · \[@tvenn\]\(https:\/\/github\.com\/tvenn\)/);
    assert.match(tobias, /Mentor of \*\*1 proposal\*\*/);
  });

  it('converts a mentor line to the pipe form with a quick fix', async () => {
    const diagnostic = (await diagnostics()).find((d) => d.code === 'form/mentor-fields');
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Convert to `Mira Quell | @mquell | mira@example.org |`'],
    );
    const [edit] = actions[0].edit.changes[uri];
    assert.equal(edit.newText, 'Mira Quell | @mquell | mira@example.org | ');
    const lines = text.split('\n');
    lines[edit.range.start.line] = lines[edit.range.start.line].slice(0, edit.range.start.character) + edit.newText + lines[edit.range.end.line].slice(edit.range.end.character);
    replaceDraft(lines.join('\n'));
    assert.deepEqual(await ids(), ['form/duplicate-upstream', 'form/mentor-lfid-missing', 'form/technologies-missing']);
  });

  it('runs the draft commands: the prefilled link (refused while errors remain), the body, the gh line', async () => {
    const refused = await command('projectIdeas.server.issueLink', uri);
    assert.equal(refused.refusal.reason, 'errors');
    assert.match(refused.refusal.message, /2 errors/);

    replaceDraft(
      text
        .replace('### Technologies\n\n_No response_', '### Technologies\n\nGo, TypeScript')
        .replace('Mira Quell (@mquell, mira@example.org)', 'Mira Quell | @mquell | mira@example.org | mquell'),
    );
    const link = await command('projectIdeas.server.issueLink', uri);
    assert.equal(link.refusal, undefined);
    const url = new URL(link.url);
    assert.equal(`${url.origin}${url.pathname}`, 'https://github.com/cncf/mentoring/issues/new');
    assert.equal(url.searchParams.get('template'), 'lfx-program-proposal.yml');
    assert.equal(url.searchParams.get('title'), '[CNCF LFX Proposal] Jaeger Trace views for newcomers');
    assert.equal(url.searchParams.get('program_name'), 'Trace views for newcomers');
    assert.equal(url.searchParams.get('technologies'), 'Go, TypeScript');
    assert.equal(url.searchParams.get('mentors'), 'Mira Quell | @mquell | mira@example.org | mquell\nTobias Venn | @tvenn | tobias@example.net | tvenn');
    assert.equal(url.searchParams.get('labels'), null);
    assert.ok(link.manual.includes('Choose "Jaeger" in CNCF Project.'), link.manual.join('\n'));

    const body = await command('projectIdeas.server.issueBody', uri);
    assert.ok(body.body.startsWith('### CNCF Project\n\nJaeger\n'), 'the notes above the first section stay out');
    assert.equal(body.errors, 0);
    const gh = await command('projectIdeas.server.ghCommand', uri);
    assert.equal(gh.command, `gh issue create -R cncf/mentoring --title '[CNCF LFX Proposal] Jaeger Trace views for newcomers' --body-file ${path.join(root, DRAFT)}`);
  });

  it('points the link at the repository and template of the settings', async () => {
    await client.stop();
    client = await LspClient.start({ folders: [root], settings: { issues: { repository: 'example-org/mentoring', template: 'proposal.yml' } } });
    client.open(uri, text);
    const link = await command('projectIdeas.server.issueLink', uri);
    assert.ok(link.url.startsWith('https://github.com/example-org/mentoring/issues/new?template=proposal.yml&'), link.url);
  });

  it('proposes a README entry again for a new term, and makes a new draft from the form', async () => {
    const readme = open(README_T2);
    const readmeText = readFileSync(path.join(root, README_T2), 'utf8');
    const heading = positionIn(readmeText, '#### Span sampling explorer').line;
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: readme } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.title, l.command.command, l.command.arguments]),
      [[heading, 'Propose Again', 'projectIdeas.proposeAgain', [readme, heading]]],
    );
    const again = await command('projectIdeas.server.proposeAgain', readme, heading + 3, '2026 Term 3 (Sep-Nov)');
    assert.match(again.text, /^### CNCF Project\n\nJaeger\n\n### Term\n\n2026 Term 3 \(Sep-Nov\)\n\n### Program Name\n\nSpan sampling explorer\n/);
    assert.match(again.text, /### Mentors\n\nMira Quell \| @mquell \| mira@example\.org \| \nTobias Venn \| @tvenn \| tobias@example\.net \| ?\n/);
    assert.ok(!again.text.includes('mentorship.lfx'), 'never the LFX URL');
    assert.ok(again.notes.some((n: string) => /LFID/.test(n)));
    assert.equal(await command('projectIdeas.server.proposeAgain', readme, 0, '2026 Term 3 (Sep-Nov)'), null);

    // A mentor written without an address: the workspace knows it.
    const sparse = fileUri(path.join(root, 'programs/lfx-mentorship/2026/01-Mar-May/README.md'));
    client.open(sparse, readmeText.replace('  - Tobias Venn (@tvenn, tobias@example.net)\n', '  - Tobias Venn (@tvenn)\n'));
    const filled = await command('projectIdeas.server.proposeAgain', sparse, heading, '2026 Term 3 (Sep-Nov)');
    assert.match(filled.text, /\nTobias Venn \| @tvenn \| tobias@example\.net \| ?\n/);
    assert.ok(filled.notes.some((n: string) => /taken from the other ideas files/.test(n)), filled.notes.join('\n'));

    const options = await command('projectIdeas.server.formOptions');
    assert.equal(options.origin, 'shipped');
    assert.ok(options.projects.includes('Jaeger') && options.terms.includes('2026 Term 3 (Sep-Nov)'));
    const fresh = await command('projectIdeas.server.newProposal', 'Jaeger', '2026 Term 3 (Sep-Nov)');
    assert.match(fresh.text, /^### CNCF Project\n\nJaeger\n\n### Term\n\n2026 Term 3 \(Sep-Nov\)\n\n### Program Name\n\n_No response_\n/);
  });

  it('offers Propose Again as a refactor code action on a proposal heading of an ideas file, and nowhere else', async () => {
    const readme = open(README_T2);
    const readmeText = readFileSync(path.join(root, README_T2), 'utf8');
    const heading = positionIn(readmeText, '#### Span sampling explorer', 8);
    const actions = (position: { line: number; character: number }, only?: string[]) =>
      client.request<any[]>('textDocument/codeAction', {
        textDocument: { uri: readme },
        range: { start: position, end: position },
        context: { diagnostics: [], ...(only ? { only } : {}) },
      });
    const again = (await actions(heading)).filter((a) => a.title === 'Propose Again…');
    assert.deepEqual(
      again.map((a) => [a.kind, a.command.command, a.command.arguments]),
      [['refactor.proposeAgain', 'projectIdeas.proposeAgain', [readme, heading.line]]],
    );
    assert.equal((await actions(heading, ['refactor'])).filter((a) => a.title === 'Propose Again…').length, 1);
    assert.equal((await actions(heading, ['quickfix'])).filter((a) => a.title === 'Propose Again…').length, 0);
    assert.equal((await actions({ line: heading.line + 2, character: 0 })).filter((a) => a.title === 'Propose Again…').length, 0);
    assert.equal((await actions({ line: 0, character: 0 })).filter((a) => a.title === 'Propose Again…').length, 0);
  });

  it('recognises a new draft by content (untitled), and only by content', async () => {
    const untitled = 'untitled:Untitled-1';
    const fresh = await command('projectIdeas.server.newProposal', 'Jaeger', '2026 Term 3 (Sep-Nov)');
    client.open(untitled, fresh.text);
    const [program] = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: untitled } });
    assert.equal(program.name, 'CNCF - Jaeger: <Program Name> (2026 Term 3)');
    assert.ok((await ids(untitled)).includes('form/name-missing'));
    const notes = 'untitled:Untitled-2';
    client.open(notes, '# Notes\n\n### CNCF Project\n\nJaeger\n');
    assert.deepEqual(await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: notes } }), []);
  });

  it('reads a project_ideas.md that says proposals have moved as a notice: a lens to draft, no outline, nothing to insert', async () => {
    const notice = open(NOTICE);
    assert.deepEqual(await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri: notice } }), []);
    const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri: notice } });
    assert.deepEqual(
      lenses.map((l) => [l.command.title, l.command.command]),
      [['Draft an LFX Proposal', 'projectIdeas.newProposal']],
    );
    const entry = await client.request<any>('projectIdeas/entrySnippet', { textDocument: { uri: notice }, position: { line: 4, character: 0 }, kind: 'proposal' });
    assert.equal(entry, null);
    assert.deepEqual(await diagnostics(notice), []);
    assert.deepEqual(await client.request<any[]>('workspace/symbol', { query: 'moved' }), [], 'no project named after the notice');
  });

  it("checks drafts against the workspace's issue form, and again when it changes", async () => {
    assert.ok(!(await ids()).includes('form/unknown-project'));
    const formFile = path.join(root, '.github', 'ISSUE_TEMPLATE', 'lfx-program-proposal.yml');
    mkdirSync(path.dirname(formFile), { recursive: true });
    // A fork's form that no longer offers Jaeger.
    writeFileSync(formFile, SHIPPED_FORM_YAML.replace(/^\s*- "Jaeger"\n/m, ''));
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(formFile), type: 1 }] });
    await client.waitFor(async () => (await command('projectIdeas.server.formOptions')).origin === 'workspace');
    const options = await command('projectIdeas.server.formOptions');
    assert.ok(!options.projects.includes('Jaeger'));
    const unknown = await client.waitFor(async () => (await diagnostics()).find((d) => d.code === 'form/unknown-project'));
    assert.equal(unknown.severity, 2, 'a warning against the workspace form (information against the shipped copy)');
  });
});
