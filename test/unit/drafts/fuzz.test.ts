// Random text never makes the draft code throw, and every range it returns lies in the document.
// Small and fast on purpose: heavier runs belong in test/stress/.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkDraft, issueLink, parseDraft, roomHints, shippedForm, type DraftModel } from '../../../server/src/drafts';
import { CLEAN } from './helpers';

const FRAGMENTS = [
  '### CNCF Project\n', '### Term\n', '### Program Description\n', '### Mentors\n', '### Program Name\n', '### ', '###  Custom Prerequisite — File Upload\n',
  '_No response_', '- [X] Coding Challenge\n', '- [ ] ', '- [x]', ' | ', '|', '@', '@mquell', 'mira@example.org', '\n', '\r\n', '\r', '\n\n', '\u2028',
  'Jaeger', '2026 Term 3 (Sep-Nov)', '(', ')', '[a](mailto:b@c.d)', '<x@y.z>', 'https://example.org/i/1', ',', '🚀', '\t', ' ', 'é', '> ', '```\n',
];

const text = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 200 }),
  fc.tuple(fc.nat(CLEAN.length), fc.nat(CLEAN.length), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 })).map(([a, b, parts]) => CLEAN.slice(0, Math.min(a, b)) + parts.join('') + CLEAN.slice(Math.max(a, b))),
);

function inside(lines: string[], p: { line: number; character: number }): boolean {
  return p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
}

function spansOf(draft: DraftModel) {
  const out = [];
  for (const s of draft.sections) {
    out.push(s.headingRange, s.labelRange, s.bodyRange, ...(s.valueRange ? [s.valueRange] : []));
    for (const c of s.checkboxes) out.push(c.range, c.boxRange, c.labelRange);
  }
  for (const m of draft.mentors) out.push(m.range, ...m.parts.map((p) => p.range));
  return out;
}

describe('draft fuzz', function () {
  // A shared machine may be slow: the run is bounded by its count, not by time.
  this.timeout(60_000);

  it('never throws; every range lies in the document', () => {
    fc.assert(
      fc.property(text, (t) => {
        const lines = t.split(/\r\n|\r|\n/);
        const draft = parseDraft(t, shippedForm());
        for (const span of spansOf(draft)) assert.ok(inside(lines, span.start) && inside(lines, span.end), JSON.stringify(span));
        const { findings } = checkDraft(t, { uri: 'file:///fuzz.md' });
        for (const f of findings) {
          assert.ok(inside(lines, f.range.start) && inside(lines, f.range.end));
          for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(inside(lines, e.range.start) && inside(lines, e.range.end), `${f.ruleId} fix`);
        }
        roomHints(draft);
        issueLink(draft, { findings });
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
