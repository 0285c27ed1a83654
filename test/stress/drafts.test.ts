// Drafts under load: a longer random run than the unit fuzz, and large or hostile drafts (many
// sections, thousands of mentor lines, very long lines) that must come back whole, ranges in the text.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkDraft, draftOutline, issueLink, parseDraft, roomHints, shippedForm } from '../../server/src/drafts';
import { CLEAN } from '../unit/drafts/helpers';

const form = shippedForm();

function assertInside(text: string, findings: ReturnType<typeof checkDraft>['findings']): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${f.ruleId} ${JSON.stringify(p)}`);
  }
}

describe('drafts under load', () => {
  it('random edits of the clean draft: never throws, ranges inside', () => {
    const pieces = fc.constantFrom('### ', '\n', '\r\n', ' | ', '- [x] ', '_No response_', '@', '`', '>', '🚀', 'Mentors', 'Term', '\u0000', '\u2028');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(CLEAN.length), fc.nat(20), fc.array(pieces, { maxLength: 8 })), { maxLength: 12 }), (edits) => {
        let text = CLEAN;
        for (const [at, cut, parts] of edits) text = text.slice(0, Math.min(at, text.length)) + parts.join('') + text.slice(Math.min(at + cut, text.length));
        const { draft, findings } = checkDraft(text);
        assertInside(text, findings);
        roomHints(draft);
        draftOutline(draft);
        issueLink(draft, { findings });
      }),
      { numRuns: 3000, seed: 1313 },
    );
  });

  it('large and hostile drafts', () => {
    const mentors = Array.from({ length: 20_000 }, (_, i) => `Person ${i} | @p${i} | p${i}@example.org | p${i}`).join('\n');
    const inputs = [
      CLEAN.replace('Mira Quell | @mquell | mira@example.org | mquell', mentors),
      `${CLEAN}\n${'### Extra\n\ntext\n\n'.repeat(20_000)}`,
      CLEAN.replace('Trace dashboards for everyone', 'x'.repeat(1_000_000)),
      CLEAN.replace('Go, TypeScript, React', `${'|'.repeat(200_000)}`),
      '### '.repeat(200_000),
      `${'### CNCF Project\n'.repeat(50_000)}`,
      `### Mentors\n\n${' | '.repeat(300_000)}`,
      `### Mentors\n\n${'a@'.repeat(300_000)} | @x | ${'[a](mailto:'.repeat(10_000)} | x`,
    ];
    for (const text of inputs) {
      const { draft, findings } = checkDraft(text);
      assertInside(text, findings);
      assert.ok(draft.sections.length >= 0);
      assert.ok(parseDraft(text, form).lineCount >= 1);
    }
    const many = checkDraft(inputs[0]).findings.map((f) => f.ruleId);
    assert.deepEqual([...new Set(many)], ['form/mentors-too-many']);
  });
});
