// template-placeholder: text left over from the template.
import * as assert from 'node:assert/strict';
import { ALICE, applyFirstFix, BOB, check, cleanFile, lfxFile, only, proposal } from './helpers';

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
    assert.deepEqual(only(check(cleanFile()), 'template-placeholder'), []);
  });

  const withMentors = (mentors: string[], upstream?: string) =>
    lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Trace sampling', mentors, upstream })] }]);

  it('reports a TODO mentor and the extension\'s own inserted placeholders, once each', () => {
    const text = withMentors([ALICE, 'TODO (@todo, todo@mail)', 'Name (@github-handle, email)'], 'https://github.com/owner/repo/issues/1');
    const all = check(text);
    const found = only(all, 'template-placeholder');
    assert.deepEqual(found.map((f) => f.message), [
      'The mentor placeholder "TODO (@todo, todo@mail)" is still here; write each mentor as `Name (@handle, email)` or remove the line.',
      'The mentor placeholder "Name (@github-handle, email)" is still here; write each mentor as `Name (@handle, email)` or remove the line.',
      'The Upstream Issue is still the placeholder "https://github.com/owner/repo/issues/1"; link the issue that tracks this project.',
    ]);
    const lines = text.split('\n');
    assert.equal(lines[found[2].range.start.line].slice(found[2].range.start.character, found[2].range.end.character), 'https://github.com/owner/repo/issues/1');
    // Not reported again as a mentor's address, handle or format.
    assert.deepEqual(all.filter((f) => /^mentor-(?:email|handle|format)$/.test(f.ruleId)).map((f) => f.message), []);
    assert.ok(!applyFirstFix(text, found[0]).includes('TODO'));
  });

  it('leaves real mentors and issues alone', () => {
    assert.deepEqual(only(check(withMentors([ALICE, 'Tod Owner (@todo-owner, tod@example.org)'])), 'template-placeholder'), []);
  });
});
