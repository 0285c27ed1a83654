// New Proposal, Propose Again and the ways out (title, prefilled link, gh command): round trips.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseIdeas } from '../../../server/src/core/parse';
import {
  checkDraft, draftOutline, ghIssueCommand, issueBody, issueLink, issueTitle, lfxTitle, nameRoom, newProposal, parseDraft, proposalAt,
  mentorPipeLine, projectOption, proposeAgain, requirementsOf, roomHints, shippedForm, valueOf,
} from '../../../server/src/drafts';
import { CLEAN, edit, FIXTURES, ids, setField, WORKSPACE_FORM_WITH_2027 } from './helpers';

const form = shippedForm();
const README = readFileSync(path.join(FIXTURES, 'readme-generated.md'), 'utf8');
const README_PATH = '/ws/programs/lfx-mentorship/2026/03-Sep-Nov/README.md';
const OLD = readFileSync(path.join(FIXTURES, 'project_ideas-old.md'), 'utf8');
const OLD_PATH = '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';

function again(text: string, file: string, line: number, term = '2026 Term 3 (Sep-Nov)', f = form) {
  const at = proposalAt(parseIdeas(text, { path: file }), line);
  assert.ok(at, `no proposal at line ${line}`);
  return proposeAgain({ text, proposal: at.proposal, project: at.project?.name, term, form: f });
}

describe('New Proposal and Propose Again', function () {
  // The first parse loads remark: slow on a loaded machine; the tests wait for results, not for time.
  this.timeout(30_000);

  it('New Proposal: every section of the form, empty ones _No response_, boxes unticked', () => {
    const text = newProposal(form, { project: 'Jaeger', term: '2026 Term 3 (Sep-Nov)' });
    const draft = parseDraft(text, form);
    assert.equal(draft.isDraft, true);
    assert.deepEqual(draft.sections.map((s) => s.label), form.fields.map((f) => f.label));
    assert.equal(valueOf(draft, 'cncf_project'), 'Jaeger');
    assert.ok(text.includes('### Program Name\n\n_No response_\n\n### Program Description'));
    assert.ok(text.includes('- [ ] Coding Challenge\n'));
    assert.deepEqual(ids(text), ['form/description-missing', 'form/mentors-empty', 'form/name-missing', 'form/skills-missing', 'form/technologies-missing', 'form/upstream-missing']);
  });

  it('New Proposal filled in passes every check but the LFIDs', () => {
    let text = newProposal(form, { project: 'Jaeger', term: '2026 Term 3 (Sep-Nov)' });
    text = setField(text, 'Program Name', 'Trace dashboards for everyone');
    text = setField(text, 'Program Description', '## Description\nRender dashboards.\n\n## Expected outcomes\n- A renderer');
    text = setField(text, 'Technologies', 'Go, React');
    text = edit(text, '- [ ] Yes, the required', '- [X] Yes, the required');
    text = setField(text, 'Mentors', 'Mira Quell | @mquell | mira@example.org | \nTobias Venn | @tvenn | tobias@example.net | ');
    text = setField(text, 'Upstream Issue URL', 'https://github.com/example-org/tracer/issues/12');
    assert.deepEqual(ids(text), ['form/mentor-lfid-missing']);
  });

  it('Propose Again from a generated README entry: the blockquoted description without its markers, Technologies and Skills, pipe mentors, upstream kept, no LFX URL', () => {
    const { text, project, notes } = again(README, README_PATH, 15);
    assert.equal(project, 'Jaeger');
    const draft = parseDraft(text, form);
    assert.equal(valueOf(draft, 'program_name'), 'Trace dashboards for everyone');
    assert.equal(
      valueOf(draft, 'program_description'),
      '## Description\nRender dashboards from traces collected by the example tracer.\n\n#### Why now\nOperators ask for it every week.\n\n## Expected outcomes\n- A dashboard renderer\n- Documentation for operators',
    );
    assert.equal(valueOf(draft, 'technologies'), 'Go, TypeScript');
    assert.equal(valueOf(draft, 'skills'), 'Go, React, technical writing');
    assert.equal(valueOf(draft, 'skills_same').includes('[X]'), false);
    assert.equal(valueOf(draft, 'mentors'), 'Mira Quell | @mquell | mira@example.org | \nTobias Venn | @tvenn | tobias@example.net |');
    assert.equal(valueOf(draft, 'upstream_issue_url'), 'https://github.com/example-org/tracer/issues/12');
    assert.equal(text.includes('mentorship.lfx'), false);
    assert.ok(notes.some((n) => /still open/.test(n)) && notes.some((n) => /LFID/.test(n)));
    assert.deepEqual(ids(text), ['form/mentor-lfid-missing']);
    assert.equal(checkDraft(text).findings.length, 2);
  });

  it('Propose Again from an older project_ideas.md entry: ## Description / ## Expected outcomes, Recommended Skills as Technologies with the box ticked', () => {
    const { text } = again(OLD, OLD_PATH, 7, '2027 Term 1 (Mar-May)', WORKSPACE_FORM_WITH_2027.form);
    const draft = parseDraft(text, form);
    assert.equal(valueOf(draft, 'program_description'), '## Description\nBuild an explorer for the sampling strategies of the example tracer,\nso that operators can compare them.\n\n## Expected outcomes\n- An explorer page\n- Tests');
    assert.equal(valueOf(draft, 'technologies'), 'Go, JavaScript');
    assert.ok(valueOf(draft, 'skills_same').includes('[X]'));
    assert.equal(valueOf(draft, 'skills'), '');
    assert.equal(valueOf(draft, 'term'), '2027 Term 1 (Mar-May)');
    assert.deepEqual(ids(text, { form: WORKSPACE_FORM_WITH_2027 }), ['form/mentor-lfid-missing']);
  });

  it('Propose Again says when the heading does not fit the LFX title', () => {
    const long = OLD.replace('#### Sampling strategies explorer', `#### ${'Sampling strategies explorer '.repeat(3).trim()}`);
    const { text, notes } = again(long, OLD_PATH, 7);
    assert.ok(notes.some((n) => /only 71 fit/.test(n)), notes.join('\n'));
    assert.ok(ids(text).includes('form/name-too-long'));
  });
});

