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
});
