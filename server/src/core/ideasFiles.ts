// Which markdown files are project-ideas files: by path (configurable globs) or by content.
import picomatch from 'picomatch';

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

/** True when the text carries the proposal template block (looked for in the first 20 KB only). */
export function hasTemplateBlock(text: string): boolean {
  return TEMPLATE_BLOCK.test(text.slice(0, 20_000));
}

export interface IdeasFileOptions {
  files: readonly string[];
  detectByContent: boolean;
}

export function isIdeasFile(path: string, text: string | undefined, options: IdeasFileOptions): boolean {
  if (matchesIdeasGlobs(path, options.files)) return true;
  return options.detectByContent && text !== undefined && /\.(md|markdown)$/i.test(path) && hasTemplateBlock(text);
}
