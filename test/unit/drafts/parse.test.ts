// The draft parser: sections as the bot splits them, values, checkboxes, mentor lines with exact ranges.
import { strict as assert } from 'node:assert';
import { checkDraft, isDraftText, loadForm, parseDraft, sectionAt, sectionOf, shippedForm, tickedOptions, valueOf } from '../../../server/src/drafts';
import { unwrapEmail } from '../../../server/src/drafts/mentorChecks';
import { CLEAN, edit, textAt } from './helpers';

const form = shippedForm();

describe('draft parser', () => {
  it('reads the form shipped with the extension: ids, labels, types, options, required flags', () => {
    const ids = form.fields.map((f) => f.id);
    assert.deepEqual(ids, [
      'cncf_project', 'term', 'program_name', 'program_description', 'technologies', 'skills_same', 'skills', 'mentors',
      'upstream_issue_url', 'application_prerequisites', 'coding_challenge_url', 'custom_prerequisites',
      'custom_prerequisite_name', 'custom_prerequisite_description', 'custom_prerequisite_file_upload',
    ]);
    const project = form.fields[0];
    assert.equal(project.type, 'dropdown');
    assert.ok(project.options.includes('Jaeger') && project.options.length > 100);
    assert.equal(project.required, true);
    assert.equal(form.fields[14].label, 'Custom Prerequisite — File Upload');
    assert.deepEqual(form.fields[9].options, ['Resume', 'Cover Letter', 'School Enrollment Verification', 'Participation Permission from school or employer', 'Coding Challenge']);
    assert.equal(form.fields[6].required, false);
  });

  it('a workspace form is used when readable; bad YAML gives a clear problem and the shipped copy', () => {
    const workspace = loadForm('body:\n  - type: input\n    id: program_name\n    attributes:\n      label: Name of the program\n');
    assert.equal(workspace.origin, 'workspace');
    assert.deepEqual(workspace.form.fields.map((f) => f.label), ['Name of the program']);
    for (const bad of ['body: [', 'just text', 'body:\n  - type: markdown\n    attributes:\n      value: hi\n', '']) {
      const loaded = loadForm(bad);
      assert.equal(loaded.origin, 'shipped');
      assert.match(loaded.problem ?? '', /lfx-program-proposal\.yml could not be read \(.+\); using the form shipped with the extension\./);
      assert.equal(loaded.form, shippedForm());
    }
    assert.equal(loadForm().origin, 'shipped');
    assert.equal(loadForm().problem, undefined);
  });

  it('sections, values (trimmed, _No response_ empty), text before the first section ignored', () => {
    const draft = parseDraft(CLEAN, form);
    assert.equal(draft.isDraft, true);
    assert.equal(draft.sections.length, 15);
    assert.equal(draft.bodyStart.line, 2);
    assert.equal(valueOf(draft, 'cncf_project'), 'Jaeger');
    assert.equal(valueOf(draft, 'skills'), '');
    assert.equal(sectionOf(draft, 'skills')!.noResponse, true);
    const name = sectionOf(draft, 'program_name')!;
    assert.equal(textAt(CLEAN, name.labelRange), 'Program Name');
    assert.equal(textAt(CLEAN, name.valueRange!), 'Trace dashboards for everyone');
    assert.deepEqual(name.headingRange, { start: { line: 10, character: 0 }, end: { line: 10, character: 16 } });
    const description = sectionOf(draft, 'program_description')!;
    assert.ok(description.value.startsWith('## Description\n') && description.value.endsWith('- Documentation for operators'));
    assert.equal(textAt(CLEAN, description.valueRange!), description.value);
  });

  it('checkboxes and mentor lines with their parts', () => {
    const draft = parseDraft(CLEAN, form);
    const prerequisites = sectionOf(draft, 'application_prerequisites')!;
    assert.deepEqual(prerequisites.checkboxes.map((c) => [c.checked, c.label]), [
      [true, 'Resume'], [false, 'Cover Letter'], [false, 'School Enrollment Verification'], [false, 'Participation Permission from school or employer'], [true, 'Coding Challenge'],
    ]);
    assert.equal(textAt(CLEAN, prerequisites.checkboxes[0].boxRange), '[X]');
    assert.equal(textAt(CLEAN, prerequisites.checkboxes[4].labelRange), 'Coding Challenge');
    assert.equal(draft.mentors.length, 2);
    const [first] = draft.mentors;
    assert.equal(textAt(CLEAN, first.range), 'Mira Quell | @mquell | mira@example.org | mquell');
    assert.deepEqual(first.parts.map((p) => textAt(CLEAN, p.range)), ['Mira Quell', '@mquell', 'mira@example.org', 'mquell']);
  });

  it('an empty last part is an empty range where it would be', () => {
    const text = edit(CLEAN, 'tobias@example.net | tvenn', 'tobias@example.net | ');
    const draft = parseDraft(text, form);
    const lfid = draft.mentors[1].parts[3];
    assert.equal(lfid.value, '');
    assert.equal(lfid.range.start.character, lfid.range.end.character);
    assert.equal(draft.mentors[1].text, 'Tobias Venn | @tvenn | tobias@example.net |');
  });

  it('CRLF line endings give the same values and line numbers', () => {
    const crlf = CLEAN.replace(/\n/g, '\r\n');
    const a = parseDraft(CLEAN, form);
    const b = parseDraft(crlf, form);
    assert.deepEqual(b.sections.map((s) => [s.label, s.value.replace(/\r\n/g, '\n'), s.labelRange]), a.sections.map((s) => [s.label, s.value, s.labelRange]));
    assert.deepEqual(b.mentors.map((m) => m.range), a.mentors.map((m) => m.range));
  });

  it('a ### line inside a field starts a section (the bot cuts the field there); the later of two labels wins', () => {
    const cut = parseDraft(edit(CLEAN, '## Expected outcomes', '### Expected outcomes'), form);
    assert.equal(valueOf(cut, 'program_description').includes('Documentation'), false);
    assert.ok(cut.sections.some((s) => s.label === 'Expected outcomes' && !s.field));
    const twice = parseDraft(`${CLEAN}\n### Term\n\n2027 Term 1 (Mar-May)\n`, form);
    assert.equal(valueOf(twice, 'term'), '2027 Term 1 (Mar-May)');
  });

  it('a heading with no line break after it is not read by the bot', () => {
    const draft = parseDraft(`${CLEAN.trimEnd()}\n### Extra`, form);
    const last = draft.sections[draft.sections.length - 1];
    assert.equal(last.label, 'Extra');
    assert.equal(last.read, false);
    assert.equal(draft.byLabel.has('Extra'), false);
  });

  it('recognised by content: the four sections the bot tests', () => {
    assert.equal(isDraftText(CLEAN), true);
    assert.equal(isDraftText(CLEAN.replace('### Mentors\n', '### Mentor(s)\n')), false);
    assert.equal(isDraftText('# project_ideas\n\n### Jaeger\n\n#### Something\n'), false);
    assert.equal(parseDraft('### CNCF Project\n\nX\n', form).isDraft, false);
  });

  it('UTF-16 ranges: characters outside the BMP count twice', () => {
    const text = edit(CLEAN, 'Trace dashboards for everyone', '🚀 Trace dashboards');
    const name = sectionOf(parseDraft(text, form), 'program_name')!;
    assert.equal(name.valueRange!.end.character, '🚀 Trace dashboards'.length);
    assert.equal('🚀 Trace dashboards'.length, 19);
  });
});

