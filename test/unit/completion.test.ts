// Completion on the invented two-term workspace: each context, the order of the items and what is
// inserted. The current line is passed as typed (it may be newer than the cached model).
import assert from 'node:assert/strict';
import { completion } from '../../server/src/features/completion';
import { FILE_2025, lineOf, loadFixture, positionOf, type Loaded } from './knowledgeFixture';

describe('completion', () => {
  let w: Loaded;
  let text: string;
  before(() => {
    w = loadFixture();
    text = w.files.get(FILE_2025)!.text;
  });
  const model = () => w.files.get(FILE_2025)!.model;
  /** Completion on `line` of the 2025 file with its text replaced by `typed`, cursor at the end. */
  const complete = (line: number, typed: string) => completion(model(), { line, character: typed.length }, typed, w, lineOf(text, line - 1));

  it('offers known mentors at the start of a mentor sub-bullet: this project first, then recent, then frequent', () => {
    const line = positionOf(text, '  - \n').line;
    const list = complete(line, '  - ');
    const handles = list.items.map((i) => /@([\w-]+)/.exec(i.label)![1]);
    assert.deepEqual(handles, ['carol-p', 'alice-example', 'frank-madeup', 'bob-sample', 'erin-invented']);
    assert.ok(!handles.includes('dan-fixture'), 'a mentor already listed is not offered');
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted, list.items);
    assert.deepEqual(list.items[0].textEdit, {
      range: { start: { line, character: 4 }, end: { line, character: 4 } },
      newText: 'Carol Placeholder (@carol-p, carol@example.com)',
    });
    assert.match(list.items[0].detail!, /mentor of this project/);
  });

  it('offers mentors after @ and replaces the @ and what follows with the whole entry', () => {
    const line = positionOf(text, '  - \n').line;
    const list = complete(line, '  - @bo');
    assert.equal(list.items[0].label, 'Bob Sample (@bob-sample, bob.sample@example.com)');
    assert.deepEqual((list.items[0].textEdit as any).range, { start: { line, character: 4 }, end: { line, character: 7 } });
    assert.equal(list.items.length, 1);
    const onLabel = complete(positionOf(text, '- Mentor(s):', 0, 3).line, '- Mentor(s): @');
    assert.equal(onLabel.items.length, 5);
  });

  it('offers skills by this project then by frequency, never one already listed, aware of the commas', () => {
    const line = positionOf(text, '- Recommended Skills: Go, \n').line;
    const list = complete(line, '- Recommended Skills: Go, ');
    const labels = list.items.map((i) => i.label);
    assert.equal(labels[0], 'Kubernetes');
    assert.equal(labels[1], 'React');
    assert.ok(!labels.includes('Go') && !labels.includes('Golang'), 'Go is listed already (Golang folds into it)');
    assert.deepEqual((list.items[0].textEdit as any).range.start, { line, character: 26 });
    const noSpace = complete(line, '- Recommended Skills: Go,');
    assert.equal((noSpace.items[0].textEdit as any).newText, ' Kubernetes');
    const partial = complete(line, '- Recommended Skills: Go, Ty');
    assert.deepEqual(partial.items.map((i) => i.label), ['TypeScript']);
    assert.deepEqual((partial.items[0].textEdit as any).range.start, { line, character: 26 });
  });

  it('offers CNCF project names on a project heading', () => {
    const line = positionOf(text, '### Kubernetes').line;
    const list = complete(line, '### Jae');
    assert.equal(list.items[0].label, 'Jaeger');
    assert.match(list.items[0].detail!, /CNCF graduated · 2 proposals in the workspace|CNCF graduated/);
    assert.deepEqual((list.items[0].textEdit as any).range.start, { line, character: 4 });
  });

  it('offers the fields a proposal lacks, in template order, at the start of a line', () => {
    const line = positionOf(text, '\n\n- LFX URL:', 1).line;
    assert.equal(lineOf(text, line), '');
    const list = complete(line, '');
    const fields = list.items.filter((i) => i.detail === 'missing field').map((i) => i.label);
    assert.deepEqual(fields, ['Expected Outcome']);
    assert.ok(list.items.some((i) => i.label === '#### New proposal'));
  });

  it('offers a new proposal entry at this file\'s level on an empty line of a project section', () => {
    const line = positionOf(text, '### Kubernetes\n\n', 15).line;
    const list = complete(line, '');
    const entry = list.items.find((i) => i.label === '#### New proposal');
    assert.ok(entry);
    const snippet = (entry.textEdit as any).newText as string;
    assert.match(snippet, /^#### \$\{1:Proposal title\}\n\n- Description: \$\{2\}\n- Expected Outcome: \$\{3\}\n- Recommended Skills: \$\{4\}\n- Mentor\(s\):\n  - \$\{5:Name\} \(@\$\{6:github-handle\}, \$\{7:email\}\)\n- Upstream Issue: \$\{8:https:\/\/github.com\/owner\/repo\/issues\/1\}\n- LFX URL:\n\$0$/);
    assert.equal(list.items.filter((i) => i.detail === 'missing field').length, 0);
    const hashes = complete(line, '####');
    assert.equal(hashes.items[0].label, '#### New proposal');
  });

  it('reads the mentor label as the parser does: Mentors, Mentor, **Mentors**, Co-Mentor', () => {
    const line = positionOf(text, '- Mentor(s):', 0, 3).line;
    const skills = positionOf(text, '- Recommended Skills: Go, \n').line;
    for (const label of ['- Mentors:', '- Mentor:', '- **Mentors**:', '* **Mentors:**', '- Co-Mentor:', 'Mentors:']) {
      const onLabel = complete(line, `${label} @`);
      assert.equal(onLabel.items.length, 5, `${label} @`);
      assert.deepEqual((onLabel.items[0].textEdit as any).range.start, { line, character: label.length + 1 }, label);
      const byName = complete(line, `${label} Bo`);
      assert.deepEqual(byName.items.map((i) => /@([\w-]+)/.exec(i.label)![1]), ['bob-sample'], `${label} Bo`);
      // A sub-bullet right below such a label (typed where the model still has another field).
      const sub = completion(model(), { line: skills, character: 5 }, '  - @', w, label);
      assert.equal(sub.items.length, 5, `under ${label}`);
    }
    // Not a mentor label: nothing offered.
    assert.equal(complete(line, '- Mentoring notes: @').items.length, 0);
    assert.equal(completion(model(), { line: skills, character: 5 }, '  - @', w, '- Mentoring notes:').items.length, 0);
  });

  it('offers nothing in a description', () => {
    const line = positionOf(text, '- Description: Health').line;
    assert.equal(complete(line, '- Description: Health checks').items.length, 0);
     // Plain prose inside a proposal (a space is a trigger character): nothing either.
    const empty = positionOf(text, '\n\n- LFX URL:', 1).line;
    assert.equal(complete(empty, 'Some words typed ').items.length, 0);
    assert.deepEqual(complete(empty, '- Exp').items.map((i) => i.label), ['Expected Outcome']);
  });
});

