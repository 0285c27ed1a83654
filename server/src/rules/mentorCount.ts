// Mentor count: more than 4 is an error upstream; GSoC requires 2 with one primary; LFX encourages 2.
import type { Finding, Rule } from './types';
import { hasRepeatedField, isCredibleMentor, isEmptyValue, quote } from './util';
import { proposalsOf } from '../core/walk';

export const mentorCount: Rule = {
  id: 'mentor-count',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'More than 4 mentors; fewer than 2 (GSoC: error, 2 required with one primary; LFX: information, 2 encouraged).',
  check(ctx) {
    const findings: Finding[] = [];
    const gsoc = ctx.model.kind === 'gsoc' || ctx.term?.program === 'gsoc';
    for (const { proposal } of proposalsOf(ctx.model)) {
      const field = proposal.fields.find((f) => f.key === 'mentors');
      // Two Mentor(s) fields: reported by duplicate-field (often a proposal heading is missing).
      if (hasRepeatedField(proposal, 'mentors')) continue;
      const count = proposal.mentors.filter(isCredibleMentor).length;
      if (count === 0) {
        if (field && !isEmptyValue(field.value) && !proposal.mentors.length) {
          findings.push({
            ruleId: 'mentor-count',
            message: `No mentor is recognisable in "${field.label}" of ${quote(proposal.title)}; write one \`Name (@handle, email)\` per mentor.`,
            range: field.valueRange ?? field.labelRange,
          });
        }
        continue; // a missing or empty field is reported by required-field
      }
      const range = field?.labelRange ?? proposal.titleRange;
      if (count > 4) {
        findings.push({
          ruleId: 'mentor-count',
          message: `${quote(proposal.title)} lists ${count} mentors; at most 4 are allowed.`,
          range,
        });
      } else if (count < 2) {
        findings.push({
          ruleId: 'mentor-count',
          severity: gsoc ? 'error' : 'information',
          message: gsoc
            ? `${quote(proposal.title)} lists 1 mentor; Google Summer of Code requires at least 2, one marked primary.`
            : `${quote(proposal.title)} lists 1 mentor; programs are encouraged to have at least 2.`,
          range,
        });
      }
      if (gsoc && count >= 2 && !proposal.mentors.some((m) => m.primary)) {
        findings.push({
          ruleId: 'mentor-count',
          message: `No mentor of ${quote(proposal.title)} is marked primary; Google Summer of Code requires one (e.g. \`Name (@handle, email) - primary\`).`,
          range,
        });
      }
    }
    return findings;
  },
};
