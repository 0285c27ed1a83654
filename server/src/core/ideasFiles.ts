// Which markdown files are project-ideas files: by path (configurable globs) or by content (the
// Template block, or proposal entries: a heading followed by the standard field labels).
import picomatch from 'picomatch';
import type { FieldKey } from './model';
import { readHeadingLabel, readLabel, STRONG_KEYS } from './parse/labels';

export const DEFAULT_FILE_GLOBS = [
  '**/project_ideas.md',
  '**/programs/lfx-mentorship/**/README.md',
  '**/programs/summerofcode/*.md',
];

const matcherCache = new Map<string, (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const valid = globs.filter((g) => typeof g === 'string' && g.trim() !== '');
    matcher = valid.length ? picomatch(valid, { dot: true, nocase: false }) : () => false;
    matcherCache.set(key, matcher);
  }
  return matcher;
}

/** True when a path (absolute or workspace-relative, `/`-separated) matches one of the globs. */
export function matchesIdeasGlobs(path: string, globs: readonly string[]): boolean {
  const normalised = path.replace(/\\/g, '/');
  return matcherFor(globs)(normalised);
}

// A `Template` heading followed, within a few lines, by a fence: how every ideas file starts.
const TEMPLATE_BLOCK = /^ {0,3}#{1,6}[ \t]+(?:[^\n]*\s)?Template\b[^\n]*\n(?:[^\n]*\n){0,3}? {0,3}(```|~~~)/im;

/** True when the text carries the proposal template block (looked for in the first 20 KB only):
 *  a `Template` heading, a fence, and in it a standard field label (Description, Mentor(s)…): a
 *  README's `## Tagged template literal` followed by code is no template. */
export function hasTemplateBlock(text: string): boolean {
  const head = text.slice(0, 20_000);
  const m = TEMPLATE_BLOCK.exec(head);
  if (!m) return false;
  const keys = new Set<FieldKey>();
  const lines = text.slice(m.index + m[0].length, m.index + m[0].length + 4000).split('\n', 60);
  for (const line of lines) {
    if (FENCE.test(line)) break;
    const label = readLabel(line.slice(0, 400));
    if (label && STRONG_KEYS.has(label.key)) keys.add(label.key);
  }
  return keys.size > 0;
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const QUOTE = /^[ \t]{0,12}(?:>[ \t]?)+/;
/** A line that may hold a label: a colon, or a bullet, bold, quote or `#` first. */
const LABEL_HINT = /[:：]|^[ \t]*(?:[-*+>#]|\*\*|__)/;
const MENTOR_WORD = /\bm(?:en|et)tors?\b|\bmentor\(/i;
const MENTOR_CONTACT = /(?<![\w.])@[A-Za-z0-9]|[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]|github\.com\/[A-Za-z0-9]/;

/**
 * True when the text holds a proposal entry: a heading whose section has a Mentor(s) label naming a
 * contact (`@handle`, an address or a GitHub link on its line or the next few) and two other
 * standard field labels (Description, Expected Outcome, Recommended Skills, Upstream Issue), read
 * with the parser's own label reader, outside fenced code. How a term README or GSoC file
 * without a Template block (every term README since 2023) is told from other markdown. A line scan
 * that stops at the first entry, over the first `limit` characters (proposals start well before: the
 * workspace scan reads 20 KB), run only when the text names a mentor at all.
 */
export function hasProposalStructure(text: string, limit = 64_000): boolean {
  const head = text.length > limit ? text.slice(0, limit) : text;
  if (!MENTOR_WORD.test(head)) return false; // most markdown: one search, no line scan
  let keys = new Set<FieldKey>();
  /** Lines left in which a contact counts for the last Mentor(s) label; a mentor contact seen. */
  let mentorLines = 0;
  let contact = false;
  let inFence = false;
  let underHeading = false;
  let from = 0;
  while (from <= head.length) {
    let to = head.indexOf('\n', from);
    if (to < 0) to = head.length;
    const line = head.slice(from, Math.min(to, from + 400)).replace(/\r$/, '');
    from = to + 1;
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (HEADING.test(line)) {
      keys = new Set();
      underHeading = true;
      mentorLines = 0;
      contact = false;
      continue;
    }
    if (!underHeading || (mentorLines === 0 && !LABEL_HINT.test(line))) continue;
    const quote = QUOTE.exec(line);
    const m = quote ? readHeadingLabel(' '.repeat(quote[0].length) + line.slice(quote[0].length)) : readLabel(line);
    const label = m && STRONG_KEYS.has(m.key) && (m.colon || m.bulleted || m.heading) ? m : undefined;
    if (label) {
      keys.add(label.key);
      mentorLines = label.key === 'mentors' ? 8 : 0;
    }
    if (mentorLines > 0) {
      mentorLines--;
      if (MENTOR_CONTACT.test(label ? line.slice(label.valueStart) : line)) contact = true;
    }
    if (contact && keys.size >= 3) return true;
  }
  return false;
}

export interface IdeasFileOptions {
  files: readonly string[];
  detectByContent: boolean;
}

export function isIdeasFile(path: string, text: string | undefined, options: IdeasFileOptions): boolean {
  if (matchesIdeasGlobs(path, options.files)) return true;
  return options.detectByContent && text !== undefined && /\.(md|markdown)$/i.test(path) && (hasTemplateBlock(text) || hasProposalStructure(text));
}
