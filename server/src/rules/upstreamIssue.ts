// The upstream issue: an http(s) URL of one issue, not `TBD`, not several, not a repository,
// search, board or milestone link.
import type { UpstreamRef } from '../core/model';
import { normalizeUpstreamUrl } from '../core/upstreamTarget';
import type { Finding, Rule } from './types';
import { isEmptyValue, quote } from './util';
import { proposalsOf } from '../core/walk';

/** Why a GitHub URL is not an issue, or undefined when it is one (or not on GitHub). */
export function notAnIssue(ref: UpstreamRef): string | undefined {
  if (ref.kind === 'issue' || ref.kind === 'pull' || ref.kind === 'discussion') return undefined;
  if (ref.kind === 'search') return 'a search or issue list, not one issue';
  const m = /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/?#\s]+)(?:\/([^/?#\s]+))?(?:\/([^/?#\s]+))?/i.exec(ref.url);
  if (m) {
    if (!m[2]) return 'a GitHub organisation or user page, not an issue';
    if (!m[3]) return 'a repository link, not an issue';
    const section = m[3].toLowerCase();
    if (section === 'projects') return 'a project board, not an issue';
    if (section === 'milestone' || section === 'milestones') return 'a milestone, not an issue';
    if (section === 'blob' || section === 'tree') return 'a link to a file or folder, not an issue';
    if (section === 'issues' || section === 'pulls') return 'an issue list, not one issue';
    if (section === 'wiki') return 'a wiki page, not an issue';
    return undefined;
  }
  if (/^(?:https?:\/\/)?(?:www\.)?github\.com\/orgs\/[^/]+\/projects/i.test(ref.url)) return 'a project board, not an issue';
  if (/mentorship\.lfx\.linuxfoundation\.org/i.test(ref.url)) return 'the LFX project page, not the upstream issue';
  return undefined;
}

/** `…/issues?q=label:…`, `…/issues?labels=…`, `github.com/search?q=repo:…&type=issues`: GitHub
 *  issues filtered by a query or labels. */
export function isFilteredIssueSearch(ref: UpstreamRef): boolean {
  if (ref.kind !== 'search') return false;
  const m = /^(?:https?:\/\/)?(?:www\.)?github\.com\/(?:[^/?#\s]+\/[^/?#\s]+\/)?(issues|pulls|search)\/?\?([^#\s]*)/i.exec(ref.url);
  if (!m || !/(?:^|&)(?:q|labels?)=[^&]/i.test(m[2])) return false;
  return m[1].toLowerCase() !== 'search' || /(?:^|&)type=issues\b|is(?:%3A|:)issue/i.test(m[2]);
}

export const upstreamIssue: Rule = {
  id: 'upstream-issue',
  defaultSeverity: 'warning',
  scope: 'project',
  description: 'The Upstream Issue is not a URL (e.g. `TBD`: error), lists several URLs, or links to something other than an issue (a filtered issue search is accepted: information).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { proposal } of proposalsOf(ctx.model)) {
      const fields = proposal.fields.filter((f) => f.key === 'upstream');
      if (!proposal.upstream.length) {
        const field = fields.find((f) => !isEmptyValue(f.value));
        if (field) {
          findings.push({
            ruleId: 'upstream-issue',
            severity: 'error',
            message: `"${field.label}" of ${quote(proposal.title)} is ${quote(field.value, 40)}, not a URL; link the upstream issue (https://github.com/owner/repo/issues/N).`,
            range: field.valueRange ?? field.labelRange,
          });
        }
        continue;
      }
      const targets = new Map<string, UpstreamRef>();
      for (const ref of proposal.upstream) if (!targets.has(normalizeUpstreamUrl(ref.url))) targets.set(normalizeUpstreamUrl(ref.url), ref);
      if (targets.size > 1) {
        const first = proposal.upstream[0];
        const last = proposal.upstream[proposal.upstream.length - 1];
        findings.push({
          ruleId: 'upstream-issue',
          severity: 'information',
          message: `${quote(proposal.title)} lists ${targets.size} upstream references; the upstream form takes one issue URL per proposal (link an umbrella issue, or move the others to the description).`,
          range: { start: first.range.start, end: last.range.end },
        });
      }
      for (const ref of targets.values()) {
        if (isFilteredIssueSearch(ref)) {
          // The upstream bot accepts any http(s) URL: a filtered search names the work's issues.
          findings.push({
            ruleId: 'upstream-issue',
            severity: 'information',
            message: `${quote(ref.raw, 80)} is a filtered issue search, which is accepted; a single issue describing this project tells applicants more.`,
            range: ref.range,
          });
          continue;
        }
        const why = notAnIssue(ref);
        if (!why) continue;
        findings.push({
          ruleId: 'upstream-issue',
          message: `${quote(ref.raw, 80)} is ${why}; the Upstream Issue should link the issue that tracks this project.`,
          range: ref.range,
        });
      }
    }
    return findings;
  },
};
