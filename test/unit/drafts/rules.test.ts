// Every draft rule on the clean invented draft with exactly one defect: the exact set of ids reported.
import { strict as assert } from 'node:assert';
import { DRAFT_RULE_IDS, type KnownProposal } from '../../../server/src/drafts';
import { CLEAN, edit, ids, run, setField, workspace, WORKSPACE_FORM_WITH_2027 } from './helpers';

const span = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
const other = (over: Partial<KnownProposal>): KnownProposal => ({
  uri: 'file:///ws/programs/lfx-mentorship/2026/03-Sep-Nov/README.md',
  range: span,
  title: 'Span storage rework',
  project: 'Jaeger',
  term: '2026/03-Sep-Nov',
  upstream: 'https://github.com/example-org/tracer/issues/99',
  source: 'readme',
  ...over,
});

const MENTORS = 'Mira Quell | @mquell | mira@example.org | mquell\nTobias Venn | @tvenn | tobias@example.net | tvenn';
const withSecondMentor = (line: string) => setField(CLEAN, 'Mentors', `Mira Quell | @mquell | mira@example.org | mquell\n${line}`);

/** [rule id, the defective draft, options] */
const CASES: [string, string, Parameters<typeof ids>[1]?][] = [
  ['form/project-missing', setField(CLEAN, 'CNCF Project', '_No response_')],
  ['form/term-missing', setField(CLEAN, 'Term', '_No response_')],
  ['form/name-missing', setField(CLEAN, 'Program Name', '_No response_')],
  ['form/name-too-long', setField(CLEAN, 'Program Name', 'x'.repeat(72))],
  ['form/description-missing', setField(CLEAN, 'Program Description', '_No response_')],
  ['form/description-too-long', setField(CLEAN, 'Program Description', `## Description\n${'word '.repeat(600)}`)],
  ['form/technologies-missing', setField(CLEAN, 'Technologies', '_No response_')],
  ['form/skills-missing', edit(CLEAN, '- [X] Yes, the required', '- [ ] Yes, the required')],
  ['form/skills-both', setField(CLEAN, 'Required/Desirable Skills', 'technical writing')],
  ['form/mentors-empty', setField(CLEAN, 'Mentors', '_No response_')],
  [
    'form/mentors-too-many',
    setField(CLEAN, 'Mentors', `${MENTORS}\nAda Brook | @abrook | ada@example.com | abrook\nLeo Marsh | @lmarsh | leo@example.com | lmarsh\nNia Stone | @nstone | nia@example.com | nstone`),
  ],
  ['form/mentor-fields', withSecondMentor('Tobias Venn (@tvenn, tobias@example.net)')],
  ['form/mentor-name', withSecondMentor('| @tvenn | tobias@example.net | tvenn')],
  ['form/mentor-handle', withSecondMentor('Tobias Venn | tvenn | tobias@example.net | tvenn')],
  ['form/mentor-email', withSecondMentor('Tobias Venn | @tvenn | tobias at example dot net | tvenn')],
  ['form/mentor-dup-handle', withSecondMentor('Tobias Venn | @MQuell | tobias@example.net | tvenn')],
  ['form/mentor-dup-email', withSecondMentor('Tobias Venn | @tvenn | MIRA@example.org | tvenn')],
  ['form/mentor-lfid-missing', withSecondMentor('Tobias Venn | @tvenn | tobias@example.net | ')],
  ['form/mentor-lfid-format', withSecondMentor('Tobias Venn | @tvenn | tobias@example.net | https://openprofile.dev/profile/tvenn')],
  ['form/mentor-dup-lfid', withSecondMentor('Tobias Venn | @tvenn | tobias@example.net | MQUELL')],
  ['form/few-mentors', setField(CLEAN, 'Mentors', 'Mira Quell | @mquell | mira@example.org | mquell')],
  ['form/upstream-missing', setField(CLEAN, 'Upstream Issue URL', '_No response_')],
  ['form/upstream-format', setField(CLEAN, 'Upstream Issue URL', '[tracer#12](https://github.com/example-org/tracer/issues/12)')],
  ['form/upstream-multiple', setField(CLEAN, 'Upstream Issue URL', 'https://github.com/example-org/tracer/issues/12,https://github.com/example-org/tracer/issues/14')],
  ['form/challenge-url-missing', setField(CLEAN, 'Coding Challenge URL', '_No response_')],
  ['form/challenge-unchecked-with-url', edit(CLEAN, '- [X] Coding Challenge', '- [ ] Coding Challenge')],
  ['form/challenge-url-invalid', setField(CLEAN, 'Coding Challenge URL', 'see the tracer repository')],
  ['form/custom-name-missing', setField(CLEAN, 'Custom Prerequisite Name', '_No response_')],
  ['form/custom-name-too-long', setField(CLEAN, 'Custom Prerequisite Name', 'A writing sample, long')],
  ['form/custom-description-missing', setField(CLEAN, 'Custom Prerequisite Description', '_No response_')],
  ['form/custom-description-too-long', setField(CLEAN, 'Custom Prerequisite Description', 'y'.repeat(501))],
  ['form/custom-unchecked-with-copy', edit(CLEAN, '- [X] Custom Prerequisite', '- [ ] Custom Prerequisite')],
  ['form/section-missing', edit(CLEAN, '\n### Custom Prerequisite — File Upload\n\n- [ ] Yes — completion of this task requires the mentee to submit a file.\n', '')],
  ['form/heading-in-field', edit(CLEAN, '## Expected outcomes', '### Expected outcomes')],
  ['form/unknown-project', setField(CLEAN, 'CNCF Project', 'Jaegar')],
  ['form/unknown-term', setField(CLEAN, 'Term', '2027 Term 1 (Mar-May)')],
  ['form/duplicate-upstream', CLEAN, { workspace: workspace([other({ upstream: 'https://www.github.com/Example-Org/tracer/issues/12/', project: 'Flux' })]) }],
  ['form/quota', CLEAN, { workspace: workspace([1, 2, 3, 4].map((n) => other({ title: `Program ${n}`, upstream: `https://github.com/example-org/tracer/issues/${100 + n}`, source: n % 2 ? 'draft' : 'readme' })))}],
  ['form/placeholder', setField(CLEAN, 'Technologies', 'e.g. Go, Kubernetes, Prometheus, gRPC')],
];

