// The same standard field twice in one proposal: usually a proposal whose heading is missing (its
// fields run on into the previous proposal) or a line pasted twice.
import type { Field } from '../core/model';
import type { Finding, Rule } from './types';
import { quote } from './util';
import { normaliseLabel } from '../core/parse/labels';
import { proposalsOf } from '../core/walk';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  defaultSeverity: 'warning',
  scope: 'project',
  description: 'The same field twice in one proposal (often a missing proposal heading, or a line pasted twice).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { proposal } of proposalsOf(ctx.model)) {
      const seen = new Map<string, Field>();
      for (const field of proposal.fields) {
        if (field.key === 'other') continue;
        const restarts = field.key === 'description';
        // `Mentor(s)` then `Co-Mentor` is one list in two parts, `Issue 1` then `Issue 2` two issues; the same label twice is not.
        const key = restarts ? field.key : `${field.key}:${normaliseLabel(field.label, { digits: true })}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, field);
          continue;
        }
        findings.push({
          ruleId: 'duplicate-field',
          message: restarts
            ? `A second "${field.label}" in ${quote(proposal.title)}: is a proposal heading missing above this line? Each proposal needs its own heading.`
            : `"${field.label}" appears twice in ${quote(proposal.title)}; keep one (merge the two values).`,
          range: field.labelRange,
          related: [{ uri: ctx.uri, range: first.labelRange, message: `First "${first.label}"` }],
        });
      }
    }
    return findings;
  },
};
