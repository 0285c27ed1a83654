// The draft rules together (one file per rule under rules/: one defect, one id): the clean draft,
// severities by the form's origin and by settings, the bot's behaviour across rules.
import { strict as assert } from 'node:assert';
import { DRAFT_RULE_IDS } from '../../../server/src/drafts';
import { accepted, CLEAN, edit, ids, run, setField, workspace, WORKSPACE_FORM_WITH_2027 } from './helpers';

const other = accepted;

const MENTORS = 'Mira Quell | @mquell | mira@example.org | mquell\nTobias Venn | @tvenn | tobias@example.net | tvenn';
const withSecondMentor = (line: string) => setField(CLEAN, 'Mentors', `Mira Quell | @mquell | mira@example.org | mquell\n${line}`);

describe('draft rules together', () => {
  it('39 rules, ids form/<code>; the clean draft reports nothing (with and without a workspace)', () => {
    assert.equal(DRAFT_RULE_IDS.length, 39);
    assert.ok(DRAFT_RULE_IDS.every((id) => /^form\/[a-z-]+$/.test(id)));
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(CLEAN, { workspace: workspace([other({}), other({ project: 'Flux', upstream: 'https://github.com/example-org/tracer/issues/13' })]) }), []);
  });

  it('unknown project/term: information against the shipped form, warning against the workspace form', () => {
    const text = setField(CLEAN, 'Term', '2027 Term 2 (Jun-Aug)');
    assert.deepEqual(run(text).map((f) => [f.ruleId, f.severity]), [['form/unknown-term', 'information']]);
    assert.deepEqual(run(text, { form: WORKSPACE_FORM_WITH_2027 }).map((f) => [f.ruleId, f.severity]), [['form/unknown-term', 'warning']]);
    assert.deepEqual(ids(setField(CLEAN, 'Term', '2027 Term 1 (Mar-May)'), { form: WORKSPACE_FORM_WITH_2027 }), []);
  });

  it('settings set severities like any rule (off, or another level)', () => {
    const text = withSecondMentor('Tobias Venn | @tvenn | tobias at example dot net | tvenn');
    assert.deepEqual(run(text, { severities: { 'form/mentor-email': 'off' } }), []);
    assert.deepEqual(run(text, { severities: { 'form/mentor-email': 'hint' } }).map((f) => f.severity), ['hint']);
  });

  it('the bot checks every mentor line even when there are too many, and drops a line without 3 or 4 parts', () => {
    const text = setField(CLEAN, 'Mentors', `${MENTORS}\nA | @a | a@example.com | a\nB | @b | b@example.com | b\nC @c c@example.com`);
    assert.deepEqual(ids(text), ['form/mentor-fields', 'form/mentors-too-many']);
  });

  it('a missing section is reported once per section', () => {
    const text = edit(edit(CLEAN, '### Technologies\n\nGo, TypeScript, React\n\n', ''), '### Coding Challenge URL\n\nhttps://github.com/example-org/tracer/issues/13\n\n', '');
    const missing = run(text).filter((f) => f.ruleId === 'form/section-missing');
    assert.equal(missing.length, 2);
    // Also the emptiness checks the bot makes on an absent section.
    assert.deepEqual(ids(text), ['form/challenge-url-missing', 'form/section-missing', 'form/technologies-missing']);
  });

  it('placeholder: the description\'s guidance lines and the mentors\' example lines, not the suggested headings', () => {
    const description = [
      '## Description',
      'What the program is about, the problem it solves, and the context',
      'a candidate needs to understand the work.',
      '',
      '## Expected outcomes',
      '- A dashboard renderer',
    ].join('\n');
    const text = setField(setField(CLEAN, 'Program Description', description), 'Mentors', `${MENTORS}\nSam Lee  | @samlee  | sam@example.com | samlee`);
    const found = run(text).filter((f) => f.ruleId === 'form/placeholder');
    const lines = text.split('\n');
    assert.deepEqual(found.map((f) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)), [
      'What the program is about, the problem it solves, and the context',
      'a candidate needs to understand the work.',
      'Sam Lee  | @samlee  | sam@example.com | samlee',
    ]);
  });

  it('duplicate upstream and quota ignore other terms and other projects', () => {
    const elsewhere = workspace([
      other({ upstream: 'https://github.com/example-org/tracer/issues/12', term: '2026/02-Jun-Aug' }),
      ...[1, 2, 3, 4].map((n) => other({ project: 'Flux', upstream: `https://github.com/example-org/x/issues/${n}` })),
      ...[1, 2, 3, 4].map((n) => other({ term: '2027 Term 1 (Mar-May)', upstream: `https://github.com/example-org/y/issues/${n}` })),
    ]);
    assert.deepEqual(ids(CLEAN, { workspace: elsewhere }), []);
  });
});

describe('draft rules: two empty addresses', () => {
  it('are a duplicate for the bot; the message says why, on the line', () => {
    const text = setField(CLEAN, 'Mentors', 'Mira Quell | @mquell |  | mquell\nTobias Venn | @tvenn |  | tvenn');
    const dup = run(text).filter((f) => f.ruleId === 'form/mentor-dup-email');
    assert.equal(dup.length, 1);
    assert.match(dup[0].message, /^Mentor 2: no e-mail address, like Primary mentor: the bot counts two empty ones as the same/);
    assert.equal(dup[0].range.start.character, 0);
    assert.deepEqual(ids(text), ['form/mentor-dup-email', 'form/mentor-email']);
  });
});
