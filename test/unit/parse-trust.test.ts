// Reading real-looking files without false alarms (issue 11): blockquoted descriptions, bold
// sub-bullets, prose in mentor lists, labelled contacts, reversed names, primary labels, bracketed
// names and bullets without a space. Invented text only.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mentor, Project, Proposal } from '../../server/src/core/model';
import { parseIdeas } from '../../server/src/core/parse';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { check, only } from './rules/helpers';
import { proposalsUnder } from '../../server/src/core/walk';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'parser', name), 'utf8');

/** The proposals under these top projects (loose ones not included). */
function proposals(ps: readonly Project[]): readonly Proposal[] {
  return ps.flatMap((p) => [...proposalsUnder(p)]);
}

const proposalOf = (body: string[]) => parseIdeas(['### Acme Mesh', '', '#### Trace dashboards', '', '- Description: Render dashboards.', ...body, ''].join('\n')).projects[0].proposals[0];
const mentorsOf = (body: string[]): readonly Mentor[] => proposalOf(['- Mentor(s):', ...body]).mentors;

describe('parse: the generated term README (blockquoted descriptions)', () => {
  const text = fixture('readme-generated.md');
  const model = parseIdeas(text, { path: 'programs/lfx-mentorship/2099/03-Sep-Nov/README.md' });
  const [dashboards, sampling] = proposals(model.projects);

  it('reads the quote below `- Description:` as its value: no label, no second field inside it', () => {
    assert.deepEqual(dashboards.fields.map((f) => f.label), ['Description', 'Recommended Skills', 'Technologies', 'Mentor(s)', 'Upstream Issue', 'LFX URL']);
    const description = dashboards.fields[0];
    assert.match(description.value, /^## Description\nRender dashboards from traces\.\n## Expected outcomes\n- A dashboard renderer/);
    assert.equal(description.range.start.line, 16);
    assert.equal(description.range.end.line, 26);
    assert.ok(!model.irregularities.some((i) => i.code === 'duplicate-field'), 'no "Description repeats" from the quote');
  });

  it('takes no mentor from a `Mentor:` line inside the quote', () => {
    assert.deepEqual(dashboards.mentors.map((m) => m.handle), ['mquell', 'tolsen']);
  });

  it('marks the proposals whose description holds the expected outcomes', () => {
    assert.equal(dashboards.outcomeInDescription, true);
    assert.equal(sampling.outcomeInDescription, true);
    assert.ok(!dashboards.fields.some((f) => f.key === 'outcome'));
  });

  it('lists only the real fields in the outline', () => {
    const [project] = documentSymbols(model);
    const names = project.children!.map((p) => [p.name, p.children!.map((f) => f.name)]);
    assert.deepEqual(names, [
      ['Trace dashboards', ['Description', 'Recommended Skills', 'Technologies', 'Mentor(s)', 'Upstream Issue', 'LFX URL']],
      ['Span sampling', ['Description', 'Recommended Skills', 'Technologies', 'Mentor(s)', 'Upstream Issue', 'LFX URL']],
    ]);
  });

  it('asks for no separate Expected Outcome there (required-field), wherever the file sits', () => {
    for (const path of ['/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md', '/tmp/copy/README.md', '/ws/programs/lfx-mentorship/2099/03-Sep-Nov/README.md']) {
      assert.deepEqual(only(check(text, { path }), 'required-field').map((f) => f.message), [], path);
    }
    const plain = text.replace(/  > ## Expected outcomes\n  > - A sampler\n/, '');
    assert.equal(only(check(plain, { path: '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md' }), 'required-field').length, 1, 'a description without outcomes still needs the field');
  });

  it('still reads a body whose fields are all in a quote as fields', () => {
    const quoted = parseIdeas(['### Acme Mesh', '', '#### Trace dashboards', '', '  > ## Description', '  > Render.', '  >', '  > ## Expected Outcome', '  > A renderer.', ''].join('\n'));
    assert.deepEqual(quoted.projects[0].proposals[0].fields.map((f) => f.key), ['description', 'outcome']);
    assert.equal(quoted.projects[0].proposals[0].outcomeInDescription, undefined);
  });
});

describe('parse: sub-bullets with bold labels', () => {
  it('keeps `  - **Backend:** Rust` and `  - **Languages:** Go` in the value of Recommended Skills', () => {
    const p = proposalOf(['- **Recommended Skills:**', '  - **Backend:** Rust', '  - **Languages:** Go, Python', '  - **Stretch goal:** Wasm', '- Mentor(s): Mira Quell (@mquell, mira@example.org)']);
    assert.deepEqual(p.fields.map((f) => f.label), ['Description', 'Recommended Skills', 'Mentor(s)']);
    assert.equal(p.fields[1].value, '- **Backend:** Rust\n- **Languages:** Go, Python\n- **Stretch goal:** Wasm');
  });

  it('still ends a field at a label bullet at its own indent', () => {
    const p = proposalOf(['- Recommended Skills: Go', '- Languages: Go', '- Mentor(s): Mira Quell (@mquell, mira@example.org)']);
    assert.deepEqual(p.fields.map((f) => f.label), ['Description', 'Recommended Skills', 'Languages', 'Mentor(s)']);
  });

  it('ends a field at a nested bullet naming another standard field', () => {
    const p = proposalOf(['- Recommended Skills: Go', '  - Expected Outcome: a renderer']);
    assert.deepEqual(p.fields.map((f) => f.key), ['description', 'skills', 'outcome']);
  });
});

describe('parse: mentor lists', () => {
  it('reads no mentor from a prose line (no contact, words that are no name)', () => {
    const m = mentorsOf(['  - Mira Quell (@mquell, mira@example.org)', '  - Also on hand: Priya and Tom from the storage team', '  - Nils Brand and Ona Vesk from Acme are around too']);
    assert.deepEqual(m.map((x) => x.handle), ['mquell']);
  });

  it('still reads names without contacts, particles included', () => {
    const m = mentorsOf(['  - Josefa van Dijk, Ravi Tamm']);
    assert.deepEqual(m.map((x) => x.name), ['Josefa van Dijk', 'Ravi Tamm']);
  });

  it('normalises a no-break space after the comma silently', () => {
    const [m] = mentorsOf(['  - Ana Ruiz (@aruiz,\u00a0ana@example.org)']);
    assert.deepEqual([m.name, m.handle, m.email, m.deviations], ['Ana Ruiz', 'aruiz', 'ana@example.org', []]);
  });

  it('names the handle of `(email: x, github: handle)`', () => {
    const [m] = mentorsOf(['  - Bo Lind (email: bo@example.org, github: blind)']);
    assert.deepEqual([m.name, m.handle, m.email], ['Bo Lind', 'blind', 'bo@example.org']);
    assert.equal(m.handleRange!.start.character, 'Bo Lind (email: bo@example.org, github: '.length + 4);
  });

  it('keeps the whole name of `Lastname, Firstname (@handle, …)`', () => {
    const m = mentorsOf(['  - Olsen, Tarja (@tolsen, tarja@example.org)', '  - Mira Quell (@mquell, mira@example.org), Tom Berg (@tberg, tom@example.org)']);
    assert.deepEqual(m.map((x) => [x.name, x.handle]), [['Olsen, Tarja', 'tolsen'], ['Mira Quell', 'mquell'], ['Tom Berg', 'tberg']]);
    assert.equal(m[0].range.start.character, 4);
  });

  it('reads `Primary Mentor: Name (@handle, email)` as the primary mentor, not a role label', () => {
    const [m] = mentorsOf(['  - Primary Mentor: Tom Berg (@tberg, tom@example.org)']);
    assert.equal(m.primary, true);
    assert.equal(m.name, 'Tom Berg');
    assert.ok(!m.deviations.includes('role-label'));
  });

  it('exposes a bracketed name `[Mira Quell] (@mquell, …)`, not a `[name](link)`', () => {
    const [m, n] = mentorsOf(['  - [Mira Quell] (@mquell, mira@example.org)', '  - [Tom Berg](https://github.com/tberg)']);
    assert.equal(m.name, 'Mira Quell');
    assert.ok(m.deviations.includes('bracketed-name'));
    assert.ok(!n.deviations.includes('bracketed-name'));
  });
});

describe('parse: field bullets without a space', () => {
  it('reads `-Description:` as the field and notes the missing space', () => {
    const model = parseIdeas(['### Acme Mesh', '', '#### Trace dashboards', '', '-Description: Render dashboards.', '-Expected Outcome: A renderer.', '- Mentor(s): Mira Quell (@mquell, mira@example.org)', ''].join('\n'));
    const p = model.projects[0].proposals[0];
    assert.deepEqual(p.fields.map((f) => [f.key, f.value]), [['description', 'Render dashboards.'], ['outcome', 'A renderer.'], ['mentors', 'Mira Quell (@mquell, mira@example.org)']]);
    const found = model.irregularities.filter((i) => i.code === 'bullet-without-space');
    assert.deepEqual(found.map((i) => [i.range.start.line, i.range.start.character, i.range.end.character]), [[4, 0, 12], [5, 0, 17]]);
  });

  it('takes no `-word:` prose or unknown label for a field', () => {
    const p = proposalOf(['-note: later', '-Languages: Go']);
    assert.deepEqual(p.fields.map((f) => f.key), ['description']);
  });
});
