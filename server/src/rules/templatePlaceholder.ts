// Template placeholders and help text left in real entries.
import type { Mentor } from '../core/model';
import type { Finding, Rule, RuleContext } from './types';
import { wholeLines } from './util';
import { allProjectsDeep, proposalsOf } from '../core/walk';
import { contains, span } from '../core/span';

const PROJECT_PLACEHOLDER = /^\s*CNCF Project Name\s*$/i;
const TITLE_PLACEHOLDER = /^\s*Mentorship project Title\s*$/i;
/** A mentor placeholder from the template (all variants seen upstream). */
/** A mentor placeholder from the template (all variants seen upstream), `TODO (@todo, todo@mail)`, and
 *  the extension's own (snippets, Insert Proposal: `Name (@github-handle, email)`). */
const MENTOR_PLACEHOLDER = /(?:\[Second Mentor's Name\]|@mentor_github|mentor@email\.addy|second-mentor-github|second-mentor-email|@github-handle(?![\w-])|\(@todo(?![\w-])|\btodo@mail(?![\w.-]))/i;
const MENTOR_PLACEHOLDER_ONLY =
  /^\s*(?:[-*+]\s+)?(?:(?:\[Second Mentor's Name\]|(?:2nd |Second )?Mentor Name)\s*\((?:@mentor_github|@second-mentor-github),\s*(?:mentor@email\.addy|second-mentor-email)\)|Name \(@github-handle, email\)|TODO \(@todo, todo@mail\))(?:\s*-?\s*primary)?(?:\s*-?\s*please use the same email address[^\n]{0,200})?\s*$/i;
/** The extension's placeholder upstream link (Insert Proposal, snippets). */
const UPSTREAM_PLACEHOLDER = /^(?:https?:\/\/)?(?:www\.)?github\.com\/owner\/repo(?:[/?#]|$)/i;
const HELP_TEXTS: RegExp[] = [
  /\s*-?\s*please use the same email address as you use on the LFX Mentorship Platform(?: at \S{1,200})?/i,
  /\s*#\s*For GSoC, it is \*\*required\*\*[^\n]{0,300}/i,
];

/** Every HELP_TEXTS match contains one of these (checked first, per line). */
const HELP_HINT = /please use the same email address|For GSoC, it is \*\*required\*\*/i;

/** A mentor entry that is a placeholder (reported here, not as a mentor's format or address). */
export function isPlaceholderMentor(mentor: Mentor): boolean {
  return mentor.raw.length < 300 && MENTOR_PLACEHOLDER.test(mentor.raw);
}

export const templatePlaceholder: Rule = {
  id: 'template-placeholder',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'Placeholders (`CNCF Project Name`, `Mentorship project Title`, `Mentor Name (@mentor_github, mentor@email.addy)`, `TODO (@todo, todo@mail)`, `https://github.com/owner/repo/issues/1`, help text) left in a real entry.',
  check(ctx: RuleContext) {
    const findings: Finding[] = [];
    const template = ctx.model.template.range;
    for (const { project } of allProjectsDeep(ctx.model)) {
      if (PROJECT_PLACEHOLDER.test(project.name)) {
        findings.push({
          ruleId: 'template-placeholder',
          message: 'The project heading is still the template\'s "CNCF Project Name"; write the CNCF project\'s name.',
          range: project.titleRange,
        });
      }
    }
    const seen = new Set<number>();
    for (const { proposal } of proposalsOf(ctx.model)) {
      if (TITLE_PLACEHOLDER.test(proposal.title)) {
        findings.push({
          ruleId: 'template-placeholder',
          message: 'The proposal title is still the template\'s "Mentorship project Title"; write the project\'s title.',
          range: proposal.titleRange,
        });
      }
      for (const ref of proposal.upstream) {
        if (!UPSTREAM_PLACEHOLDER.test(ref.url)) continue;
        findings.push({
          ruleId: 'template-placeholder',
          message: `The Upstream Issue is still the placeholder ${JSON.stringify(ref.raw)}; link the issue that tracks this project.`,
          range: ref.range,
        });
      }
      const from = proposal.headingRange.end.line + 1;
      const to = Math.min(proposal.range.end.line, ctx.lines.length - 1);
      for (let line = from; line <= to; line++) {
        if (seen.has(line)) continue;
        if (template && contains(template, span(line, 0, line, 0))) continue;
        seen.add(line);
        const text = ctx.lines[line] ?? '';
        if (text.length > 2000) continue;
        if (MENTOR_PLACEHOLDER.test(text)) {
          const whole = MENTOR_PLACEHOLDER_ONLY.test(text);
          const m = MENTOR_PLACEHOLDER.exec(text)!;
          findings.push({
            ruleId: 'template-placeholder',
            message: `The mentor placeholder ${JSON.stringify(whole ? text.trim().replace(/^[-*+]\s+/, '') : m[0])} is still here; write each mentor as \`Name (@handle, email)\` or remove the line.`,
            range: whole ? span(line, text.length - text.trimStart().length, line, text.trimEnd().length) : span(line, m.index, line, m.index + m[0].length),
            fixes: whole ? [{ title: 'Remove the placeholder mentor line', edits: [{ range: wholeLines(ctx, line, line), newText: '' }], safeForFixAll: true }] : undefined,
          });
          if (whole) continue;
        }
        // Cheap literal pre-check: the help-text patterns start with `\s*`, costly to try at every offset.
        if (!HELP_HINT.test(text)) continue;
        for (const help of HELP_TEXTS) {
          const m = help.exec(text);
          if (!m) continue;
          const start = m.index;
          const end = m.index + m[0].length;
          const rest = text.slice(0, start).trim();
          findings.push({
            ruleId: 'template-placeholder',
            message: 'Template help text is left in the entry; remove it.',
            range: span(line, start + (m[0].length - m[0].trimStart().length), line, end),
            fixes: [
              rest === '' || /^[-*+]$/.test(rest)
                ? { title: 'Remove the template help line', edits: [{ range: wholeLines(ctx, line, line), newText: '' }], safeForFixAll: true }
                : { title: 'Remove the template help text', edits: [{ range: span(line, start, line, end), newText: '' }], safeForFixAll: true },
            ],
          });
        }
      }
    }
    return findings;
  },
};
