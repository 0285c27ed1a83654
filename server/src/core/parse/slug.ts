// GitHub heading anchors (github-slugger: lowercase, spaces to `-`, punctuation other than `-`
// and `_` dropped, repeats get `-1`, `-2`).
import { slug as githubSlug } from 'github-slugger';
import { memoString } from '../memo';

/** The anchor of one heading text before repeats are counted (slugs of all headings are made again on each structural edit). */
const baseSlug = memoString((text: string) => githubSlug(text.length > 2000 ? text.slice(0, 2000) : text));

/** github-slugger's `GithubSlugger#slug` (the same repeat counting) on memoised base slugs. */
export function createSlugger(): { slug(text: string): string } {
  const occurrences = new Map<string, number>();
  return {
    slug(text: string): string {
      const original = baseSlug(text);
      let result = original;
      while (occurrences.has(result)) {
        const n = occurrences.get(original)! + 1;
        occurrences.set(original, n);
        result = `${original}-${n}`;
      }
      occurrences.set(result, 0);
      return result;
    },
  };
}
