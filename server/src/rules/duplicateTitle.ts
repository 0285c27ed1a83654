// Two proposals with the same title in one file.
import { memoString } from '../core/memo';
import type { Proposal } from '../core/model';
import type { Finding, Rule } from './types';
import { proposalsOf } from '../core/walk';

const titleKey = memoString((title: string): string =>
  title.normalize('NFKC').toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ').replace(/[\s.:!]+$/, '').trim(),
);

export const duplicateTitle: Rule = {
  id: 'duplicate-title',
  defaultSeverity: 'warning',
  scope: 'structure',
  description: 'Two proposals with the same title in one file (they get `-1` anchors and are confused in reviews).',
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Map<string, Proposal>();
    for (const { proposal } of proposalsOf(ctx.model)) {
      const key = titleKey(proposal.title);
      if (!key) continue;
      const first = seen.get(key);
      if (first) {
        findings.push({
          ruleId: 'duplicate-title',
          message: `Another proposal above is also titled "${proposal.title}"; give each proposal its own title (or remove the copy).`,
          range: proposal.titleRange,
          related: [{ uri: ctx.uri, range: first.titleRange, message: 'The other proposal with this title' }],
        });
      } else seen.set(key, proposal);
    }
    return findings;
  },
};
