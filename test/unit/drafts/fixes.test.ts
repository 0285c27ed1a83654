// Quick fixes of the draft rules: applying a fix leaves a draft the rules accept.
import { strict as assert } from 'node:assert';
import { shippedForm } from '../../../server/src/drafts';
import type { ResolvedFinding } from '../../../server/src/rules/types';
import { applyEdits, CLEAN, edit, ids, run, setField } from './helpers';

function fixOf(text: string, ruleId: string, index = 0): ResolvedFinding['fixes'] & object {
  const finding = run(text).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding`);
  assert.ok(finding.fixes && finding.fixes.length > index, `no fix for ${ruleId}`);
  return finding.fixes;
}

function applyFix(text: string, ruleId: string, index = 0): string {
  return applyEdits(text, fixOf(text, ruleId, index)[index].edits);
}

/** Applies the first fix of every finding of a rule at once ("fix all"). */
function applyAll(text: string, ruleId: string): string {
  const edits = run(text)
    .filter((f) => f.ruleId === ruleId)
    .flatMap((f) => {
      assert.ok(f.fixes?.[0]?.safeForFixAll, `${ruleId}: fix not safe for fix-all`);
      return f.fixes[0].edits;
    });
  return applyEdits(text, edits);
}

describe('draft quick fixes', () => {
  it('a `Name (@handle, email)` mentor line becomes the pipe form (the LFID left for the mentor)', () => {
    const text = setField(CLEAN, 'Mentors', 'Mira Quell | @mquell | mira@example.org | mquell\nTobias Venn (@tvenn, tobias@example.net)');
    const fixed = applyFix(text, 'form/mentor-fields');
    assert.ok(fixed.includes('\nTobias Venn | @tvenn | tobias@example.net | \n'));
    assert.deepEqual(ids(fixed), ['form/mentor-lfid-missing']);
  });

  it('a pasted markdown mentor list is converted line by line (fix all)', () => {
    const text = setField(CLEAN, 'Mentors', '- Mira Quell (@mquell, mira@example.org)\n* **Tobias Venn** (@tvenn, <tobias@example.net>)');
    assert.deepEqual(ids(text), ['form/mentor-fields']);
    const fixed = applyAll(text, 'form/mentor-fields');
    assert.ok(fixed.includes('### Mentors\n\nMira Quell | @mquell | mira@example.org | \nTobias Venn | @tvenn | tobias@example.net | \n'), fixed);
    assert.deepEqual(ids(fixed), ['form/mentor-lfid-missing']);
  });

  it('a missing section is added where the form puts it, with _No response_ or its unticked boxes', () => {
    const middle = edit(CLEAN, '### Required/Desirable Skills\n\n_No response_\n\n', '');
    assert.deepEqual(ids(middle), ['form/section-missing']);
    const fixedMiddle = applyFix(middle, 'form/section-missing');
    assert.equal(fixedMiddle, CLEAN);
    const last = edit(CLEAN, '\n### Custom Prerequisite — File Upload\n\n- [ ] Yes — completion of this task requires the mentee to submit a file.\n', '');
    assert.equal(applyFix(last, 'form/section-missing'), CLEAN);
    const noNewline = last.trimEnd();
    assert.equal(applyFix(noNewline, 'form/section-missing'), CLEAN);
  });

  it('tick or untick a box to match the text', () => {
    const cases: [string, string, number][] = [
      [edit(CLEAN, '- [X] Yes, the required', '- [ ] Yes, the required'), 'form/skills-missing', 0],
      [edit(CLEAN, '- [X] Coding Challenge', '- [ ] Coding Challenge'), 'form/challenge-unchecked-with-url', 0],
      [edit(CLEAN, '- [X] Custom Prerequisite', '- [ ] Custom Prerequisite'), 'form/custom-unchecked-with-copy', 0],
      [setField(CLEAN, 'Required/Desirable Skills', 'technical writing'), 'form/skills-both', 0],
      [setField(CLEAN, 'Required/Desirable Skills', 'technical writing'), 'form/skills-both', 1],
      [setField(CLEAN, 'Coding Challenge URL', '_No response_'), 'form/challenge-url-missing', 0],
    ];
    for (const [text, id, index] of cases) assert.deepEqual(ids(applyFix(text, id, index)), [], `${id} fix ${index}`);
  });

  it('a heading inside a field is demoted', () => {
    const text = edit(CLEAN, '## Expected outcomes', '### Expected outcomes');
    const fixed = applyFix(text, 'form/heading-in-field');
    assert.ok(fixed.includes('\n#### Expected outcomes\n'));
    assert.deepEqual(ids(fixed), []);
  });

  it('handle, obfuscated address, LFID URL, bracketed upstream link and misspelt project are written as the bot wants', () => {
    const second = (line: string) => setField(CLEAN, 'Mentors', `Mira Quell | @mquell | mira@example.org | mquell\n${line}`);
    const cases: [string, string][] = [
      [second('Tobias Venn | tvenn | tobias@example.net | tvenn'), 'form/mentor-handle'],
      [second('Tobias Venn | https://github.com/tvenn | tobias@example.net | tvenn'), 'form/mentor-handle'],
      [second('Tobias Venn | @tvenn | tobias [at] example [dot] net | tvenn'), 'form/mentor-email'],
      [second('Tobias Venn | @tvenn | tobias@example.net | https://openprofile.dev/profile/tvenn'), 'form/mentor-lfid-format'],
      [setField(CLEAN, 'Upstream Issue URL', '[tracer#12](https://github.com/example-org/tracer/issues/12)'), 'form/upstream-format'],
      [setField(CLEAN, 'CNCF Project', 'jaegar'), 'form/unknown-project'],
      [setField(CLEAN, 'CNCF Project', 'WasmEdge'), 'form/unknown-project'],
      [setField(CLEAN, 'CNCF Project', 'OPA'), 'form/unknown-project'],
    ];
    for (const [text, id] of cases) assert.deepEqual(ids(applyFix(text, id)), [], id);
  });

  it('findings point at the defect', () => {
    const text = setField(CLEAN, 'Mentors', 'Mira Quell | @mquell | mira@example.org | mquell\nTobias Venn | @tvenn | MIRA@example.org | tvenn');
    const [dup] = run(text);
    assert.equal(dup.ruleId, 'form/mentor-dup-email');
    const line = text.split('\n')[dup.range.start.line];
    assert.equal(line.slice(dup.range.start.character, dup.range.end.character), 'MIRA@example.org');
    assert.equal(dup.related?.[0].range.start.line, dup.range.start.line - 1);
  });
});

describe('draft quick fixes: every missing section at once', () => {
  it('adds every missing section where the form puts it, and the result has them all in order', () => {
    const text = [
      'Notes.', '', '### Program Name', '', 'Trace dashboards for everyone', '', '### Mentors', '', 'Mira Quell | @mquell | mira@example.org | mquell',
    ].join('\n');
    const finding = run(text).find((f) => f.ruleId === 'form/section-missing')!;
    const all = finding.fixes!.find((f) => /missing sections/.test(f.title))!;
    const fixed = applyEdits(text, all.edits);
    const labels = fixed.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
    assert.deepEqual(labels, shippedForm().fields.map((f) => f.label));
    assert.deepEqual(run(fixed).filter((f) => f.ruleId === 'form/section-missing'), []);
    assert.ok(fixed.startsWith('Notes.\n\n### CNCF Project\n\n_No response_\n\n### Term\n\n_No response_\n\n### Program Name\n'));
  });
});

describe('draft quick fixes: line endings', () => {
  it('a section added to a CRLF draft is written with CRLF', () => {
    const crlf = CLEAN.replace('### Required/Desirable Skills\n\n_No response_\n\n', '').replace(/\n/g, '\r\n');
    const finding = run(crlf).find((f) => f.ruleId === 'form/section-missing')!;
    assert.equal(finding.fixes![0].edits[0].newText, '### Required/Desirable Skills\r\n\r\n_No response_\r\n\r\n');
  });

  it('sections appended after the last line of a CRLF draft (inside that line, no final newline), every one at once, keep CRLF', () => {
    const cut = CLEAN.slice(0, CLEAN.indexOf('### Custom Prerequisites')).trimEnd().replace(/\n/g, '\r\n');
    const finding = run(cut).find((f) => f.ruleId === 'form/section-missing')!;
    for (const fix of finding.fixes!) {
      const fixed = applyEdits(cut, fix.edits);
      assert.ok(!/[^\r]\n/.test(fixed), `${fix.title}: a lone LF in ${JSON.stringify(fixed.slice(-200))}`);
    }
    const all = applyEdits(cut, finding.fixes!.find((f) => /missing sections/.test(f.title))!.edits);
    assert.deepEqual(run(all).filter((f) => f.ruleId === 'form/section-missing'), []);
  });
});
