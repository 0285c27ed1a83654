// A field bullet without a space (`-Description:`): markdown does not read it as a list item, so the
// rendered file glues the label to the line above. The parser still reads the field (parse/fields.ts
// notes it as `bullet-without-space`); the fix inserts the space.
import type { Finding, Rule } from './types';
import { proposalsOf } from '../core/walk';
import { span } from '../core/span';

export const bulletSpace: Rule = {
  id: 'bullet-space',
  defaultSeverity: 'warning',
  scope: 'project',
  description: 'A field bullet without a space after it (`-Description:`), which markdown does not show as a list item.',
  check(ctx) {
    const findings: Finding[] = [];
    const irregular = ctx.model.irregularities.filter((i) => i.code === 'bullet-without-space');
    if (!irregular.length) return findings;
    // Only this run's proposals' lines (a per-project run sees one project).
    const inProposals = (line: number) => proposalsOf(ctx.model).some(({ proposal }) => proposal.range.start.line <= line && line <= proposal.range.end.line);
    for (const irr of irregular) {
      const line = irr.range.start.line;
      if (!inProposals(line)) continue;
      const text = ctx.lines[line] ?? '';
      const m = /^(\s*)([-*+])(?=\S)/.exec(text);
      if (!m) continue;
      const at = m[1].length + 1;
      findings.push({
        ruleId: 'bullet-space',
        message: `The bullet has no space after it, so markdown does not show "${text.slice(at, Math.min(text.length, at + 40)).replace(/[:：].*$/, '').replace(/\*\*/g, '').trim()}" as a list item; add a space after "${m[2]}".`,
        range: span(line, m[1].length, line, Math.max(m[1].length + 1, irr.range.end.character)),
        fixes: [{ title: `Add a space after "${m[2]}"`, edits: [{ range: span(line, at, line, at), newText: ' ' }], safeForFixAll: true }],
      });
    }
    return findings;
  },
};
