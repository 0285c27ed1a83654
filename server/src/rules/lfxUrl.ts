// An accepted term README proposal without its LFX URL, where applicants apply: information, and only
// where LFX URLs are expected (a README generated from the issue forms, or one whose other proposals
// carry theirs). Drafts (project_ideas.md) have none until the admins fill them in.
import type { Project, Proposal } from '../core/model';
import type { Finding, Rule } from './types';
import { fileInputs, isAcceptedReadme, isEmptyValue, isGeneratedReadme, quote } from './util';
import { proposalsOf } from '../core/walk';

function lfxValue(proposal: Proposal): string | undefined {
  const field = proposal.fields.find((f) => f.key === 'lfx');
  return field && !isEmptyValue(field.value) && !/^(?:tbd|tba|n\/?a|-+)$/i.test(field.value.trim()) ? field.value : undefined;
}

/** What the rule reads of a proposal: whether it has fields, an LFX URL, and where its title is. */
function lfxPart(proposal: Proposal): string {
  const field = proposal.fields.find((f) => f.key === 'lfx');
  return `${proposal.fields.length ? 1 : 0}${lfxValue(proposal) ? 1 : 0}${field ? `${field.labelRange.start.line}:${field.labelRange.start.character}-${field.labelRange.end.character}` : ''}@${proposal.titleRange.start.line}:${proposal.titleRange.start.character}-${proposal.titleRange.end.character}`;
}

const signatures = new WeakMap<Project, string>();

export const lfxUrl: Rule = {
  id: 'lfx-url',
  defaultSeverity: 'information',
  scope: 'file',
  description: 'An accepted term README proposal without its LFX URL, where the README\'s other proposals have theirs (or it is generated from the issue forms).',
  inputs: (ctx) => fileInputs(ctx, signatures, lfxPart, [isGeneratedReadme(ctx)]),
  check(ctx) {
    const findings: Finding[] = [];
    if (!isAcceptedReadme(ctx)) return findings;
    const proposals = proposalsOf(ctx.model).filter(({ proposal }) => proposal.fields.length);
    const without = proposals.filter(({ proposal }) => !lfxValue(proposal));
    if (!without.length) return findings;
    // Hand-written READMEs of earlier terms: only where most proposals carry theirs.
    if (!isGeneratedReadme(ctx) && (proposals.length - without.length) * 2 < proposals.length) return findings;
    for (const { proposal } of without) {
      const field = proposal.fields.find((f) => f.key === 'lfx');
      findings.push({
        ruleId: 'lfx-url',
        message: `${quote(proposal.title)} has no LFX URL; the accepted projects of this README link their LFX Mentorship page, where applicants apply.`,
        range: field ? field.labelRange : proposal.titleRange,
      });
    }
    return findings;
  },
};