describe('draft rules: one defect, one id', () => {
  it('the clean draft reports nothing (with and without a workspace)', () => {
    assert.deepEqual(ids(CLEAN), []);
    assert.deepEqual(ids(CLEAN, { workspace: workspace([other({}), other({ project: 'Flux', upstream: 'https://github.com/example-org/tracer/issues/13' })]) }), []);
  });

  it('every rule id has a case', () => {
    assert.deepEqual([...new Set(CASES.map((c) => c[0]))].sort(), [...DRAFT_RULE_IDS].sort());
  });

  for (const [id, text, options] of CASES) {
    it(id, () => {
      assert.deepEqual(ids(text, options), [id]);
    });
  }

  it('severities: errors block, warnings do not, as the bot', () => {
    const severity = (text: string, options?: Parameters<typeof ids>[1]) => run(text, options).map((f) => f.severity);
    const byId = new Map(CASES.map(([id, text, options]) => [id, severity(text, options)]));
    for (const id of ['form/few-mentors', 'form/skills-both', 'form/quota', 'form/duplicate-upstream']) assert.deepEqual(byId.get(id), ['warning'], id);
    for (const id of DRAFT_RULE_IDS.filter((i) => /missing|too-long|too-many|mentor-|upstream-|challenge-|custom-|skills-missing|mentors-empty/.test(i) && i !== 'form/duplicate-upstream')) {
      assert.ok(byId.get(id)!.every((s) => s === 'error'), `${id}: ${byId.get(id)}`);
    }
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

  it('duplicate upstream and quota ignore other terms and other projects', () => {
    const elsewhere = workspace([
      other({ upstream: 'https://github.com/example-org/tracer/issues/12', term: '2026/02-Jun-Aug' }),
      ...[1, 2, 3, 4].map((n) => other({ project: 'Flux', upstream: `https://github.com/example-org/x/issues/${n}` })),
      ...[1, 2, 3, 4].map((n) => other({ term: '2027 Term 1 (Mar-May)', upstream: `https://github.com/example-org/y/issues/${n}` })),
    ]);
    assert.deepEqual(ids(CLEAN, { workspace: elsewhere }), []);
  });
});
