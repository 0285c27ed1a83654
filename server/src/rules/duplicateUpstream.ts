// Two proposals of one term backed by the same upstream issue (URLs compared after normalisation).
import type { Project, Proposal, UpstreamRef } from '../core/model';
import { normalizeUpstreamUrl } from '../core/upstreamTarget';
import type { Finding, Rule } from './types';
import { fileInputs, logicalKey, quote } from './util';
import { proposalsOf } from '../core/walk';
import { comparePos, spanKey } from '../core/span';

const COMPARED = new Set(['issue', 'pull', 'discussion']);

/** What the rule reads of a proposal: where it is, its title and its upstream links. */
function upstreamPart(proposal: Proposal): string {
  let out = `${proposal.headingRange.start.line}\t${proposal.title}\n`;
  for (const ref of proposal.upstream) out += `${ref.kind}\t${ref.url}\t${spanKey(ref.range)}\n`;
  return out;
}

const signatures = new WeakMap<Project, string>();

export const duplicateUpstream: Rule = {
  id: 'duplicate-upstream',
  defaultSeverity: 'error',
  scope: 'file',
  description: 'Two proposals of one term link the same upstream issue (after normalising the URLs).',
  inputs: (ctx) => fileInputs(ctx, signatures, upstreamPart),
  check(ctx) {
    const findings: Finding[] = [];
    const first = new Map<string, { proposal: Proposal; ref: UpstreamRef }>();
    const self = logicalKey(ctx.path);
    for (const { proposal } of proposalsOf(ctx.model)) {
      const reported = new Set<string>();
      for (const ref of proposal.upstream) {
        if (!COMPARED.has(ref.kind)) continue;
        const target = normalizeUpstreamUrl(ref.url);
        if (reported.has(target)) continue;
        reported.add(target);
        const earlier = first.get(target);
        if (earlier && earlier.proposal !== proposal) {
          findings.push({
            ruleId: 'duplicate-upstream',
            message: `${quote(ref.url, 80)} also backs ${quote(earlier.proposal.title)} in this file; each proposal needs its own upstream issue.`,
            range: ref.range,
            related: [{ uri: ctx.uri, range: earlier.ref.range, message: `Also the upstream issue of ${quote(earlier.proposal.title)}` }],
          });
          continue;
        }
        if (!earlier) first.set(target, { proposal, ref });
        // Other files of the same term and kind (never other versions of this very file).
        if (!ctx.knowledge || !ctx.term) continue;
        const elsewhere = ctx.knowledge.proposalsForTarget(target).filter((other) => {
          if (other.uri === ctx.uri) return false;
          const info = ctx.knowledge!.fileInfo(other.uri);
          return !!info && info.term?.id === ctx.term!.id && info.kind === ctx.model.kind && logicalKey(info.path) !== self;
        });
        if (elsewhere.length) {
          elsewhere.sort((a, b) => a.uri.localeCompare(b.uri) || comparePos(a.range.start, b.range.start));
          findings.push({
            ruleId: 'duplicate-upstream',
            message: `${quote(ref.url, 80)} also backs ${quote(elsewhere[0].title)} in another file of this term; each proposal needs its own upstream issue.`,
            range: ref.range,
            related: elsewhere.slice(0, 10).map((o) => ({ uri: o.uri, range: o.range, message: `Also the upstream issue of ${quote(o.title)}` })),
          });
        }
      }
    }
    return findings;
  },
};
