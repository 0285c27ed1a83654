// GitHub heading anchors (github-slugger: lowercase, spaces to `-`, punctuation other than `-`
// and `_` dropped, repeats get `-1`, `-2`).
import GithubSlugger from 'github-slugger';

export function createSlugger(): { slug(text: string): string } {
  const s = new GithubSlugger();
  return { slug: (text: string) => s.slug(text.length > 2000 ? text.slice(0, 2000) : text) };
}

/** Title of a heading: plain text, trailing colon and spaces stripped. */
export function titleOf(text: string): string {
  return text.replace(/[\s:：]+$/u, '').trim();
}
