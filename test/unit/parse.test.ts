import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdeas } from '../../server/src/core/parse';
import type { IdeasModel, Project, Proposal, Span } from '../../server/src/core/model';
import { blocksFromLines, blocksFromMdast } from '../../server/src/core/parse/headings';
import { LineIndex } from '../../server/src/core/parse/lines';
import { proposalsUnder } from '../../server/src/core/walk';

const FIX = join(__dirname, '..', 'fixtures', 'parser');
const fixture = (name: string) => readFileSync(join(FIX, name), 'utf8');
const sp = (l1: number, c1: number, l2: number, c2: number): Span => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** The proposals under these top projects (loose ones not included). */
function proposals(ps: readonly Project[]): Proposal[] {
  return ps.flatMap((p) => [...proposalsUnder(p)]);
}

function allInside(model: IdeasModel, text: string): void {
  const lens = text.split(/\r\n|\r|\n/).map((l) => l.length);
  assert.equal(model.lineCount, lens.length);
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.start && o.end && typeof (o.start as { line?: unknown }).line === 'number') {
      for (const p of [o.start, o.end] as { line: number; character: number }[]) {
        assert.ok(p.line >= 0 && p.line < lens.length && p.character >= 0 && p.character <= lens[p.line], `range outside: ${JSON.stringify(o)}`);
      }
      return;
    }
    for (const k of Object.keys(o)) visit(o[k]);
  };
  visit(model);
}

