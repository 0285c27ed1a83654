// Upstream references: URLs, <url>, [text](url), bare owner/repo#N; kind from the URL's shape.
import type { Draft, UpstreamKind, UpstreamRef } from '../model';
import { lineSpan } from '../span';

export interface UrlInfo {
  owner?: string;
  repo?: string;
  number?: number;
  kind: UpstreamKind;
}

/** Owner, repo, number and kind of a URL (GitHub shapes understood; anything else is `other`). */
export function classifyUrl(url: string): UrlInfo {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'other' };
  }
  const host = u.hostname.toLowerCase();
  const hasQuery = u.searchParams.has('q') || u.searchParams.has('query');
  if (host !== 'github.com' && host !== 'www.github.com') {
    return { kind: hasQuery && /search/i.test(u.pathname) ? 'search' : 'other' };
  }
  const segs = u.pathname.split('/').filter((s) => s !== '');
  if (segs[0] === 'search' || segs[0] === 'issues' || segs[0] === 'pulls') return { kind: 'search' };
  const info: UrlInfo = { kind: 'other' };
  if (segs.length >= 1 && segs[0] !== 'orgs') info.owner = segs[0];
  if (segs.length >= 2 && segs[0] !== 'orgs') info.repo = segs[1];
  if (segs[0] === 'orgs' && segs[1]) info.owner = segs[1];
  const type = segs[2];
  const num = segs[3] && /^\d{1,9}$/.test(segs[3]) ? Number(segs[3]) : undefined;
  if (segs[0] !== 'orgs' && num !== undefined) {
    if (type === 'issues') return { ...info, number: num, kind: 'issue' };
    if (type === 'pull' || type === 'pulls') return { ...info, number: num, kind: 'pull' };
    if (type === 'discussions') return { ...info, number: num, kind: 'discussion' };
  }
  if (hasQuery || (type === 'issues' || type === 'pulls' || type === 'discussions') && num === undefined && u.search !== '') {
    return { ...info, kind: 'search' };
  }
  return info;
}

const MD_LINK = /\[([^\]\n]{0,300})\]\((<?)(https?:\/\/[^)\s>]{1,2000})>?(?:[ \t]+"[^"\n]{0,200}")?\)/g;
const AUTOLINK = /<(https?:\/\/[^>\s]{1,2000})>/g;
/** A bare URL; it ends where another `http(s)://` starts (`…/issues/1https://…/issues/2`). */
const BARE_URL = /https?:\/\/(?:(?!https?:\/\/)[^\s<>\[\]"'`|]){1,2000}/g;
/** `github.com/owner/repo/…` written without a scheme. */
const BARE_GITHUB = /(?<![\w/.@-])(?:www\.)?github\.com\/[^\s<>\[\]"'`|]{1,2000}/gi;
/** A link reference definition `[text]: url` (one reference, whatever the text says). */
const REF_DEF = /^([ \t]{0,3}(?:[-*+][ \t]+)?)(\[[^\]\n]{1,300}\]:[ \t]*<?(https?:\/\/[^\s>]{1,2000})>?)/;
const SHORT_REF = /(?<![\w/.-])([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})#(\d{1,9})\b/g;

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && '.,;:!?*_\''.includes(url[end - 1])) end--;
  let u = url.slice(0, end);
  // A closing parenthesis without an opening one belongs to the surrounding text.
  while (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
  return u;
}

function blank(s: string, from: number, to: number): string {
  return s.slice(0, from) + ' '.repeat(to - from) + s.slice(to);
}

/** Every reference on one line (only `from`.. is looked at), in order of appearance. */
export function refsOnLine(text: string, lineNo: number, from = 0): UpstreamRef[] {
  if (text.length > 20000) text = text.slice(0, 20000);
  let s = from > 0 ? ' '.repeat(Math.min(from, text.length)) + text.slice(from) : text;
  const found: UpstreamRef[] = [];
  const push = (raw: string, url: string, start: number, end: number, info?: UrlInfo) => {
    const i = info ?? classifyUrl(url);
    const ref: Draft<UpstreamRef> = { url, raw, kind: i.kind, range: lineSpan(lineNo, start, end) };
    if (i.owner !== undefined) ref.owner = i.owner;
    if (i.repo !== undefined) ref.repo = i.repo;
    if (i.number !== undefined) ref.number = i.number;
    found.push(ref);
  };
  for (const m of s.matchAll(MD_LINK)) {
    const start = m.index ?? 0;
    push(m[0], trimUrl(m[3]), start, start + m[0].length);
  }
  const def = REF_DEF.exec(s);
  if (def && !found.length) {
    const start = def[1].length;
    push(def[2], trimUrl(def[3]), start, start + def[2].length);
  }
  for (const f of found) s = blank(s, f.range.start.character, f.range.end.character);
  const before = found.length;
  for (const m of s.matchAll(AUTOLINK)) {
    const start = m.index ?? 0;
    push(m[0], m[1], start, start + m[0].length);
  }
  for (const f of found.slice(before)) s = blank(s, f.range.start.character, f.range.end.character);
  const before2 = found.length;
  for (const m of s.matchAll(BARE_URL)) {
    const start = m.index ?? 0;
    const url = trimUrl(m[0]);
    push(url, url, start, start + url.length);
  }
  for (const f of found.slice(before2)) s = blank(s, f.range.start.character, f.range.end.character);
  const before3 = found.length;
  for (const m of s.matchAll(BARE_GITHUB)) {
    const start = m.index ?? 0;
    const raw = trimUrl(m[0]);
    push(raw, `https://${raw}`, start, start + raw.length);
  }
  for (const f of found.slice(before3)) s = blank(s, f.range.start.character, f.range.end.character);
  for (const m of s.matchAll(SHORT_REF)) {
    const start = m.index ?? 0;
    const url = `https://github.com/${m[1]}/${m[2]}/issues/${m[3]}`;
    push(m[0], url, start, start + m[0].length, { owner: m[1], repo: m[2], number: Number(m[3]), kind: 'issue' });
  }
  found.sort((a, b) => a.range.start.character - b.range.start.character);
  return found;
}