describe('entry snippets', () => {
  it('follow a GSoC file\'s own template: levels one deeper, its labels, two mentors, a size choice', async () => {
    const { parseIdeas } = await import('../../server/src/core/parse');
    const { entrySnippet, projectSectionSnippet } = await import('../../server/src/features/insertEntry');
    const gsoc = [
      '## Template',
      '',
      '```',
      '#### CNCF Project Name',
      '',
      '##### Project Title',
      '',
      '- Description:',
      '- Recommended Skills:',
      '- Mentor(s):',
      '- Upstream Issue (URL):',
      '- Expected project size:',
      '```',
      '',
    ].join('\n');
    const model = parseIdeas(gsoc, { path: '/ws/programs/summerofcode/2030.md' });
    const snippet = entrySnippet(model, 'proposal', 'some text', undefined);
    assert.ok(snippet.startsWith('\n\n##### ${1:Proposal title}\n'), snippet);
    assert.match(snippet, /- Upstream Issue \(URL\): \$\{\d+:https/);
    assert.match(snippet, /- \$\{\d+:Name\} \(@\$\{\d+:github-handle\}, \$\{\d+:email\}\) - primary\n  - \$\{\d+:Name\}/);
    assert.match(snippet, /- Expected project size: \$\{\d+\|small \(~90 hours\),medium \(~175 hours\),large \(~350 hours\)\|\}/);
    assert.doesNotMatch(snippet, /Expected Outcome/, 'only the fields of this file\'s template');
    assert.match(projectSectionSnippet(model), /^#### \$\{1:CNCF Project Name\}\n\n##### \$\{2:Proposal title\}/);
  });
});

describe('completion that never writes garbage', () => {
  const build = async (files: Record<string, string>) => {
    const { ProjectCatalog, Quotas } = await import('../../server/src/core/cncfProjects');
    const { KnowledgeIndex } = await import('../../server/src/core/knowledge');
    const { WorkspaceIndex } = await import('../../server/src/core/workspaceIndex');
    const { parseIdeas } = await import('../../server/src/core/parse');
    const index = new WorkspaceIndex();
    const catalog = ProjectCatalog.snapshot();
    const knowledge = KnowledgeIndex.attach(index, () => catalog);
    const models = new Map<string, ReturnType<typeof parseIdeas>>();
    for (const [file, text] of Object.entries(files)) {
      const model = parseIdeas(text, { path: file });
      index.set(`file://${file}`, file, model);
      models.set(file, model);
    }
    return { deps: { index, knowledge, catalog, quotas: Quotas.defaults() }, models };
  };
  const OLD = '/ws/programs/lfx-mentorship/2098/01-Mar-May/project_ideas.md';
  const NEW = '/ws/programs/lfx-mentorship/2099/01-Mar-May/project_ideas.md';
  const entry = (title: string, mentors: string[]) => [`#### ${title}`, '', '- Description: d', '- Recommended Skills: Go', '- Mentor(s):', ...mentors.map((m) => `  - ${m}`), '- Upstream Issue: https://github.com/acme-mesh/mesh/issues/1', ''];
  const oldText = ['### Jaeger', '', ...entry('Old idea', ['Mira Quell (@mquell, mira@example.org)', 'Mentor Name (@mentor_github, mentor@email.addy)', 'Jane Doe (@jane-github, jane@example.com)', 'Name (@github-handle, email)'])].join('\n');

  it('replaces the whole placeholder entry when a mentor is chosen inside it', async () => {
    const newText = ['### Jaeger', '', ...entry('New idea', ['Name (@github-handle, email)'])].join('\n');
    const { deps, models } = await build({ [OLD]: oldText, [NEW]: newText });
    const line = 6;
    // `github-handle` selected and `@` typed over it: `  - Name (@@, email)`, cursor after the second `@`.
    const typed = '  - Name (@@, email)';
    const list = completion(models.get(NEW)!, { line, character: 12 }, typed, deps, '- Mentor(s):');
    const mira = list.items.find((i) => i.label.startsWith('Mira Quell'))!;
    assert.ok(mira, JSON.stringify(list.items.map((i) => i.label)));
    assert.deepEqual((mira.textEdit as any).range, { start: { line, character: 4 }, end: { line, character: typed.length } });
    const after = typed.slice(0, 4) + (mira.textEdit as any).newText + typed.slice(typed.length);
    assert.equal(after, '  - Mira Quell (@mquell, mira@example.org)');
    assert.ok(mira.filterText!.startsWith('Name (@@'), 'filtered by what was typed from the entry\'s start');
    // Typing a handle in the placeholder: `Name (@mq|, email)` is replaced whole too.
    const typed2 = '  - Name (@mq, email)';
    const list2 = completion(models.get(NEW)!, { line, character: 13 }, typed2, deps, '- Mentor(s):');
    assert.equal(list2.items[0].label, 'Mira Quell (@mquell, mira@example.org)');
    assert.deepEqual((list2.items[0].textEdit as any).range.end, { line, character: typed2.length });
  });

  it('never offers the template\'s placeholder mentors, nor the half-typed handle itself', async () => {
    // The document is indexed with its half-typed `@mq` (the index holds open documents too).
    const newText = ['### Jaeger', '', ...entry('New idea', ['@mq'])].join('\n');
    const { deps, models } = await build({ [OLD]: oldText, [NEW]: newText });
    const handles = (typed: string) => completion(models.get(NEW)!, { line: 6, character: typed.length }, typed, deps, '- Mentor(s):').items.map((i) => /\(@([\w-]+)/.exec(i.label)?.[1] ?? i.label);
    assert.deepEqual(handles('  - @mq'), ['mquell']);
    assert.deepEqual(handles('  - '), ['mquell']);
  });
});

describe('completion in a generated README', () => {
  it('does not offer Expected Outcome where the description quotes the expected outcomes', async () => {
    const { parseIdeas } = await import('../../server/src/core/parse');
    const { loadFixture } = await import('./knowledgeFixture');
    const text = ['### Jaeger', '', '#### Trace dashboards', '', '- Description:', '', '  > ## Description', '  > Render.', '  >', '  > ## Expected outcomes', '  > - A renderer', '', '- Recommended Skills: Go', '', '- Mentor(s): Mira Quell (@mquell, mira@example.org)', ''].join('\n');
    const model = parseIdeas(text, { path: '/ws/programs/lfx-mentorship/2099/01-Mar-May/project_ideas.md' });
    const labels = completion(model, { line: 13, character: 0 }, '', loadFixture(), '- Recommended Skills: Go').items.filter((i) => i.detail === 'missing field').map((i) => i.label);
    assert.ok(labels.includes('Upstream Issue'), labels.join());
    assert.ok(!labels.includes('Expected Outcome'), labels.join());
  });
});

describe('missing-field help', () => {
  it('is the field help of core/vocabulary.ts, in a GSoC file the GSoC help (two mentors, a primary one)', async () => {
    const { parseIdeas } = await import('../../server/src/core/parse');
    const { loadFixture } = await import('./knowledgeFixture');
    const { fieldHelp } = await import('../../server/src/core/vocabulary');
    const gsoc = ['### Jaeger', '', '#### Trace dashboards', '', '- Description: Render traces.', '', '- Expected project size: medium', ''].join('\n');
    const model = parseIdeas(gsoc, { path: '/ws/programs/summerofcode/2030.md' });
    const mentors = completion(model, { line: 5, character: 0 }, '', loadFixture(), '').items.find((i) => i.detail === 'missing field' && /Mentor/.test(i.label as string));
    assert.ok(mentors, 'Mentor(s) offered');
    const doc = (mentors.documentation as { value: string }).value;
    assert.equal(doc, fieldHelp('mentors', true).join('\n\n'));
    assert.match(doc, /at least 2 mentors, one marked primary/);
    assert.doesNotMatch(doc, /at most 4/);
  });
});