describe('parseIdeas: headings and structure', () => {
  const text = fixture('lfx-basic.md');
  const m = parseIdeas(text, { path: 'programs/lfx-mentorship/2099/01-Mar-May/project_ideas.md' });

  it('reads kind, template and projects with exact ranges', () => {
    assert.equal(m.kind, 'lfx-ideas');
    assert.equal(m.template.fromFile, true);
    assert.equal(m.template.projectLevel, 3);
    assert.equal(m.template.proposalLevel, 4);
    assert.deepEqual(m.template.fields.map((f) => f.key), ['description', 'outcome', 'skills', 'mentors', 'upstream']);
    assert.deepEqual(m.template.range, sp(4, 0, 15, 3));
    assert.deepEqual(m.projects.map((p) => p.name), ['Acme Mesh', 'Widgetry']);
    const acme = m.projects[0];
    assert.deepEqual(acme.headingRange, sp(21, 0, 21, 13));
    assert.deepEqual(acme.titleRange, sp(21, 4, 21, 13));
    assert.deepEqual(acme.range, sp(21, 0, 39, 85));
    allInside(m, text);
  });

  it('takes plain text titles (inline code, links) and strips a trailing colon', () => {
    const [a, b] = m.projects[0].proposals;
    assert.equal(a.title, 'Add zstd compression to the proxy');
    assert.deepEqual(a.titleRange, sp(23, 5, 23, 41));
    assert.equal(b.title, 'Dashboard revamp');
  });

  it('gives headings GitHub slugs, with -1 for repeats', () => {
    const r = parseIdeas('# A & B\n\n## Hello, World!\n\n## Hello, World!\n\n## snake_case-kept\n');
    assert.deepEqual(r.headings.map((h) => h.slug), ['a--b', 'hello-world', 'hello-world-1', 'snake_case-kept']);
  });

  it('does not take the Template fence for proposals', () => {
    assert.ok(!proposals(m.projects).some((p) => p.title === 'Mentorship project Title'));
    assert.ok(!m.headings.some((h) => h.text === 'CNCF Project Name'));
  });

  it('reads sections that follow the Template block directly, and leaves out an unfenced template', () => {
    const fenced = '## Template\n\n```\n### CNCF Project Name\n\n#### Mentorship project Title\n\n- Description:\n```\n\n### Widgetry\n\n#### Add a dry-run mode\n\n- Description: Something.\n- Mentor(s):\n  - Alice Example (@alice-example, alice@example.org)\n';
    const m = parseIdeas(fenced);
    assert.deepEqual(m.projects.map((p) => [p.name, p.proposals.map((q) => q.title)]), [['Widgetry', ['Add a dry-run mode']]]);
    const unfenced = '## Template\n\n### CNCF Project Name\n\n#### Mentorship project Title\n\n- Description:\n- Mentor(s):\n\n## Proposed\n\n### Widgetry\n\n#### Add a dry-run mode\n\n- Description: Something.\n';
    assert.deepEqual(parseIdeas(unfenced).projects.map((p) => p.name), ['Widgetry']);
  });

  it('reads a heading after a BOM the same way with remark and with the line scanner', () => {
    const idx = new LineIndex('\uFEFF## Proposed\n\n### Widgetry\n\n#### A proposal\n\n- Description: x\n');
    const view = (hs: { level: number; text: string; textRange: Span }[]) => hs.map((h) => [h.level, h.text, h.textRange]);
    assert.deepEqual(view(blocksFromLines(idx).headings), view(blocksFromMdast(idx).headings));
    assert.equal(blocksFromLines(idx).headings[0].text, 'Proposed');
  });

  it('handles sub-projects, projects at proposal depth, proposals at or above their project, level-1 proposals, strays', () => {
    const n = parseIdeas(fixture('nested.md'));
    assert.deepEqual(n.projects.map((p) => p.name), ['Orbit', 'Nimbus', 'Tumbler', 'Zephyr', 'quasar']);
    assert.deepEqual(n.projects[0].subprojects.map((p) => [p.name, p.proposals.length]), [['Kites', 2], ['Balloons', 1]]);
    assert.deepEqual(n.projects[2].proposals.map((p) => p.title), ['Tumbler idea']);
    assert.deepEqual(n.projects[3].proposals.map((p) => p.level), [3, 1]);
    const codes = n.irregularities.map((i) => i.code);
    for (const c of ['project-at-proposal-depth', 'proposal-above-project', 'heading-level-mismatch', 'stray-heading', 'skipped-level']) {
      assert.ok(codes.includes(c), c);
    }
  });

  it('keeps proposals before any project as loose proposals', () => {
    const l = parseIdeas(fixture('loose.md'));
    assert.deepEqual(l.looseProposals.map((p) => p.title), ['Loose idea']);
    assert.equal(l.irregularities[0].code, 'proposal-without-project');
  });

  it('reads setext and indented headings, and ignores # lines in blockquotes', () => {
    const t = ['Project ideas', '---', '', '### Gizmo', '', ' #### Indented idea', '', '- Description: x', '', '> ## Description', '> quoted', ''].join('\n');
    const r = parseIdeas(t);
    assert.equal(r.headings[0].text, 'Project ideas');
    assert.equal(r.headings[0].level, 2);
    assert.deepEqual(r.headings[0].range, sp(0, 0, 1, 3));
    assert.deepEqual(proposals(r.projects).map((p) => p.title), ['Indented idea']);
    assert.ok(!r.headings.some((h) => h.text === 'Description'));
  });

  it('infers the levels per file (projects at 4, proposals at 5) and skips the Sample entry', () => {
    const t = [
      '### Sample:', '', '#### Sampleproj (sample)', '', '##### Sample idea', '', '- Description: s', '',
      '### Proposed Project ideas', '', '#### Gizmo', '', '##### Idea A', '', '- Description: a', '', '##### Idea B', '', '- Description: b', '',
    ].join('\n');
    const r = parseIdeas(t);
    assert.deepEqual(r.projects.map((p) => [p.name, p.proposals.length]), [['Gizmo', 2]]);
    assert.ok(r.irregularities.some((i) => i.code === 'sample-entry'));
  });
});

