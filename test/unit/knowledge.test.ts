// KnowledgeIndex on hand-built models: per-file updates, de-duplication by (term, title), folding.
import assert from 'node:assert/strict';
import type { IdeasModel, Mentor, Proposal, Span } from '../../server/src/core/model';
import { KnowledgeIndex } from '../../server/src/core/knowledge';
import { ProjectCatalog } from '../../server/src/core/cncfProjects';
import { splitSkills, skillKey } from '../../server/src/core/skills';
import { WorkspaceIndex } from '../../server/src/core/workspaceIndex';
import { normalizeUpstreamUrl } from '../../server/src/core/upstreamTarget';

const span = (line: number, a = 0, b = 10): Span => ({ start: { line, character: a }, end: { line, character: b } });

function mentor(name: string, handle: string, email?: string, line = 0): Mentor {
  return { name, handle, email, primary: false, raw: `${name} (@${handle}, ${email})`, range: span(line), emailRange: email ? span(line, 20, 40) : undefined, deviations: [] };
}

function proposal(title: string, line: number, mentors: Mentor[], upstream: string[] = [], skills = ''): Proposal {
  return {
    title,
    level: 4,
    headingRange: span(line),
    titleRange: span(line, 5, 5 + title.length),
    range: span(line),
    fields: skills ? [{ key: 'skills', label: 'Recommended Skills', labelRange: span(line + 1), value: skills, range: span(line + 1) }] : [],
    mentors,
    upstream: upstream.map((url) => ({ url, raw: url, kind: 'issue' as const, range: span(line + 2) })),
  };
}

function model(projects: { name: string; proposals: Proposal[] }[]): IdeasModel {
  return {
    kind: 'lfx-ideas',
    template: { fromFile: false, projectLevel: 3, proposalLevel: 4, fields: [] },
    projects: projects.map((p, i) => ({ name: p.name, level: 3, headingRange: span(i), titleRange: span(i), range: span(i), proposals: p.proposals, subprojects: [] })),
    looseProposals: [],
    headings: [],
    irregularities: [],
    lineCount: 100,
  };
}

const alice = (line = 0) => mentor('Alice Example', 'alice-example', 'alice@example.org', line);
const bob = (line = 0) => mentor('Bob Sample', 'BobSample', 'bob@example.net', line);
const P24 = '/ws/programs/lfx-mentorship/2024/01-Mar-May/project_ideas.md';
const R24 = '/ws/programs/lfx-mentorship/2024/01-Mar-May/README.md';
const P25 = '/ws/programs/lfx-mentorship/2025/02-Jun-Aug/project_ideas.md';

