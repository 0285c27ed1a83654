// One positive and one negative case (at least) per rule, on invented files.
import * as assert from 'node:assert/strict';
import { Quotas } from '../../../server/src/core/cncfProjects';
import { RULES } from '../../../server/src/rules';
import { disableFix, disabledRules } from '../../../server/src/rules/disable';
import { ALICE, applyEdits, applyFirstFix, BOB, CAROL, check, GSOC_PATH, GSOC_TEMPLATE, lfxFile, LFX_TEMPLATE, only, proposal } from './helpers';

const clean = () => lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }), proposal({ title: 'Storage backends' })] }]);

describe('rules', () => {
  it('every rule has a kebab-case id, a severity and a description', () => {
    const ids = new Set<string>();
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
      ids.add(rule.id);
      assert.ok(['hint', 'information', 'warning', 'error'].includes(rule.defaultSeverity));
      assert.ok(rule.description.length > 20);
    }
  });

  it('a clean file has no findings', () => {
    assert.deepEqual(check(clean()).map((f) => f.message), []);
  });

  describe('required-field', () => {
    it('reports a missing Expected Outcome and inserts it in template order', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', outcome: null }), proposal({ title: 'Storage backends' })] }]);
      const [f] = only(check(text), 'required-field');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /"Adaptive sampling" has no "Expected Outcome" field/);
      const fixed = applyFirstFix(text, f);
      assert.match(fixed, /- Description: Build the adaptive sampling feature\.\n- Expected Outcome:\n- Recommended Skills: Go, Kubernetes/);
      assert.deepEqual(only(check(fixed), 'required-field').map((x) => x.message), [
        '"Expected Outcome" of "Adaptive sampling" is empty; fill it in.',
      ]);
    });

    it('reports an empty Upstream Issue, never a missing LFX URL', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: '' })] }]);
      const found = only(check(text), 'required-field');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /"Upstream Issue" of "Adaptive sampling" is empty/);
    });

    it('does not ask for Expected Outcome when the file has no template and predates 2023', () => {
      const text = `### Jaeger\n\n#### Adaptive sampling\n\n- Description: Build it.\n- Recommended Skills: Go\n- Mentor(s): ${ALICE}, ${BOB}\n- Upstream Issue: https://github.com/example-org/example/issues/7\n`;
      assert.deepEqual(only(check(text, { path: '/ws/programs/lfx-mentorship/2021/01-Spring/project_ideas.md' }), 'required-field'), []);
      assert.equal(only(check(text), 'required-field').length, 1, 'a 2025 file without a template still needs it');
    });
  });

  describe('template-placeholder', () => {
    it('reports placeholder headings and mentors, and removes placeholder lines', () => {
      const text = lfxFile([
        { project: 'CNCF Project Name', proposals: [proposal({ title: 'Mentorship project Title', mentors: [ALICE, 'Mentor Name (@mentor_github, mentor@email.addy)'] })] },
      ]);
      const found = only(check(text), 'template-placeholder');
      assert.equal(found.length, 3);
      const mentorLine = found.find((f) => /mentor placeholder/.test(f.message))!;
      const fixed = applyFirstFix(text, mentorLine);
      assert.ok(!fixed.slice(fixed.indexOf('## Proposed')).includes('mentor_github'));
      assert.ok(fixed.includes(`  - ${ALICE}\n- Upstream Issue`));
    });

    it('removes left-over help text after a real mentor', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: [`${ALICE} - please use the same email address as you use on the LFX Mentorship Platform at https://mentorship.lfx.linuxfoundation.org`, BOB] })] }]);
      const [f] = only(check(text), 'template-placeholder');
      assert.ok(f);
      assert.ok(applyFirstFix(text, f).includes(`  - ${ALICE}\n  - ${BOB}`));
    });

    it('ignores the template block itself', () => {
      assert.deepEqual(only(check(clean()), 'template-placeholder'), []);
    });
  });

  describe('mentor-format', () => {
    it('rewrites a handle without @, an <address> and a profile link', () => {
      const text = lfxFile([
        {
          project: 'Jaeger',
          proposals: [
            proposal({
              title: 'Adaptive sampling',
              mentors: ['Alice Example (alice-example, <alice@example.org>)', 'Bob Sample [@bob-sample](https://github.com/bob-sample) (bob@example.net)'],
            }),
          ],
        },
      ]);
      const found = only(check(text), 'mentor-format');
      assert.equal(found.length, 2, found.map((f) => f.message).join('\n'));
      const fixed = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
      assert.ok(fixed.includes(`  - ${ALICE}\n  - ${BOB}\n`), fixed);
      assert.deepEqual(only(check(fixed), 'mentor-format'), []);
    });

    it('accepts the canonical form', () => {
      assert.deepEqual(only(check(clean()), 'mentor-format'), []);
    });
  });

  describe('mentor-handle', () => {
    it('reports a handle with an underscore or a double hyphen', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice_example, alice@example.org)', 'Bob Sample (@bob--sample, bob@example.net)'] })] }]);
      const found = only(check(text), 'mentor-handle');
      assert.equal(found.length, 2);
      assert.match(found[0].message, /"@alice_example" is not a valid GitHub handle: it contains "_"/);
      assert.match(found[1].message, /two hyphens in a row/);
    });
    it('accepts single hyphens and digits', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice-2-example, alice@example.org)', BOB] })] }]);
      assert.deepEqual(only(check(text), 'mentor-handle'), []);
    });
  });

  describe('mentor-email', () => {
    it('reports a missing and an invalid address', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: ['Alice Example (@alice-example)', 'Bob Sample (@bob-sample, bob@exa_mple.net)'] })] }]);
      const found = only(check(text), 'mentor-email');
      assert.deepEqual(found.map((f) => f.severity).sort(), ['error', 'warning']);
    });
    it('accepts valid addresses', () => {
      assert.deepEqual(only(check(clean()), 'mentor-email'), []);
    });
  });

  describe('mentor-duplicate', () => {
    it('reports the same handle twice and removes the repeated line', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: [ALICE, BOB, 'Alice Example (@Alice-Example, alice@example.org)'] })] }]);
      const [f] = only(check(text), 'mentor-duplicate');
      assert.equal(f.severity, 'error');
      assert.equal(f.related?.length, 1);
      assert.ok(applyFirstFix(text, f).includes(`  - ${BOB}\n- Upstream Issue`));
    });
    it('accepts distinct mentors', () => {
      assert.deepEqual(only(check(clean()), 'mentor-duplicate'), []);
    });
  });

  describe('mentor-count', () => {
    it('reports more than 4 mentors as an error and 1 mentor as information (LFX)', () => {
      const five = ['Dan Fictional (@dan-fictional, dan@example.org)', 'Eve Madeup (@eve-madeup, eve@example.org)', ALICE, BOB, CAROL];
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: five }), proposal({ title: 'Storage backends', mentors: [ALICE] })] }]);
      const found = only(check(text), 'mentor-count');
      assert.deepEqual(found.map((f) => f.severity), ['error', 'information']);
      assert.match(found[0].message, /lists 5 mentors; at most 4/);
    });
    it('requires 2 mentors and a primary for GSoC', () => {
      const text = `${GSOC_TEMPLATE}\n#### Jaeger\n\n##### Adaptive sampling\n\n- Description: Build it.\n- Expected Outcome: Done.\n- Recommended Skills: Go\n- Expected project size: medium (~175 h)\n- Mentor(s):\n  - ${ALICE}\n- Upstream Issue: https://github.com/example-org/example/issues/9\n\n##### Storage backends\n\n- Description: Build it.\n- Expected Outcome: Done.\n- Recommended Skills: Go\n- Expected project size: large (~350 h)\n- Mentor(s):\n  - ${ALICE} - primary\n  - ${BOB}\n- Upstream Issue: https://github.com/example-org/example/issues/10\n`;
      const found = only(check(text, { path: GSOC_PATH }), 'mentor-count');
      assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, /requires at least 2/);
    });
  });

  describe('mentor-email-consistency', () => {
    it('reports a handle with another address in another file of the term', () => {
      const other = lfxFile([{ project: 'Envoy', proposals: [proposal({ title: 'Rate limits', mentors: ['Alice Example (@alice-example, alice@work.example)', BOB] })] }]);
      const found = only(check(clean(), { others: { '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md': other } }), 'mentor-email-consistency');
      assert.equal(found.length, 2);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].related![0].uri, /README\.md$/);
    });
    it('is quiet when the addresses agree', () => {
      const other = lfxFile([{ project: 'Envoy', proposals: [proposal({ title: 'Rate limits' })] }]);
      assert.deepEqual(only(check(clean(), { others: { '/ws/programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md': other } }), 'mentor-email-consistency'), []);
    });
  });

  describe('upstream-issue', () => {
    it('reports TBD as an error and a repository or search link as not an issue', () => {
      const text = lfxFile([
        {
          project: 'Jaeger',
          proposals: [
            proposal({ title: 'Adaptive sampling', upstream: 'TBD' }),
            proposal({ title: 'Storage backends', upstream: 'https://github.com/example-org/example' }),
            proposal({ title: 'Query UI', upstream: 'https://github.com/example-org/example/issues?q=label%3Amentorship' }),
          ],
        },
      ]);
      const found = only(check(text), 'upstream-issue');
      assert.deepEqual(found.map((f) => f.severity), ['error', 'warning', 'warning']);
      assert.match(found[1].message, /repository link/);
      assert.match(found[2].message, /search or issue list/);
    });
    it('notes several URLs and accepts one issue', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: 'https://github.com/example-org/example/issues/1, https://github.com/example-org/example/issues/2' })] }]);
      assert.equal(only(check(text), 'upstream-issue')[0]?.severity, 'information');
      assert.deepEqual(only(check(clean()), 'upstream-issue'), []);
    });
  });

  describe('duplicate-upstream', () => {
    it('reports two proposals on the same issue after normalisation', () => {
      const text = lfxFile([
        {
          project: 'Jaeger',
          proposals: [
            proposal({ title: 'Adaptive sampling', upstream: 'https://github.com/example-org/example/issues/42' }),
            proposal({ title: 'Storage backends', upstream: 'https://www.github.com/Example-Org/example/issues/42/#issuecomment-1' }),
          ],
        },
      ]);
      const [f] = only(check(text), 'duplicate-upstream');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /also backs "Adaptive sampling"/);
      assert.equal(f.related?.length, 1);
    });
    it('accepts distinct issues', () => {
      assert.deepEqual(only(check(clean()), 'duplicate-upstream'), []);
    });
  });

  describe('quota', () => {
    const five = () => lfxFile([{ project: 'Jaeger', proposals: ['A', 'B', 'C', 'D', 'E'].map((t) => proposal({ title: `Idea ${t}` })) }]);
    it('reports a fifth proposal for a project', () => {
      const [f] = only(check(five()), 'quota');
      assert.match(f.message, /Jaeger has 5 proposals this term; the quota is 4/);
      assert.equal(f.related?.length, 1);
    });
    it('follows quotas.yml overrides', () => {
      const quotas = Quotas.fromYaml('default_per_project_per_term: 4\noverrides:\n  jaegertracing: 6\n').value;
      assert.deepEqual(only(check(five(), { quotas }), 'quota'), []);
    });
  });

  describe('heading-level', () => {
    it('reports a proposal at the project level and fixes the level', () => {
      const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }), proposal({ title: 'Storage backends' }), proposal({ title: 'Query UI', level: 5 })] }]);
      const [f] = only(check(text), 'heading-level');
      assert.match(f.message, /"Query UI" is at level 5/);
      assert.ok(applyFirstFix(text, f).includes('\n#### Query UI\n'));
    });
    it('accepts the template levels', () => {
      assert.deepEqual(only(check(clean()), 'heading-level'), []);
    });
  });

  describe('duplicate-project, duplicate-title, duplicate-field', () => {
    it('reports a project in two sections and a repeated title', () => {
      const text = lfxFile([
        { project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' })] },
        { project: 'Envoy', proposals: [proposal({ title: 'Adaptive Sampling' })] },
        { project: 'jaeger', proposals: [proposal({ title: 'Storage backends' })] },
      ]);
      const findings = check(text);
      assert.equal(only(findings, 'duplicate-project').length, 1);
      assert.equal(only(findings, 'duplicate-title').length, 1);
    });
    it('reports a field given twice but not Mentor(s) with Co-Mentor', () => {
      const twice = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling' }).replace('- Recommended Skills: Go, Kubernetes', '- Recommended Skills: Go\n- Recommended Skills: Rust')] }]);
      assert.equal(only(check(twice), 'duplicate-field').length, 1);
      const co = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', mentors: [ALICE] }).replace('- Upstream Issue', `- Co-Mentor:\n  - ${BOB}\n- Upstream Issue`)] }]);
      assert.deepEqual(only(check(co), 'duplicate-field'), []);
      assert.deepEqual(only(check(clean()), 'duplicate-project'), []);
    });
  });

  describe('unknown-project', () => {
    it('offers the closest project names for a typo', () => {
      const text = lfxFile([{ project: 'Jaegr', proposals: [proposal({ title: 'Adaptive sampling' })] }]);
      const [f] = only(check(text), 'unknown-project');
      assert.equal(f.severity, 'warning');
      assert.equal(f.fixes?.[0].title, 'Rename to "Jaeger"');
      assert.ok(applyFirstFix(text, f).includes('\n### Jaeger\n'));
    });
    it('accepts known names, acronyms and qualified headings', () => {
      const text = lfxFile([
        { project: 'OPA', proposals: [proposal({ title: 'Policy tests' })] },
        { project: 'Kubernetes SIG Docs', proposals: [proposal({ title: 'Docs site' })] },
      ]);
      assert.deepEqual(only(check(text), 'unknown-project'), []);
    });
  });

  describe('toc', () => {
    const withToc = (toc: string) =>
      LFX_TEMPLATE.replace('## Proposed Project ideas', `## Table of Contents\n\n${toc}\n\n## Proposed Project ideas`) +
      `\n### Jaeger\n\n${proposal({ title: 'Adaptive sampling' })}\n${proposal({ title: 'Storage: v2 & more' })}\n### Envoy\n\n${proposal({ title: 'Rate limits' })}`;
    it('reports a broken anchor and a missing entry, and regenerates the list in place', () => {
      const text = withToc('- [Jaeger](#jaeger)\n  - [Adaptive sampling](#adaptive-sampling)\n  - [Storage: v2 & more](#storage-v2-more)');
      const found = only(check(text), 'toc');
      assert.equal(found.length, 1 + 1, found.map((f) => f.message).join('\n'));
      const fixed = applyFirstFix(text, found[0]);
      assert.ok(
        fixed.includes('## Table of Contents\n\n- [Jaeger](#jaeger)\n  - [Adaptive sampling](#adaptive-sampling)\n  - [Storage: v2 & more](#storage-v2--more)\n- [Envoy](#envoy)\n  - [Rate limits](#rate-limits)\n\n## Proposed'),
        fixed.slice(0, 2000),
      );
      assert.deepEqual(only(check(fixed), 'toc'), []);
      assert.equal(fixed.replace(/## Table of Contents[\s\S]*?## Proposed/, ''), text.replace(/## Table of Contents[\s\S]*?## Proposed/, ''));
    });
  });

  describe('gsoc-project-size', () => {
    const gsoc = (size: string | null) =>
      `${GSOC_TEMPLATE}\n#### Jaeger\n\n##### Adaptive sampling\n\n- Description: Build it.\n- Expected Outcome: Done.\n- Recommended Skills: Go\n${size === null ? '' : `- Expected project size: ${size}\n`}- Mentor(s):\n  - ${ALICE} - primary\n  - ${BOB}\n- Upstream Issue: https://github.com/example-org/example/issues/9\n`;
    it('reports a missing or invalid size and inserts the label', () => {
      const [missing] = only(check(gsoc(null), { path: GSOC_PATH }), 'gsoc-project-size');
      assert.match(missing.message, /has no "Expected project size"/);
      assert.ok(applyFirstFix(gsoc(null), missing).includes('- Recommended Skills: Go\n- Expected project size:\n- Mentor(s):'));
      assert.equal(only(check(gsoc('huge'), { path: GSOC_PATH }), 'gsoc-project-size').length, 1);
    });
    it('accepts small, medium and large', () => {
      for (const size of ['small (~90 hours)', 'Medium', '350 h']) assert.deepEqual(only(check(gsoc(size), { path: GSOC_PATH }), 'gsoc-project-size'), [], size);
      assert.deepEqual(only(check(clean()), 'gsoc-project-size'), [], 'not asked of LFX files');
    });
  });

  describe('settings and disable comments', () => {
    const bad = () => lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream: 'TBD' })] }]);
    it('applies severities from settings, off included', () => {
      assert.equal(only(check(bad(), { severities: { 'upstream-issue': 'hint' } }), 'upstream-issue')[0].severity, 'hint');
      assert.deepEqual(only(check(bad(), { severities: { 'upstream-issue': 'off' } }), 'upstream-issue'), []);
    });
    it('silences a rule with a comment, and the fix adds the comment', () => {
      const text = bad();
      const fix = disableFix(text.split('\n'), 'upstream-issue');
      const disabled = applyEdits(text, fix.edits);
      assert.ok(disabled.startsWith('<!-- project-ideas-disable upstream-issue -->\n'));
      assert.deepEqual(only(check(disabled), 'upstream-issue'), []);
      const both = applyEdits(disabled, disableFix(disabled.split('\n'), 'mentor-count').edits);
      assert.ok(both.startsWith('<!-- project-ideas-disable upstream-issue mentor-count -->\n'), both.slice(0, 80));
      assert.deepEqual([...disabledRules(both.split('\n')).ids], ['upstream-issue', 'mentor-count']);
      assert.deepEqual(check(`<!-- project-ideas-disable -->\n${text}`), []);
    });
  });
});
