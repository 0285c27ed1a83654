// Template placeholders and help text left in real entries.
import type { Finding, Rule, RuleContext } from './types';
import { allProjects, allProposals, contains, span, wholeLines } from './util';

const PROJECT_PLACEHOLDER = /^\s*CNCF Project Name\s*$/i;
const TITLE_PLACEHOLDER = /^\s*Mentorship project Title\s*$/i;
/** A mentor placeholder from the template (all variants seen upstream). */
const MENTOR_PLACEHOLDER = /(?:\[Second Mentor's Name\]|@mentor_github|mentor@email\.addy|second-mentor-github|second-mentor-email)/i;
const MENTOR_PLACEHOLDER_ONLY =
  /^\s*(?:[-*+]\s+)?(?:(?:\[Second Mentor's Name\]|(?:2nd |Second )?Mentor Name)\s*\((?:@mentor_github|@second-mentor-github),\s*(?:mentor@email\.addy|second-mentor-email)\))(?:\s*-?\s*please use the same email address[^\n]{0,200})?\s*$/i;
const HELP_TEXTS: RegExp[] = [
  /\s*-?\s*please use the same email address as you use on the LFX Mentorship Platform(?: at \S{1,200})?/i,
  /\s*#\s*For GSoC, it is \*\*required\*\*[^\n]{0,300}/i,
];

/** Every HELP_TEXTS match contains one of these (checked first, per line). */
const HELP_HINT = /please use the same email address|For GSoC, it is \*\*required\*\*/i;

export const templatePlaceholder: Rule = {
  id: 'template-placeholder',
  defaultSeverity: 'error',
  scope: 'project',
  description: 'Template placeholders (`CNCF Project Name`, `Mentorship project Title`, `Mentor Name (@mentor_github, mentor@email.addy)`, help text) left in a real entry.',
  check(ctx: RuleContext) {
    const findings: Finding[] = [];
    const template = ctx.model.template.range;
    for (const { project } of allProjects(ctx.model)) {
      if (PROJECT_PLACEHOLDER.test(project.name)) {
        findings.push({
          ruleId: 'template-placeholder',
          message: 'The project heading is still the template\'s "CNCF Project Name"; write the CNCF project\'s name.',
          range: project.titleRange,
        });
      }
    }
    const seen = new Set<number>();
    for (const { proposal } of allProposals(ctx.model)) {
      if (TITLE_PLACEHOLDER.test(proposal.title)) {
        findings.push({
          ruleId: 'template-placeholder',
          message: 'The proposal title is still the template\'s "Mentorship project Title"; write the project\'s title.',
          range: proposal.titleRange,
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
            message: `The template's mentor placeholder ${JSON.stringify(m[0])} is still here; write each mentor as \`Name (@handle, email)\` or remove the line.`,
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