describe('KnowledgeIndex', () => {
  let index: WorkspaceIndex;
  let k: KnowledgeIndex;
  beforeEach(() => {
    index = new WorkspaceIndex();
    k = KnowledgeIndex.attach(index, () => ProjectCatalog.snapshot());
  });

  it('indexes mentors across terms, case-insensitively, with first and last term', () => {
    index.set('file:///a', P24, model([{ name: 'Envoy Gateway', proposals: [proposal('Widget tracing', 5, [alice(), bob()], ['https://github.com/invented/widgets/issues/1'])] }]));
    index.set('file:///b', P25, model([{ name: 'Envoy Gateway', proposals: [proposal('Gadget metrics', 5, [alice()])] }]));
    const m = k.mentor('@ALICE-example');
    assert.ok(m);
    assert.equal(m.handle, 'alice-example');
    assert.equal(m.proposals.length, 2);
    assert.equal(m.firstTerm?.id, '2024/01-Mar-May');
    assert.equal(m.lastTerm?.id, '2025/02-Jun-Aug');
    assert.deepEqual([...m.emails.keys()], ['alice@example.org']);
    assert.equal(m.names.get('Alice Example'), 2);
    assert.equal(k.mentors().length, 2);
    assert.deepEqual(k.handlesForName('alice example'), ['alice-example']);
    assert.deepEqual(k.handlesForEmail('BOB@example.net'), ['bobsample']);
  });

  it('counts one proposal once across copies of its term file (README and project_ideas)', () => {
    const p = () => model([{ name: 'Envoy Gateway', proposals: [proposal('Widget tracing', 5, [alice()], ['https://github.com/Invented/Widgets/issues/1/'])] }]);
    index.set('file:///a', P24, p());
    index.set('file:///r', R24, p());
    assert.equal(k.mentor('alice-example')!.proposals.length, 1);
    assert.equal(k.mentor('alice-example')!.occurrences.length, 2);
    const target = normalizeUpstreamUrl('https://www.github.com/invented/widgets/issues/1#x');
    assert.equal(k.proposalsForTarget(target).length, 1);
    assert.equal(k.proposalsForTarget(target, { all: true }).length, 2);
    assert.equal(k.project('envoy-gateway')!.perTerm.get('2024/01-Mar-May'), 1);
  });

  it('replaces a file contribution on update and drops it on delete', () => {
    index.set('file:///a', P24, model([{ name: 'Envoy Gateway', proposals: [proposal('Widget tracing', 5, [alice()])] }]));
    assert.ok(k.mentor('alice-example'));
    index.set('file:///a', P24, model([{ name: 'Envoy Gateway', proposals: [proposal('Widget tracing', 5, [bob()])] }]));
    assert.equal(k.mentor('alice-example'), undefined);
    assert.ok(k.mentor('bobsample'));
    index.delete('file:///a');
    assert.equal(k.mentors().length, 0);
    assert.equal(k.projects().length, 0);
  });

  it('keeps the records a new version of a file leaves unchanged, and rebuilds the others', () => {
    const version = (bobEmail: string, skills: string) =>
      model([{ name: 'Envoy Gateway', proposals: [proposal('Widget tracing', 5, [alice(), mentor('Bob Sample', 'BobSample', bobEmail, 1)], [], skills)] }]);
    index.set('file:///a', P24, version('bob@example.net', 'Go'));
    index.set('file:///b', P25, model([{ name: 'Flux', proposals: [proposal('Gadget metrics', 5, [alice()])] }]));
    const aliceBefore = k.mentor('alice-example');
    const bobBefore = k.mentor('bobsample');
    const projectBefore = k.project('envoy-gateway');
    const skillsBefore = k.skills();
    // A new version with the same mentors, projects and skills (what typing in a description gives).
    index.set('file:///a', P24, version('bob@example.net', 'Go'));
    assert.equal(k.mentor('alice-example'), aliceBefore);
    assert.equal(k.mentor('bobsample'), bobBefore);
    assert.equal(k.project('envoy-gateway'), projectBefore);
    assert.equal(k.skills(), skillsBefore);
    // Bob's address and the skills change: his record and the skills are rebuilt, Alice's is kept.
    index.set('file:///a', P24, version('bob@example.org', 'Rust'));
    assert.equal(k.mentor('alice-example'), aliceBefore);
    assert.deepEqual([...k.mentor('bobsample')!.emails.keys()], ['bob@example.org']);
    assert.deepEqual(k.mentorEmails('bobsample').has('bob@example.org'), true);
    assert.ok(k.skills().some((x) => x.key === 'rust'));
    assert.ok(!k.skills().some((x) => x.key === 'go'));
  });

  it('folds skill spellings and keeps per-project skills', () => {
    index.set('file:///a', P24, model([{ name: 'Envoy Gateway', proposals: [proposal('One', 5, [alice()], [], 'Golang, Kubernetes.'), proposal('Two', 20, [alice()], [], '`Go`; k8s and Rust')] }]));
    index.set('file:///b', P25, model([{ name: 'Flux', proposals: [proposal('Three', 5, [bob()], [], 'Go')] }]));
    const skills = k.skills();
    const go = skills.find((s) => s.key === 'go');
    assert.equal(go?.count, 3);
    assert.equal(skills.find((s) => s.key === 'kubernetes')?.count, 2);
    assert.deepEqual(k.projectSkills('Envoy Gateway').map((s) => s.key).sort(), ['go', 'kubernetes', 'rust']);
    assert.deepEqual(k.projectSkills('flux').map((s) => s.key), ['go']);
  });

  it('keeps the Technologies fields apart from the skills, with the technologies of other sources (saved drafts)', () => {
    const withTechnologies = (title: string, line: number, technologies: string, skills: string): Proposal => {
      const p = proposal(title, line, [alice()], [], skills);
      return { ...p, fields: [...p.fields, { key: 'other', label: 'Technologies', labelRange: span(line + 3), value: technologies, range: span(line + 3) }] };
    };
    index.set('file:///a', P24, model([{ name: 'Envoy Gateway', proposals: [withTechnologies('One', 5, 'Golang, QuillDB', 'Go'), withTechnologies('Two', 20, 'Go', 'Rust')] }]));
    assert.deepEqual(k.technologies().map((t) => [t.key, t.count]), [['go', 2], ['quilldb', 1]]);
    assert.ok(!k.skills().some((s) => s.key === 'quilldb'));
    const before = k.technologies();
    k.setTechnologiesOf('file:///draft', 'QuillDB, Zephyr');
    assert.deepEqual(k.technologies().map((t) => [t.key, t.count]), [['go', 2], ['quilldb', 2], ['zephyr', 1]]);
    assert.notEqual(k.technologies(), before);
    k.setTechnologiesOf('file:///draft', undefined);
    assert.deepEqual(k.technologies().map((t) => t.key), ['go', 'quilldb']);
  });

  it('knows catalogue projects with no section yet', () => {
    const e = k.project('Flux');
    assert.equal(e?.catalog?.name, 'Flux');
    assert.equal(e?.proposals.length, 0);
  });
});

describe('skills', () => {
  it('splits and cleans', () => {
    assert.deepEqual(splitSkills('Familiarity with Go, Kubernetes (CRDs, controllers); `Rust`.\n- Python and YAML'), [
      'Go',
      'Kubernetes (CRDs, controllers)',
      'Rust',
      'Python',
      'YAML',
    ]);
    assert.equal(skillKey('Golang.'), 'go');
    assert.equal(skillKey('GO'), 'go');
    assert.deepEqual(splitSkills('A very long sentence that describes what a mentee should know about everything'), []);
  });
});