describe('parseIdeas: field labels and values', () => {
  const m = parseIdeas(fixture('lfx-basic.md'));
  const [a, b] = m.projects[0].proposals;
  const w = m.projects[1].proposals[0];

  it('reads `- Label: value` with exact label and value ranges', () => {
    const d = a.fields[0];
    assert.equal(d.key, 'description');
    assert.equal(d.label, 'Description');
    assert.deepEqual(d.labelRange, sp(25, 2, 25, 13));
    assert.deepEqual(d.valueRange, sp(25, 15, 25, 53));
    assert.equal(d.value, 'Teach the proxy to compress responses.');
    assert.deepEqual(a.fields.map((f) => f.key), ['description', 'outcome', 'skills', 'mentors', 'upstream']);
  });

  it('reads `* **Label**:` and `* **Label:**`', () => {
    assert.deepEqual(b.fields.map((f) => f.label), ['Description', 'Expected Outcome', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue']);
    assert.equal(b.fields[2].value, 'TypeScript');
  });

  it('reads misspelled labels, labels without colon, values in paragraphs and sub-bullets', () => {
    assert.deepEqual(w.fields.map((f) => f.key), ['description', 'outcome', 'skills', 'mentors', 'upstream']);
    assert.equal(w.fields[0].value, 'Paragraph text that is the description.');
    assert.deepEqual(w.fields[0].valueRange, sp(46, 0, 46, 39));
    assert.equal(w.fields[1].value, '- Importer works');
    const codes = m.irregularities.map((i) => i.code);
    assert.ok(codes.includes('label-misspelled'));
    assert.ok(codes.includes('value-in-paragraph'));
  });

  it('reads tab bullets, no bullet, fullwidth colon, indented fields, YAML-like labels and other fields', () => {
    const t = [
      '### Proj', '', '#### Idea', '',
      '-\tDescription: tabbed', 'Recommended Skills: go, rust', '- Expected Outcome：fullwidth', ' - Upstream Issue: https://github.com/o/r/issues/1',
      '- Difficulty: Medium', '- Expected project size: 175 hours', '- LFX URL: TBD', '- Descrption: again', 'description: |', '  block text', '',
    ].join('\n');
    const p = parseIdeas(t).projects[0].proposals[0];
    assert.deepEqual(p.fields.map((f) => f.key), ['description', 'skills', 'outcome', 'upstream', 'other', 'size', 'lfx', 'description', 'description']);
    assert.equal(p.fields[2].value, 'fullwidth');
    assert.equal(p.fields[8].value, 'block text');
    const r = parseIdeas(t);
    assert.ok(r.irregularities.some((i) => i.code === 'duplicate-field'));
  });

  it('continues a value over unindented bullets that are not labels, and stops at ---', () => {
    const t = ['### P', '', '#### I', '', '- Description: First.', '- This continues the description.', '- Mentor(s): A Person (@aperson)', '', '---', '', 'After the rule.', ''].join('\n');
    const p = parseIdeas(t).projects[0].proposals[0];
    assert.equal(p.fields[0].value, 'First.\n- This continues the description.');
    assert.equal(p.fields[1].value, 'A Person (@aperson)');
  });
});

describe('parseIdeas: fields in blockquotes (generated term READMEs)', () => {
  const text = fixture('readme-quoted.md');
  const m = parseIdeas(text, { path: 'programs/lfx-mentorship/2099/03-Sep-Nov/README.md' });

  it('reads `> ## Label` lines as field labels, not as document headings', () => {
    assert.deepEqual(m.projects.map((p) => [p.name, p.proposals.map((q) => q.title)]), [
      ['Acme Mesh', ['Add zstd compression to the proxy', 'Dashboard revamp']],
      ['Widgetry', ['Widget importer']],
    ]);
    assert.ok(!m.headings.some((h) => /description|mentor/i.test(h.text)));
    const [a, b] = m.projects[0].proposals;
    assert.deepEqual(a.fields.map((f) => f.key), ['description', 'outcome', 'skills', 'mentors', 'upstream', 'lfx']);
    assert.deepEqual(b.fields.map((f) => [f.key, f.label]), [['description', 'Description'], ['other', 'Technologies'], ['mentors', 'Mentor(s)'], ['upstream', 'Upstream Issue']]);
    allInside(m, text);
    const codes = m.irregularities.map((i) => i.code);
    for (const c of ['label-without-colon', 'value-in-paragraph', 'duplicate-field', 'heading-level-mismatch']) assert.ok(!codes.includes(c), c);
  });

  it('takes the quoted lines below each label as its value, with exact ranges', () => {
    const a = m.projects[0].proposals[0];
    const d = a.fields[0];
    assert.equal(d.label, 'Description');
    assert.deepEqual(d.labelRange, sp(10, 7, 10, 18));
    assert.equal(d.value, 'Teach the proxy to compress responses,\nkeeping the old path as a fallback.');
    assert.deepEqual(d.valueRange, sp(11, 4, 12, 39));
    assert.deepEqual(d.range, sp(10, 4, 12, 39));
    assert.equal(a.fields[1].value, '- A merged pull request\n- Benchmarks');
    assert.equal(a.fields[2].value, 'Go, HTTP');
    assert.equal(a.fields[5].value, 'https://mentorship.example.org/project/0000');
  });

  it('reads mentors and upstream references inside the quote', () => {
    const [a, b] = m.projects[0].proposals;
    assert.deepEqual(a.mentors.map((x) => [x.name, x.handle, x.email]), [
      ['Alice Example', 'alice-example', 'alice@example.org'],
      ['Bob Sample', 'bob-sample', 'bob@example.org'],
    ]);
    assert.deepEqual(a.mentors[0].nameRange, sp(22, 6, 22, 19));
    assert.deepEqual(a.mentors[0].deviations, []);
    assert.deepEqual(a.upstream.map((r) => [r.kind, r.owner, r.repo, r.number]), [['issue', 'acme', 'mesh', 42]]);
    assert.deepEqual(a.upstream[0].range, sp(26, 4, 26, 42));
    assert.deepEqual(b.upstream.map((r) => [r.kind, r.owner, r.repo, r.number, r.raw]), [['pull', 'acme', 'dash', 7, '[acme/dash#7](https://github.com/acme/dash/pull/7)']]);
  });

  it('ends the last field with the quote', () => {
    const w = m.projects[1].proposals[0];
    assert.deepEqual(w.fields.map((f) => [f.key, f.value]), [['description', 'Import widgets.'], ['mentors', '- Dan Roe (@dan-roe, dan@example.org)']]);
    assert.equal(w.mentors.length, 1);
  });

  it('still ignores quotes without `## Label` lines (quoted text in a normal proposal)', () => {
    const t = ['### P', '', '#### I', '', '- Description: x', '', '> Mentor(s): Not A Mentor (@nobody)', '> - Upstream Issue: https://github.com/o/r/issues/1', ''].join('\n');
    const p = parseIdeas(t).projects[0].proposals[0];
    assert.deepEqual(p.fields.map((f) => f.key), ['description']);
    assert.equal(p.mentors.length, 0);
  });
});

describe('parseIdeas: mentors', () => {
  const mentorsOf = (lines: string[]) => parseIdeas(['### P', '', '#### I', '', '- Description: d', ...lines, ''].join('\n')).projects[0].proposals[0].mentors;

  it('reads the canonical form with exact ranges and a primary marker', () => {
    const m = parseIdeas(fixture('lfx-basic.md')).projects[0].proposals[0].mentors;
    assert.equal(m.length, 2);
    assert.deepEqual([m[0].name, m[0].handle, m[0].email, m[0].primary], ['Alice Example', 'alice-ex', 'alice@example.org', false]);
    assert.deepEqual(m[0].nameRange, sp(29, 4, 29, 17));
    assert.deepEqual(m[0].handleRange, sp(29, 19, 29, 28));
    assert.deepEqual(m[0].emailRange, sp(29, 30, 29, 47));
    assert.deepEqual(m[0].deviations, []);
    assert.equal(m[1].primary, true);
    assert.equal(m[1].name, 'Bob Sample');
  });

  it('splits several mentors on one line by , ; and & but not inside parentheses', () => {
    const m = mentorsOf(['- Mentor(s): Ann One (@annone, ann@example.org), Ben Two (@bentwo, ben@example.org); Cy Three @cythree and Di Four & Ed Five']);
    assert.deepEqual(m.map((x) => x.name), ['Ann One', 'Ben Two', 'Cy Three', 'Di Four', 'Ed Five']);
    assert.equal(m[0].email, 'ann@example.org');
    assert.deepEqual(m[3].deviations, ['no-email', 'no-handle']);
  });

  it('reads handle without @, handle or email only, profile links, mailto, <email>, fullwidth comma, NBSP', () => {
    const m = mentorsOf([
      '- Mentor(s):',
      '  - Fay Six, faysix, fay@example.org',
      '  - @onlyhandle',
      '  - Gus Seven [@gusseven](https://github.com/gusseven)',
      '  - Hal Eight (@haleight， [hal@example.org](mailto:hal@example.org))',
      '  - Ivy Nine(ivynine, <ivy@example.org>)',
      '  - Jo\u00a0Ten (@joten, jo@example.org)',
    ]);
    assert.deepEqual(m.map((x) => [x.name, x.handle, x.email]), [
      ['Fay Six', 'faysix', 'fay@example.org'],
      [undefined, 'onlyhandle', undefined],
      ['Gus Seven', 'gusseven', undefined],
      ['Hal Eight', 'haleight', 'hal@example.org'],
      ['Ivy Nine', 'ivynine', 'ivy@example.org'],
      ['Jo\u00a0Ten', 'joten', 'jo@example.org'],
    ]);
    assert.ok(m[2].deviations.includes('profile-link'));
    assert.ok(m[3].deviations.includes('mailto'));
    assert.ok(m[4].deviations.includes('angle-email'));
    assert.ok(m[5].deviations.includes('nbsp'));
  });

  it('reads primary markers, role labels, affiliations, obfuscated e-mails and multi-line records', () => {
    const m = mentorsOf([
      '- Mentor(s):',
      '  - Primary Mentor: Kim Eleven (@kimeleven, kim@example.org)',
      '  - Lou Twelve (@loutwelve) (primary)',
      '  - Mo Thirteen (@mothirteen) from Acme Corp - primary',
      '  - Ned Fourteen (@nedfourteen, ned AT example DOT org)',
      '  - Ola Fifteen',
      '  - Primary',
      'GitHub: @olafifteen',
      'Email: ola@example.org',
      '- Mentor Name: Pat Sixteen (@patsixteen), Quin Seventeen (@quin17)',
    ]);
    assert.deepEqual(m.map((x) => x.name), ['Kim Eleven', 'Lou Twelve', 'Mo Thirteen', 'Ned Fourteen', 'Ola Fifteen', 'Pat Sixteen', 'Quin Seventeen']);
    assert.deepEqual(m.map((x) => x.primary), [true, true, true, false, true, false, false]);
    assert.ok(m[0].deviations.includes('primary-marker') && !m[0].deviations.includes('role-label'));
    assert.equal(m[3].email, 'ned@example.org');
    assert.deepEqual([m[4].handle, m[4].email], ['olafifteen', 'ola@example.org']);
    assert.equal(m[6].handle, 'quin17');
  });
});

describe('parseIdeas: mentor regressions (corpus audit)', () => {
  const proposalOf = (lines: string[]) => parseIdeas(['### P', '', '#### I', '', '- Description: d', ...lines, ''].join('\n')).projects[0].proposals[0];
  const mentorsOf = (lines: string[]) => proposalOf(lines).mentors;

  it('splits two complete entries with no separator between them', () => {
    const m = mentorsOf(['- Mentor(s): Ann One (@ann-one, ann@example.org) Ben Two (@ben-two, ben@example.org)', '- Mentor(s): Cy Three (@cy-three)  Di Four (@di-four) from Acme', '- Mentors: Ed Five (@ed-five) Primary Mentor']);
    assert.deepEqual(m.map((x) => [x.name, x.handle, x.email]), [
      ['Ann One', 'ann-one', 'ann@example.org'],
      ['Ben Two', 'ben-two', 'ben@example.org'],
      ['Cy Three', 'cy-three', undefined],
      ['Di Four', 'di-four', undefined],
      ['Ed Five', 'ed-five', undefined],
    ]);
    assert.deepEqual(m[1].nameRange, sp(5, 49, 5, 56));
    assert.equal(m[4].primary, true);
  });

  it('splits linked names side by side, one mentor each', () => {
    const m = mentorsOf(['- Mentor(s): [Ann One](https://github.com/ann-one)  [Ben Two](https://github.com/ben-two) [Cy Three](https://github.com/cy3)']);
    assert.deepEqual(m.map((x) => [x.name, x.handle]), [
      ['Ann One', 'ann-one'],
      ['Ben Two', 'ben-two'],
      ['Cy Three', 'cy3'],
    ]);
    assert.deepEqual(m[1].range, sp(5, 52, 5, 89));
  });

  it('splits contacts separated by spaces only, one mentor each', () => {
    const m = mentorsOf(['- Mentor(s): ann@example.org@ann-one @ben-two @cy-three']);
    assert.deepEqual(m.map((x) => [x.handle, x.email]), [['ann-one', 'ann@example.org'], ['ben-two', undefined], ['cy-three', undefined]]);
    assert.deepEqual(m[1].handleRange, sp(5, 37, 5, 45));
  });

  it('joins a contact-only piece `@handle (email)` to the name before it', () => {
    const m = mentorsOf(['- Mentor(s): Mentor(s):  Dee Four, @dee-four (dee@example.org)']);
    assert.deepEqual(m.map((x) => [x.name, x.handle, x.email]), [['Dee Four', 'dee-four', 'dee@example.org']]);
    assert.ok(m[0].deviations.includes('role-label'));
  });

  it('reads group labels (`- Primary` / `- Adjunct` over sub-bullets, `Adjunct:` inline) and profile links with names', () => {
    const m = mentorsOf([
      '- Mentor(s):',
      '  - Primary',
      '    - [Eve Five](https://github.com/eve-five)',
      '  - Adjunct',
      '    - [Fay Six](https://github.com/fay-six)',
      '  - Adjunct: [Gus Seven](https://github.com/gus-seven)',
      '  - Hal Eight',
      '    - GitHub: @hal-eight',
    ]);
    assert.deepEqual(m.map((x) => [x.name, x.handle, x.primary]), [
      ['Eve Five', 'eve-five', true],
      ['Fay Six', 'fay-six', false],
      ['Gus Seven', 'gus-seven', false],
      ['Hal Eight', 'hal-eight', false],
    ]);
    assert.deepEqual(m[0].nameRange, sp(7, 7, 7, 15));
    assert.ok(m[0].deviations.includes('profile-link'));
    assert.ok(m[2].deviations.includes('role-label'));
    assert.ok(m[3].deviations.includes('multi-line'));
  });

  it('ends Mentor(s) at an unknown label whose value holds a GitHub URL', () => {
    const p = proposalOf(['- Mentor(s): Ivy Nine (@ivy-nine)', '- Enhancement : https://github.com/acme/enhancements/tree/main/keps/1']);
    assert.equal(p.fields[1].value, 'Ivy Nine (@ivy-nine)');
    assert.deepEqual(p.mentors.map((x) => x.name), ['Ivy Nine']);
  });

  it('ends Mentor(s) at an unknown `- Implementation:` label (2020 q2 shape)', () => {
    const p = proposalOf([
      '- Recommended Skills:  Go, DNS',
      '- Mentor(s): Jo Ten (@jo-ten), Kai Eleven (@kai-eleven)',
      '- Implementation: The deliverable is a program that runs in a cluster, see https://github.com/acme/rfc/issues/6',
      '- Related Issues:',
      '  - https://github.com/acme/rfc/issues/7',
    ]);
    assert.deepEqual(p.fields.map((f) => f.key), ['description', 'skills', 'mentors', 'upstream']);
    assert.equal(p.fields[2].value, 'Jo Ten (@jo-ten), Kai Eleven (@kai-eleven)');
    assert.deepEqual(p.fields[2].range, sp(6, 0, 6, 55));
    assert.deepEqual(p.mentors.map((x) => x.handle), ['jo-ten', 'kai-eleven']);
    assert.deepEqual(p.upstream.map((r) => r.number), [7]);
  });
});

describe('parseIdeas: upstream references', () => {
  const refsOf = (lines: string[]) => parseIdeas(['### P', '', '#### I', '', '- Description: d', ...lines, ''].join('\n')).projects[0].proposals[0].upstream;

  it('reads URLs, <url>, [owner/repo#N](url), bare owner/repo#N, with kinds and exact ranges', () => {
    const u = refsOf(['- Upstream Issue: https://github.com/acme/mesh/issues/42, <https://github.com/acme/mesh/pull/7> and [acme/mesh#9](https://github.com/acme/mesh/discussions/9) acme/dash#8']);
    assert.deepEqual(u.map((r) => [r.kind, r.owner, r.repo, r.number]), [
      ['issue', 'acme', 'mesh', 42],
      ['pull', 'acme', 'mesh', 7],
      ['discussion', 'acme', 'mesh', 9],
      ['issue', 'acme', 'dash', 8],
    ]);
    assert.deepEqual(u[0].range, sp(5, 18, 5, 56));
    assert.equal(u[3].url, 'https://github.com/acme/dash/issues/8');
    assert.equal(u[1].raw, '<https://github.com/acme/mesh/pull/7>');
  });

  it('classifies searches, issue lists, boards, blobs, repos, fragments and non-GitHub URLs', () => {
    const u = refsOf([
      '- Upstream Issues:',
      '  - https://github.com/acme/mesh/issues?q=is%3Aopen+label%3Amentorship',
      '  - https://github.com/search?q=org%3Aacme+mentorship',
      '  - https://github.com/orgs/acme/projects/3',
      '  - https://github.com/acme/mesh/milestone/2',
      '  - https://github.com/acme/mesh/blob/main/README.md',
      '  - https://github.com/acme/mesh',
      '  - https://github.com/acme/mesh/issues/5#issuecomment-123',
      '  - https://docs.example.org/proposal.',
      '  - TBD',
    ]);
    assert.deepEqual(u.map((r) => r.kind), ['search', 'search', 'other', 'other', 'other', 'other', 'issue', 'other']);
    assert.equal(u[6].number, 5);
    assert.equal(u[7].url, 'https://docs.example.org/proposal');
  });
});

describe('parseIdeas: upstream regressions (corpus audit)', () => {
  const refsOf = (lines: string[]) => parseIdeas(['### P', '', '#### I', '', '- Description: d', ...lines, ''].join('\n')).projects[0].proposals[0].upstream;

  it('gives one reference per `[owner/repo#N](url)` link, bold or not, and per `[text]: url` definition', () => {
    const u = refsOf(['- Upstream Issue: **[acme/mesh#16](https://github.com/acme/mesh/pull/16)**, [#12](https://github.com/acme/mesh/issues/12)', '  - [acme/mesh#18]: https://github.com/acme/mesh/issues/18']);
    assert.deepEqual(u.map((r) => [r.kind, r.owner, r.repo, r.number]), [['pull', 'acme', 'mesh', 16], ['issue', 'acme', 'mesh', 12], ['issue', 'acme', 'mesh', 18]]);
    assert.equal(u[2].raw, '[acme/mesh#18]: https://github.com/acme/mesh/issues/18');
    assert.deepEqual(u[2].range, sp(6, 4, 6, 58));
  });

  it('splits URLs written without a space between them', () => {
    const u = refsOf(['- Upstream Issue: https://github.com/acme/mesh/issues/19https://github.com/acme/mesh/issues/20']);
    assert.deepEqual(u.map((r) => [r.kind, r.number, r.range.start.character, r.range.end.character]), [['issue', 19, 18, 56], ['issue', 20, 56, 94]]);
  });

  it('reads GitHub URLs written without a scheme', () => {
    const u = refsOf(['- Upstream Issue: github.com/acme/mesh/issues/8 (see www.github.com/acme/mesh/discussions/9)']);
    assert.deepEqual(u.map((r) => [r.kind, r.owner, r.repo, r.number, r.url, r.raw]), [
      ['issue', 'acme', 'mesh', 8, 'https://github.com/acme/mesh/issues/8', 'github.com/acme/mesh/issues/8'],
      ['discussion', 'acme', 'mesh', 9, 'https://www.github.com/acme/mesh/discussions/9', 'www.github.com/acme/mesh/discussions/9'],
    ]);
  });

  it('keeps the references next to TBD and reads none from a bare TBD or repository name', () => {
    assert.deepEqual(refsOf(['- Upstream Issue: TBD, https://github.com/acme/mesh/issues/3']).map((r) => r.number), [3]);
    assert.deepEqual(refsOf(['- Upstream Issue: acme/ui (TBD)']), []);
  });
});

describe('parseIdeas: table of contents', () => {
  it('reads <!-- TOC --> markers with depths', () => {
    const t = ['<!-- TOC -->', '- [Acme](#acme)', '  - [Idea one](#idea-one)', '<!-- /TOC -->', '', '### Acme', '', '#### Idea one', '', '- Description: x', ''].join('\n');
    const r = parseIdeas(t);
    assert.equal(r.toc?.form, 'markers');
    assert.deepEqual(r.toc?.entries.map((e) => [e.text, e.anchor, e.depth]), [['Acme', 'acme', 0], ['Idea one', 'idea-one', 1]]);
    assert.deepEqual(r.toc?.range, sp(0, 0, 3, 13));
    assert.deepEqual(r.toc?.entries[1].range, sp(2, 2, 2, 25));
  });

  it('reads a Table of Contents heading and a bare list after ---', () => {
    const h = parseIdeas(['## Table of Contents', '', '* [Acme](#acme)', '  * [Idea](#idea)', '', '### Acme', ''].join('\n'));
    assert.equal(h.toc?.form, 'heading');
    assert.equal(h.toc?.entries.length, 2);
    const l = parseIdeas(['# Term', '', '---', '', '* [Acme](#acme)', '  * [Idea](#idea)', '* [Zed](#zed)', '', '### Acme', ''].join('\n'));
    assert.equal(l.toc?.form, 'list');
    assert.deepEqual(l.toc?.entries.map((e) => e.depth), [0, 1, 0]);
  });
});

describe('parseIdeas: leftovers, noise and bad input', () => {
  it('returns an empty model for an empty file', () => {
    const r = parseIdeas('');
    assert.equal(r.lineCount, 1);
    assert.equal(r.projects.length, 0);
    assert.equal(r.kind, 'unknown');
    assert.equal(r.template.fromFile, false);
  });

  it('reads a file of headings only', () => {
    const t = '# A\n## B\n### C\n#### D\n##### E\n###### F';
    const r = parseIdeas(t);
    assert.equal(r.headings.length, 6);
    allInside(r, t);
  });

  it('survives binary garbage, NUL, lone surrogates, BOM and mixed line endings', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let g = '';
    for (let i = 0; i < 20000; i++) g += String.fromCharCode(Math.floor(rnd() * 0xffff));
    const texts = [
      g,
      '\uFEFF### P\r\n\r\n#### I\r\n\r\n- Description: crlf\r\n- Mentor(s): Al Bee (@albee)\r\n',
      '### P\r#### I\r- Description: cr\n- Mentor(s): \uD800 Lone (@lone)\r\n\u0000\u0000',
      '#'.repeat(100000),
      '- Mentor(s): ' + '('.repeat(50000) + 'x',
      '- Upstream Issue: ' + 'https://github.com/' + 'a/'.repeat(40000),
    ];
    for (const t of texts) {
      const r = parseIdeas(t);
      allInside(r, t);
    }
    const crlf = parseIdeas(texts[1]);
    assert.equal(crlf.projects[0].proposals[0].fields[0].value, 'crlf');
    assert.deepEqual(crlf.projects[0].proposals[0].fields[0].valueRange, sp(4, 15, 4, 19));
    const cr = parseIdeas(texts[2]);
    assert.equal(cr.projects[0].proposals[0].fields[0].value, 'cr');
  });

  it('tolerates emoji, zero-width spaces, HTML, fenced code and placeholders in proposals', () => {
    const t = ['### P', '', '#### I 🎉', '', '- Description:<br/> Fun! 🎉\u200b', '', '```', '- Mentor(s): Not A Mentor', '```', '- Mentor(s): Mentor Name (@mentor_github, mentor@email.addy)', ''].join('\n');
    const p = parseIdeas(t).projects[0].proposals[0];
    assert.deepEqual(p.fields.map((f) => f.key), ['description', 'mentors']);
    assert.equal(p.mentors.length, 1);
  });
});

describe('parseIdeas: kind', () => {
  it('tells the kind from the path, else from the content', () => {
    assert.equal(parseIdeas('', { path: '/x/programs/summerofcode/2099.md' }).kind, 'gsoc');
    assert.equal(parseIdeas('', { path: 'programs/lfx-mentorship/2099/01-Mar-May/README.md' }).kind, 'term-readme');
    assert.equal(parseIdeas('', { path: 'programs/lfx-mentorship/2099/01-Mar-May/project_ideas.md' }).kind, 'lfx-ideas');
    assert.equal(parseIdeas('### P\n\n#### I\n\n- Description: x\n- Expected project size: 90 hours\n', { path: 'notes.md' }).kind, 'gsoc');
    assert.equal(parseIdeas('# Just notes\n', { path: 'notes.md' }).kind, 'unknown');
  });
});
