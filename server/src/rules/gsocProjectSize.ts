// A Google Summer of Code proposal without a valid Expected project size (small ~90 h, medium ~175 h, large ~350 h).
import type { Finding, Rule } from './types';
import { insertFieldFix, templateOrder } from './requiredField';
import { isEmptyValue, quote } from './util';
import { proposalsOf } from '../core/walk';

const VALID = /\b(?:small|medium|large)\b|\b(?:90|175|350)\s*(?:h\b|hours?\b|hrs?\b)/i;
const HOURS: Record<string, number> = { small: 90, medium: 175, large: 350 };

/** `small (~350 hour projects)`: one size named, one number of hours given, and they disagree. */
function contradiction(value: string): { size: string; hours: number } | undefined {
  const text = value.slice(0, 500);
  const sizes = new Set([...text.matchAll(/\b(small|medium|large)\b/gi)].map((m) => m[1].toLowerCase()));
  const hours = new Set([...text.matchAll(/\b(\d{2,3})\s*-?\s*(?:h\b|hours?\b|hrs?\b)/gi)].map((m) => Number(m[1])));
  if (sizes.size !== 1 || hours.size !== 1) return undefined;
  const [size] = sizes;
  const [h] = hours;
  return HOURS[size] === h ? undefined : { size, hours: h };
}

export const gsocProjectSize: Rule = {
  id: 'gsoc-project-size',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'A Google Summer of Code proposal without a valid "Expected project size" (small ~90 h, medium ~175 h, large ~350 h), or whose hours contradict its size.',
  check(ctx) {
    const findings: Finding[] = [];
    if (ctx.model.kind !== 'gsoc' && ctx.term?.program !== 'gsoc') return findings;
    const label = templateOrder(ctx).find((f) => f.key === 'size')?.label ?? 'Expected project size';
    for (const { proposal } of proposalsOf(ctx.model)) {
      if (!proposal.fields.length) continue;
      const field = proposal.fields.find((f) => f.key === 'size');
      if (!field) {
        findings.push({
          ruleId: 'gsoc-project-size',
          message: `${quote(proposal.title)} has no "${label}"; Google Summer of Code needs one of small (~90 h), medium (~175 h), large (~350 h).`,
          range: proposal.titleRange,
          fixes: [insertFieldFix(ctx, proposal, 'size', label)],
        });
      } else if (!isEmptyValue(field.value) && contradiction(field.value)) {
        const { size, hours } = contradiction(field.value)!;
        findings.push({
          ruleId: 'gsoc-project-size',
          message: `"${field.label}" says ${size} but ~${hours} hours; small is ~90 h, medium ~175 h, large ~350 h.`,
          range: field.valueRange ?? field.labelRange,
        });
      } else if (isEmptyValue(field.value) || !VALID.test(field.value.slice(0, 500))) {
        findings.push({
          ruleId: 'gsoc-project-size',
          message: `"${field.label}" is ${isEmptyValue(field.value) ? 'empty' : quote(field.value, 40)}; expected small (~90 h), medium (~175 h) or large (~350 h).`,
          range: field.valueRange ?? field.labelRange,
        });
      }
    }
    return findings;
  },
};