describe('draft parser: as upstream reads boxes', () => {
  it('a box counts when its line holds `- [x]` and starts with it; sectionAt finds the section of a line', () => {
    const draft = parseDraft(CLEAN.replace('- [X] Coding Challenge', '  - [x] Coding Challenge'), form);
    assert.deepEqual(tickedOptions(draft, 'application_prerequisites'), ['Resume', '- [x] Coding Challenge']);
    assert.deepEqual(tickedOptions(parseDraft(CLEAN, form), 'application_prerequisites'), ['Resume', 'Coding Challenge']);
    const clean = parseDraft(CLEAN, form);
    assert.equal(sectionAt(clean, 0), undefined);
    assert.equal(sectionAt(clean, 10)?.label, 'Program Name');
    assert.equal(sectionAt(clean, 13)?.label, 'Program Name');
    assert.equal(sectionAt(clean, 14)?.label, 'Program Description');
  });
});

describe('draft parser: the upstream parser\'s documented behaviour', () => {
  it('a lone heading without a line break is skipped; values trimmed; _No response_ empty', () => {
    assert.equal(parseDraft('### Solo', form).byLabel.size, 0);
    assert.equal(parseDraft('### A\n\n   spaced   ', form).byLabel.get('A')?.value, 'spaced');
    assert.equal(parseDraft('### B\n\n_No response_', form).byLabel.get('B')?.value, '');
  });

  it('e-mail addresses are unwrapped from mailto links, angle brackets and a mailto: prefix before the test', () => {
    for (const written of ['[a@x.com](mailto:a@x.com)', '<a@x.com>', 'mailto:a@x.com', 'a@x.com', '  a@x.com  ']) assert.equal(unwrapEmail(written), 'a@x.com', written);
    const text = CLEAN.replace('tobias@example.net | tvenn', '[tobias@example.net](mailto:tobias@example.net) | tvenn');
    assert.deepEqual(checkDraft(text).findings, []);
  });
});

describe('draft parser: a body copied from an accepted issue', () => {
  it('the LFX program block the /lfx-url command appends is not part of the last field', () => {
    const block = '\n\n<!-- lfx-url:start -->\n\n---\n**LFX program:** [CNCF - Jaeger: Trace dashboards (2026 Term 3)](https://mentorship.lfx.linuxfoundation.org/project/00000000-0000-0000-0000-000000000000)\n<!-- lfx-url:end -->\n';
    const text = `${CLEAN.trimEnd()}${block}`;
    const draft = parseDraft(text, form);
    assert.equal(valueOf(draft, 'custom_prerequisite_file_upload'), '- [ ] Yes — completion of this task requires the mentee to submit a file.');
    assert.equal(draft.lineCount, text.split('\n').length);
    assert.deepEqual(checkDraft(text).findings, []);
  });
});
