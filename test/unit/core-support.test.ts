// File recognition, settings validation, the project catalogue, quotas, upstream normalisation, terms.
import { strict as assert } from 'node:assert';
import { DEFAULT_FILE_GLOBS, hasTemplateBlock, isIdeasFile, matchesIdeasGlobs } from '../../server/src/core/ideasFiles';
import { resolveSettings, DEFAULT_SETTINGS } from '../../server/src/settings';
import { ProjectCatalog, Quotas } from '../../server/src/core/cncfProjects';
import { normalizeUpstreamUrl } from '../../server/src/core/upstreamTarget';
import { termOfPath } from '../../server/src/core/term';
import GithubSlugger from 'github-slugger';
import { createSlugger } from '../../server/src/core/parse/slug';
import { rng } from './incrementalFixtures';

const TEMPLATE = '## Template\n\n```\n### CNCF Project Name\n\n#### Mentorship project Title\n\n- Description:\n```\n';

describe('ideas files', () => {
  it('matches the default globs', () => {
    assert.ok(matchesIdeasGlobs('/repo/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md', DEFAULT_FILE_GLOBS));
    assert.ok(matchesIdeasGlobs('/repo/programs/lfx-mentorship/2025/01-Mar-May/README.md', DEFAULT_FILE_GLOBS));
    assert.ok(matchesIdeasGlobs('C:\\repo\\programs\\summerofcode\\2025.md', DEFAULT_FILE_GLOBS));
    assert.ok(!matchesIdeasGlobs('/repo/README.md', DEFAULT_FILE_GLOBS));
    assert.ok(!matchesIdeasGlobs('/repo/docs/notes.md', DEFAULT_FILE_GLOBS));
  });

  it('recognises the template block by content, and the setting can turn that off', () => {
    assert.ok(hasTemplateBlock(TEMPLATE));
    assert.ok(hasTemplateBlock('Intro\n\n### Template\n\n```\n#### CNCF Project Name\n\n- Description:\n- Mentor(s):\n```'));
    assert.ok(!hasTemplateBlock('# widgetkit\n\n## Tagged template literal\n\n```js\nconst w = widget`x`;\n```'), 'a fence of code after a heading naming a template');
    assert.ok(!hasTemplateBlock('# Notes\n\nA template is a thing.\n'));
    assert.ok(isIdeasFile('/x/notes.md', TEMPLATE, { files: DEFAULT_FILE_GLOBS, detectByContent: true }));
    assert.ok(!isIdeasFile('/x/notes.md', TEMPLATE, { files: DEFAULT_FILE_GLOBS, detectByContent: false }));
    assert.ok(!isIdeasFile('/x/notes.txt', TEMPLATE, { files: DEFAULT_FILE_GLOBS, detectByContent: true }));
  });
});

describe('settings', () => {
  it('uses defaults for missing settings without complaint', () => {
    assert.deepEqual(resolveSettings(undefined), { settings: { ...DEFAULT_SETTINGS, rules: {}, quotas: {} }, problems: [] });
  });

  it('reports each invalid value and keeps the default', () => {
    const { settings, problems } = resolveSettings({
      files: 'project_ideas.md',
      detectByContent: 'yes',
      rules: { 'mentor-count': 'loud', 'missing-field': 'off' },
      quotas: { kubernetes: 10, istio: -1 },
      maxFileSize: 5,
    });
    assert.deepEqual(settings.files, DEFAULT_SETTINGS.files);
    assert.equal(settings.detectByContent, true);
    assert.deepEqual(settings.rules, { 'missing-field': 'off' });
    assert.deepEqual(settings.quotas, { kubernetes: 10 });
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(problems.length, 5);
    assert.ok(problems.some((p) => p.startsWith('projectIdeas.rules.mentor-count')));
  });

  it('rejects a non-object', () => {
    assert.equal(resolveSettings(42).problems.length, 1);
  });

  it('reads the draft globs and the issue target, and reports bad ones', () => {
    const good = resolveSettings({ drafts: { files: ['proposals/*.md'] }, issues: { repository: 'example-org/mentoring', template: 'lfx.yml' } });
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.settings.draftFiles, ['proposals/*.md']);
    assert.equal(good.settings.issueRepository, 'example-org/mentoring');
    assert.equal(good.settings.issueTemplate, 'lfx.yml');
    const bad = resolveSettings({ drafts: { files: [''] }, issues: { repository: 'not a repo', template: 'form.txt' } });
    assert.deepEqual(bad.settings.draftFiles, DEFAULT_SETTINGS.draftFiles);
    assert.equal(bad.settings.issueRepository, 'cncf/mentoring');
    assert.equal(bad.settings.issueTemplate, 'lfx-program-proposal.yml');
    assert.deepEqual(
      bad.problems.map((p) => p.split(':')[0]),
      ['projectIdeas.drafts.files', 'projectIdeas.issues.repository', 'projectIdeas.issues.template'],
    );
  });
});