describe('room left and the ways out', () => {
  it('room: Program Name against the LFX title, description, custom name and description', () => {
    const draft = parseDraft(CLEAN, form);
    assert.deepEqual(roomHints(draft).map((r) => [r.fieldId, r.label, r.position.line]), [
      ['program_name', '29/71', 10],
      ['program_description', '199/3,000', 14],
      ['custom_prerequisite_name', '14/20', 61],
      ['custom_prerequisite_description', '71/500', 65],
    ]);
    const room = nameRoom(draft)!;
    assert.equal(room.title, 'CNCF - Jaeger: Trace dashboards for everyone (2026 Term 3)');
    assert.equal(lfxTitle('Jaeger', 'x'.repeat(71), '2026 Term 3 (Sep-Nov)').length, 100);
    assert.equal(nameRoom(parseDraft(setField(CLEAN, 'CNCF Project', 'Kubernetes'), form))!.limit, 67);
  });

  it('the title and the prefilled link: text fields by id, no labels, decoded back to the draft', () => {
    const draft = parseDraft(CLEAN, form);
    assert.equal(issueTitle(draft), '[CNCF LFX Proposal] Jaeger Trace dashboards for everyone');
    const link = issueLink(draft, { findings: checkDraft(CLEAN).findings });
    assert.equal(link.refusal, undefined);
    const url = new URL(link.url);
    assert.equal(url.origin + url.pathname, 'https://github.com/cncf/mentoring/issues/new');
    assert.equal(url.searchParams.get('template'), 'lfx-program-proposal.yml');
    assert.equal(url.searchParams.get('title'), issueTitle(draft));
    assert.equal(url.searchParams.has('labels'), false);
    const textFields = form.fields.filter((f) => f.type === 'input' || f.type === 'textarea');
    for (const field of textFields) assert.equal(url.searchParams.get(field.id) ?? '', valueOf(draft, field.id), field.id);
    for (const field of form.fields.filter((f) => f.type === 'dropdown' || f.type === 'checkboxes')) assert.equal(url.searchParams.has(field.id), false, field.id);
    assert.deepEqual(link.manual.map((m) => m.fieldId), ['cncf_project', 'term', 'skills_same', 'application_prerequisites', 'application_prerequisites', 'custom_prerequisites']);
    assert.match(link.manual[0].message, /Choose "Jaeger" in CNCF Project/);
  });

  it('the link for a fork, and its refusals: errors, too long, not a draft', () => {
    const fork = issueLink(parseDraft(CLEAN, form), { repository: 'example-org/mentoring', template: 'proposal.yml' });
    assert.ok(fork.url.startsWith('https://github.com/example-org/mentoring/issues/new?template=proposal.yml&title='));
    const broken = setField(CLEAN, 'Technologies', '_No response_');
    assert.equal(issueLink(parseDraft(broken, form), { findings: checkDraft(broken).findings }).refusal?.reason, 'errors');
    const long = setField(CLEAN, 'Program Description', `## Description\n${'ünïcödé '.repeat(360)}`);
    const tooLong = issueLink(parseDraft(long, form), { findings: checkDraft(long).findings });
    assert.equal(checkDraft(long).findings.length, 0);
    assert.equal(tooLong.refusal?.reason, 'too-long');
    assert.ok(tooLong.bytes > 6000);
    assert.equal(issueLink(parseDraft('# nothing', form)).refusal?.reason, 'not-a-draft');
  });

  it('the body starts at the first section; the gh command line quotes for the shell', () => {
    const draft = parseDraft(CLEAN, form);
    assert.ok(issueBody(draft, CLEAN).startsWith('### CNCF Project\n'));
    const quoted = parseDraft(setField(CLEAN, 'Program Name', "Traces, Spans and Bob's dashboards"), form);
    assert.equal(
      ghIssueCommand(quoted, 'drafts/my draft.md'),
      `gh issue create -R cncf/mentoring --title '[CNCF LFX Proposal] Jaeger Traces, Spans and Bob'\\''s dashboards' --body-file 'drafts/my draft.md'`,
    );
  });
});

