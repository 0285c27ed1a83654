// A table of contents that is out of date, or whose anchors resolve to no heading (GitHub slugs).
// The fix regenerates the list in place, in its own bullet style, touching nothing outside it.
import type { Heading, TocEntry } from '../core/model';
import type { Finding, Fix, Rule, RuleContext } from './types';
import { isGeneratedReadme } from './util';
import { allProjectsDeep } from '../core/walk';
import { span } from '../core/span';

function decode(anchor: string): string {
  try {
    return decodeURIComponent(anchor).toLowerCase();
  } catch {
    return anchor.toLowerCase();
  }
}

interface Wanted {
  heading: Heading;
  depth: number;
}

/** The headings a regenerated TOC lists: projects, sub-projects and proposals (projects only for a flat
 *  TOC), plus any other heading the current TOC already links to, in document order. */
function wanted(ctx: RuleContext, flat: boolean, linked: Set<string>): Wanted[] {
  const byLine = new Map(ctx.model.headings.map((h) => [h.range.start.line, h]));
  const depth = new Map<Heading, number>();
  for (const { project, parent } of allProjectsDeep(ctx.model)) {
    const d = parent ? (depth.get(byLine.get(parent.headingRange.start.line)!) ?? 0) + 1 : 0;
    const h = byLine.get(project.headingRange.start.line);
    if (h) depth.set(h, d);
    if (flat) continue;
    for (const q of project.proposals) {
      const qh = byLine.get(q.headingRange.start.line);
      if (qh) depth.set(qh, d + 1);
    }
  }
  const projectLevel = ctx.model.template.projectLevel;
  const tocLine = ctx.model.toc?.range.start.line ?? 0;
  const out: Wanted[] = [];
  for (const h of ctx.model.headings) {
    const d = depth.get(h);
    if (d !== undefined) out.push({ heading: h, depth: d });
    else if (linked.has(h.slug.toLowerCase()) && h.range.start.line !== tocLine) out.push({ heading: h, depth: Math.max(0, h.level - projectLevel) });
  }
  return out;
}

function escapeText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

function regenerate(ctx: RuleContext, entries: readonly TocEntry[], list: Wanted[]): Fix | undefined {
  const toc = ctx.model.toc!;
  const first = entries[0];
  const firstLine = ctx.lines[first?.range.start.line ?? toc.range.start.line] ?? '';
  const bullet = /^\s*([-*+]|\d+[.)])\s/.exec(firstLine)?.[1] ?? '-';
  const nested = entries.find((e) => e.depth === 1);
  const nestedIndent = nested ? (/^\s*/.exec(ctx.lines[nested.range.start.line] ?? '')?.[0] ?? '  ') : '';
  const baseIndent = /^\s*/.exec(firstLine)?.[0] ?? '';
  const unit = nestedIndent.length > baseIndent.length ? nestedIndent.slice(baseIndent.length) : '  ';
  const lines = list.map(({ heading, depth }, i) => {
    const marker = /^\d/.test(bullet) ? `${i + 1}${bullet.slice(-1)}` : bullet;
    return `${baseIndent}${unit.repeat(depth)}${marker} [${escapeText(heading.text)}](#${heading.slug})`;
  });
  // Replace whole list lines only: from the first entry's line to the last entry's line.
  const startLine = Math.min(...entries.map((e) => e.range.start.line));
  const endLine = Math.max(...entries.map((e) => e.range.end.line));
  const current = ctx.lines.slice(startLine, endLine + 1).join('\n');
  const next = lines.join('\n');
  if (current === next) return undefined;
  return {
    title: 'Regenerate the table of contents',
    edits: [{ range: span(startLine, 0, endLine, (ctx.lines[endLine] ?? '').length), newText: next }],
    safeForFixAll: true,
  };
}

export const toc: Rule = {
  id: 'toc',
  defaultSeverity: 'warning',
  scope: 'structure',
  description: 'A table of contents that misses projects or proposals, or links to anchors no heading has (GitHub slugs); information in a README the upstream generates.',
  check(ctx) {
    const findings: Finding[] = [];
    const t = ctx.model.toc;
    if (!t || !t.entries.length) return findings;
    const slugs = new Map(ctx.model.headings.map((h) => [h.slug.toLowerCase(), h]));
    const flat = t.entries.every((e) => e.depth === 0);
    const linked = new Set(t.entries.map((e) => decode(e.anchor)).filter((a) => slugs.has(a)));
    const list = wanted(ctx, flat, linked);
    const fix = regenerate(ctx, t.entries, list);
    const fixes = fix ? [fix] : undefined;
    // A TOC the upstream regenerates (the generated term README, whose slug function differs
    // from GitHub's for some titles): still checked, but nobody edits it by hand.
    const severity = isGeneratedReadme(ctx) ? 'information' : undefined;
    // Headings a broken entry stands for (by its text): reported once, as the broken anchor.
    const meant = new Set<string>();
    // First heading per lowercased text, built when an entry needs it (was a scan per broken entry).
    let texts: Map<string, Heading> | undefined;
    for (const entry of t.entries) {
      const anchor = decode(entry.anchor);
      if (slugs.has(anchor)) continue;
      if (!texts) {
        texts = new Map();
        for (const h of ctx.model.headings) {
          const key = h.text.trim().toLowerCase();
          if (!texts.has(key)) texts.set(key, h);
        }
      }
      const byText = texts.get(entry.text.trim().toLowerCase());
      if (byText) meant.add(byText.slug.toLowerCase());
      findings.push({
        ruleId: 'toc',
        severity,
        message: `The table of contents links to "#${entry.anchor}", which no heading has${byText ? `; the heading "${byText.text}" has the anchor "#${byText.slug}"` : ''}.`,
        range: entry.range,
        fixes,
      });
    }
    const missing = list.filter((w) => !linked.has(w.heading.slug.toLowerCase()) && !meant.has(w.heading.slug.toLowerCase()));
    if (missing.length) {
      // The TOC's own list lines: never a marker pair or a list stretching over the rest of the file.
      const first = Math.min(...t.entries.map((e) => e.range.start.line));
      const last = Math.max(...t.entries.map((e) => e.range.end.line));
      const names = missing.slice(0, 5).map((w) => `"${w.heading.text}"`);
      findings.push({
        ruleId: 'toc',
        message: `The table of contents is out of date: it does not list ${names.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}.`,
        severity,
        range: span(first, 0, last, (ctx.lines[last] ?? '').length),
        fixes,
      });
    }
    return findings;
  },
};