describe('project catalogue and quotas', () => {
  const catalog = ProjectCatalog.snapshot();

  it('finds projects by name or slug whatever the case and punctuation', () => {
    assert.equal(catalog.find('envoy')?.name, 'Envoy');
    assert.equal(catalog.find('Inspektor-Gadget')?.name, 'Inspektor Gadget');
    assert.equal(catalog.find('kubernetes')?.name, 'Kubernetes');
    assert.equal(catalog.find('Not A Project'), undefined);
  });

  it('finds the parent project of a sub-project heading, but not exactly', () => {
    assert.equal(catalog.find('Envoy Gateway')?.name, 'Envoy');
    assert.equal(catalog.findExact('Envoy Gateway'), undefined);
    assert.equal(catalog.find('KubeEdge-Ianvs')?.name, 'KubeEdge');
  });

  it('suggests close names for a misspelt heading', () => {
    assert.ok(catalog.closest('Kubernets').some((p) => p.name === 'Kubernetes'));
    assert.deepEqual(catalog.closest('zzzzzzzzzzzzzzzzzzzzzzzz'), []);
  });

  it('falls back to the snapshot and says why on a bad projects.yml', () => {
    for (const text of ['{{{', 'just a string', '- 1\n- 2\n', 'a: &a [*a]\n']) {
      const result = ProjectCatalog.fromYaml(text);
      assert.ok(result.problem, `no problem reported for ${JSON.stringify(text)}`);
      assert.ok(result.value.find('Kubernetes'));
    }
    const ok = ProjectCatalog.fromYaml('- name: Widget Works\n  slug: widgetworks\n  maturity: sandbox\n');
    assert.equal(ok.problem, undefined);
    assert.equal(ok.value.find('widget works')?.maturity, 'sandbox');
  });

  it('reads quotas with overrides matched by org, hyphenated name or slug', () => {
    const { value, problem } = Quotas.fromYaml('default_per_project_per_term: 4\noverrides:\n  kubernetes: 8\n  envoy-gateway: 5\n');
    assert.equal(problem, undefined);
    assert.equal(value.quotaFor('Kubernetes', catalog.find('Kubernetes')), 8);
    assert.equal(value.quotaFor('Envoy Gateway', undefined), 5);
    assert.equal(value.quotaFor('Unknown Thing', undefined), 4);
    assert.equal(value.withOverrides({ default: 6 }).quotaFor('Unknown Thing', undefined), 6);
  });

  it('falls back to the default quotas on a bad quotas.yml', () => {
    for (const text of ['overrides: 3', 'default_per_project_per_term: many', '[1, 2]', 'overrides:\n  k8s: -2\n']) {
      const result = Quotas.fromYaml(text);
      assert.ok(result.problem);
      assert.equal(result.value.quotaFor('Kubernetes', catalog.find('Kubernetes')), 8);
    }
  });
});

describe('upstream normalisation', () => {
  it('drops scheme, www, fragment and trailing slashes, lowercases host and path, keeps the query', () => {
    assert.equal(
      normalizeUpstreamUrl('https://www.GitHub.com/Example-Org/Widget/issues/12/#issuecomment-1'),
      'github.com/example-org/widget/issues/12',
    );
    assert.equal(
      normalizeUpstreamUrl('http://github.com/o/r/issues?q=is%3Aopen+Label'),
      'github.com/o/r/issues?q=is%3Aopen+Label',
    );
  });
});

describe('terms', () => {
  it('reads the term from repository paths and corpus names', () => {
    assert.equal(termOfPath('/r/programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md')?.id, '2024/03-Sep-Nov');
    assert.equal(termOfPath('/c/lfx-mentorship_2024_03-Sep-Nov__2024-07-22__07327362.md')?.id, '2024/03-Sep-Nov');
    assert.equal(termOfPath('/c/lfx-mentorship_2020_q3-q4__2023-04-11__0c209dd6.md')?.id, '2020/q3-q4');
    assert.equal(termOfPath('/c/lfx-mentorship_2021_01-Spring_README__2023-04-11__0c209dd6.md')?.id, '2021/01-Spring');
    assert.equal(termOfPath('/r/programs/summerofcode/2025.md')?.label, 'GSoC 2025');
    assert.equal(termOfPath('/r/docs/notes.md'), undefined);
  });
});

describe('heading slugs', () => {
  it('are github-slugger\'s, repeats included, for any sequence of titles', () => {
    const titles = ['Acorn Mesh', 'acorn mesh', 'Acorn Mesh-1', 'Acorn Mesh', 'Ünïcode: ideas!', '', '  ', 'C++ & Go', 'acorn-mesh', 'Acorn Mesh', 'a'.repeat(2100)];
    const r = rng(5);
    for (let run = 0; run < 50; run++) {
      const ours = createSlugger();
      const theirs = new GithubSlugger();
      for (let i = 0; i < 40; i++) {
        const title = titles[Math.floor(r() * titles.length)];
        assert.equal(ours.slug(title), theirs.slug(title.length > 2000 ? title.slice(0, 2000) : title), title);
      }
    }
  });
});
