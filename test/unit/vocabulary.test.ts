// The format's words said once (core/vocabulary.ts): the parser's default template, the fields each
// kind and era expects, the shipped snippets and handle validity all agree with it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIdeas } from '../../server/src/core/parse';
import { readLabel } from '../../server/src/core/parse/labels';
import { defaultTemplateFields, expectedFields, FIELD_LABELS, isValidHandle, PROGRAM_FIELDS } from '../../server/src/core/vocabulary';

const SNIPPETS = path.resolve(__dirname, '../../snippets');
const keys = (fields: readonly { key: string }[]) => fields.map((f) => f.key);

describe('vocabulary', () => {
  it('is what the parser reads a file without a Template block with', () => {
    const model = parseIdeas('### Acorn Mesh\n\n#### Idea\n\n- Description: x\n');
    assert.equal(model.template.fromFile, false);
    assert.deepEqual(model.template.fields, defaultTemplateFields());
    for (const f of model.template.fields) assert.equal(readLabel(`- ${f.label}:`)?.key, f.key, f.label);
  });

  it('expects the fields of the file\'s own template, else those of its kind and era', () => {
    const own = parseIdeas('## Template\n\n```\n### P\n\n#### T\n\n- Description:\n- Mentors:\n- Notes:\n```\n', { path: '/ws/project_ideas.md' });
    assert.deepEqual(expectedFields(own, { year: 2020 }), [
      { key: 'description', label: 'Description' },
      { key: 'mentors', label: 'Mentors' },
    ]);
    const lfx = parseIdeas('', { path: '/ws/project_ideas.md' });
    assert.deepEqual(keys(expectedFields(lfx, { year: 2022 })), ['description', 'skills', 'mentors', 'upstream']);
    assert.deepEqual(keys(expectedFields(lfx, { year: 2023 })), ['description', 'outcome', 'skills', 'mentors', 'upstream']);
    assert.deepEqual(keys(expectedFields(lfx)), ['description', 'outcome', 'skills', 'mentors', 'upstream']);
    const gsoc = { ...lfx, kind: 'gsoc' as const };
    assert.deepEqual(keys(expectedFields(gsoc, { year: 2019 })), ['description', 'outcome', 'skills', 'mentors', 'upstream', 'size']);
    assert.equal(expectedFields(gsoc).at(-1)?.label, FIELD_LABELS.size);
  });

  for (const [program, file] of [['lfx', 'lfx.code-snippets'], ['gsoc', 'gsoc.code-snippets']] as const) {
    it(`is what the shipped ${program} snippets write`, () => {
      const snippets = JSON.parse(fs.readFileSync(path.join(SNIPPETS, file), 'utf8')) as Record<string, { body: string[] }>;
      let checked = 0;
      for (const [name, { body }] of Object.entries(snippets)) {
        const fields = body.flatMap((line) => {
          const m = readLabel(line);
          return m && m.colon ? [{ key: m.key, label: m.label }] : [];
        });
        if (!fields.length) continue;
        assert.deepEqual(fields, PROGRAM_FIELDS[program], name);
        checked++;
      }
      assert.equal(checked, 2, 'the project section and the proposal');
    });
  }

  it('knows a GitHub handle', () => {
    for (const ok of ['mquell', 'a', 'mira-quell', 'M1ra', 'a'.repeat(39)]) assert.ok(isValidHandle(ok), ok);
    for (const bad of ['', '-mira', 'mira-', 'mi--ra', 'mira_quell', 'a'.repeat(40), '@mira']) assert.ok(!isValidHandle(bad), bad);
  });
});