describe('outline, section requirements, mentor lines', () => {
  it('the outline: the LFX title holding every section, Mentors holding each mentor', () => {
    const [program] = draftOutline(parseDraft(CLEAN, form));
    assert.equal(program.name, 'CNCF - Jaeger: Trace dashboards for everyone (2026 Term 3)');
    assert.equal(program.children.length, 15);
    const mentors = program.children.find((c) => c.name === 'Mentors')!;
    assert.deepEqual(mentors.children.map((m) => [m.name, m.detail]), [['Mira Quell', '@mquell · primary'], ['Tobias Venn', '@tvenn']]);
    assert.equal(program.children[0].range.start.line, 2);
    assert.deepEqual(draftOutline(parseDraft('no sections here', form)), []);
  });

  it('what the bot requires of every field of the form, and the pipe-form mentor line', () => {
    for (const field of form.fields) assert.ok(requirementsOf(field.id), field.id);
    assert.equal(mentorPipeLine({ name: 'Mira Quell', handle: 'mquell', email: 'mira@example.org' }), 'Mira Quell | @mquell | mira@example.org | ');
    assert.equal(mentorPipeLine({ name: 'A|B', handle: '@ab', email: 'ab@example.org', lfid: 'ab' }), 'A B | @ab | ab@example.org | ab');
  });
});

describe('the link on a cut emoji', () => {
  it('a lone surrogate does not make the link throw', () => {
    const text = setField(CLEAN, 'Program Name', 'Trace \uD83D dashboards');
    const link = issueLink(parseDraft(text, form));
    assert.equal(new URL(link.url).searchParams.get('program_name'), 'Trace \uFFFD dashboards');
  });
});

describe('Propose Again: the project heading as the form\'s option', () => {
  it('names the same project as the dropdown does', () => {
    const options = form.fields[0].options;
    const cases: [string, string | undefined][] = [
      ['Jaeger', 'Jaeger'], ['jaeger', 'Jaeger'], ['OPA', 'Open Policy Agent (OPA)'], ['TUF', 'The Update Framework (TUF)'],
      ['WasmEdge', 'WasmEdge Runtime'], ['Cloud Native Buildpacks', 'Buildpacks'], ['Envoy Gateway', 'Envoy'], ['Cilium/Tetragon', 'Cilium'],
      ['Widgetry', undefined], ['', undefined],
    ];
    for (const [heading, option] of cases) assert.equal(projectOption(options, heading), option, heading);
  });
});

describe('Propose Again: mentors completed from the workspace', () => {
  it('a mentor written with a handle only gets the name and address the other files know', () => {
    const old = OLD.replace('  - Tobias Venn (@tvenn, tobias@example.net)', '  - @tvenn');
    const at = proposalAt(parseIdeas(old, { path: OLD_PATH }), 7)!;
    const known = (handle: string) => (handle === 'tvenn' ? { name: 'Tobias Venn', email: 'tobias@example.net' } : undefined);
    const { text, notes } = proposeAgain({ text: old, proposal: at.proposal, project: at.project?.name, term: '2026 Term 3 (Sep-Nov)', form, knownMentor: known });
    assert.equal(valueOf(parseDraft(text, form), 'mentors'), 'Mira Quell | @mquell | mira@example.org | \nTobias Venn | @tvenn | tobias@example.net |');
    assert.ok(notes.some((n) => /taken from the other ideas files/.test(n)));
    const without = proposeAgain({ text: old, proposal: at.proposal, project: at.project?.name, term: '2026 Term 3 (Sep-Nov)', form });
    assert.ok(ids(without.text).includes('form/mentor-name'));
  });
});
