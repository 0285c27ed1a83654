// Markdown shown to the user (hovers, completion documentation) is built from document text: every
// piece of it goes through these helpers, so nothing the document says is read as markup.

/** Escapes text for markdown: every character with a markdown meaning is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .slice(0, 500)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (ch) => `\\${ch}`);
}

/** A link destination safe inside `[..](..)`: http(s) or file URIs only, with no spaces, parentheses or angle brackets. */
export function safeUrl(url: string): string | undefined {
  const u = url.trim().slice(0, 2000);
  if (!/^(?:https?|file):\/\/[^\s]+$/i.test(u)) return undefined;
  return u.replace(/[()<>"'\\`]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** `[text](url)` with the text escaped; the escaped text alone when the URL is not safe. */
export function markdownLink(text: string, url: string | undefined): string {
  const safe = url && safeUrl(url);
  return safe ? `[${escapeMarkdown(text)}](${safe})` : escapeMarkdown(text);
}

/** `1 proposal`, `2 proposals`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
