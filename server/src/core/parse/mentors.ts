// Mentor entries: `Name (@handle, email)` and every variant (several per line, no email, no
// handle, handle without @, profile links, mailto, <email>, AT/DOT, primary markers, role labels,
// affiliation suffix, multi-line records `Name` / `GitHub: @h` / `Email: e`).
import type { Draft, Mentor as PublishedMentor } from '../model';
import { lineSpan } from '../span';

/** An entry is completed part by part as it is read (published read-only). */
type Mentor = Draft<PublishedMentor>;

export interface ValueLine {
  line: number;
  text: string;
  /** Column where the value starts on this line. */
  from: number;
}

const MAX_ENTRY = 600;

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/;
const MAILTO = /\[([^\]\n]{0,200})\]\(mailto:([^)\s]{1,200})\)/i;
const ANGLE_EMAIL = /<([A-Za-z0-9._%+-]{1,64}@[^>\s]{1,200})>/;
/**
 * An address spelt out against scrapers: `mira [at] example [dot] org`, `mira AT example DOT org`
 * (the ideas files' parser and the drafts' mentor-email fix read it alike).
 */
export const OBFUSCATED_EMAIL = /([A-Za-z0-9._%+-]{1,64})[ \t]{0,3}[[({]?[ \t]{0,3}(?:AT|at|\bat\b)[ \t]{0,3}[\])}]?[ \t]{0,3}([A-Za-z0-9-]{1,63}(?:[ \t]{0,3}[[({]?[ \t]{0,3}(?:DOT|dot)[ \t]{0,3}[\])}]?[ \t]{0,3}[A-Za-z0-9-]{1,63}){1,6})/;

/** The plain address of an OBFUSCATED_EMAIL match. */
export function plainObfuscatedEmail(match: RegExpExecArray): string {
  return `${match[1]}@${match[2].replace(/[ \t]*[[({]?[ \t]*(?:DOT|dot)[ \t]*[\])}]?[ \t]*/g, '.')}`;
}
const PROFILE_LINK = /\[@?([A-Za-z0-9_-]{1,39})\]\(https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_-]{1,39})\/?\)/i;
const PROFILE_URL = /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_-]{1,39})\/?(?![\w/])/i;
const AT_HANDLE = /(?<![\w.+\-@])@([A-Za-z0-9](?:[A-Za-z0-9_-]{0,38}))/;
const GITHUB_LABEL = /\b(?:github|gh)(?:[ \t]+(?:handle|id|user(?:name)?))?[ \t]*[:：=][ \t]*([A-Za-z0-9][A-Za-z0-9_-]{0,38})(?![\w.@-])/i;
const ROLE = /^(?:(?:the[ \t]+)?(?:primary|secondary|co-?|lead|main|backup|additional)?[ \t]*mentors?(?:[ \t]*(?:name|names|\(s\)|\d))?|primary|secondary|co-?mentor|adjunct|core|backup|additional|lead|main)[ \t]*[:：][ \t]*/i;

/** After `)`: whitespace, then a name of up to 5 words followed by `(` holding an `@` (a next entry). */
const NEXT_ENTRY = /^[ \t\u00a0]+(\p{Lu}[\p{L}.'’-]{0,40}(?:[ \t\u00a0]\p{L}[\p{L}.'’-]{0,40}){0,4})[ \t\u00a0]*[(（][^()（）]{0,120}@/u;

/** After a linked name, another one: `[Name2](https://…`. */
const NEXT_LINKED_NAME = /^[ \t\u00a0]+\[[^\]\n]{1,80}\]\(https?:/;

interface Piece {
  text: string;
  start: number; // column in the line
}

/** Splits a line at `,` `;` `，` `；` ` and ` ` & ` outside brackets. Linear. */
export function splitEntries(text: string, start: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let pieceStart = start;
  const end = Math.min(text.length, start + 4000);
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '<' || c === '（') depth++;
    else if (c === ')' || c === ']' || c === '>' || c === '）') {
      depth = Math.max(0, depth - 1);
      // `Name (@h, e) Name2 (@h2, e2)`: no separator between two complete entries.
      if (depth === 0 && (c === ')' || c === '）') && /[ \t\u00a0]/.test(text[i + 1] ?? '')) {
        const after = text.slice(i + 1, i + 200);
        const next = NEXT_ENTRY.exec(after);
        if (next && /@/.test(text.slice(pieceStart, i)) && !/^(?:primary|mentor|co-?mentor|from|and|or|at)\b/i.test(next[1])) {
          out.push({ text: text.slice(pieceStart, i + 1), start: pieceStart });
          pieceStart = i + 1;
        } else if (NEXT_LINKED_NAME.test(after) && /^\[[^\]]+\]\([^()]*\)$/.test(text.slice(pieceStart, i + 1).trim())) {
          // `[Name](https://github.com/h) [Name2](https://github.com/h2)`: linked names side by side.
          out.push({ text: text.slice(pieceStart, i + 1), start: pieceStart });
          pieceStart = i + 1;
        }
      }
    } else if (depth === 0) {
      let sepLen = 0;
      if (c === ',' || c === ';' || c === '，' || c === '；' || c === '、') sepLen = 1;
      else if ((c === ' ' || c === '\u00a0') && /^[ \u00a0](?:and|&)[ \u00a0]/i.test(text.slice(i, i + 5))) {
        sepLen = text[i + 1] === '&' ? 3 : 5;
      }
      if (sepLen) {
        out.push({ text: text.slice(pieceStart, i), start: pieceStart });
        pieceStart = i + sepLen;
        i += sepLen - 1;
      }
    }
  }
  out.push({ text: text.slice(pieceStart, end), start: pieceStart });
  return out
    .map((p) => {
      const lead = p.text.length - p.text.trimStart().length;
      return { text: p.text.trim(), start: p.start + lead };
    })
    .filter((p) => p.text !== '');
}

function looksLikeBareHandle(s: string): boolean {
  return /^@?[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/.test(s) && (/[a-z]/.test(s) && s === s.toLowerCase() || /[\d_-]/.test(s) || s.startsWith('@'));
}

const EMAIL_G = new RegExp(EMAIL.source, 'g');
const AT_HANDLE_G = /(?<![\w.+\-@])@[A-Za-z0-9][A-Za-z0-9_-]{0,38}/g;

function isOnlyContact(s: string): boolean {
  if (/^@[A-Za-z0-9_-]{1,39}$/.test(s) || looksLikeBareHandle(s) || /^\(.*\)$/.test(s)) return true;
  // Only e-mails and @handles (`@h (e)`, `e`, `<e>`, `[e](mailto:e)`), nothing of a name.
  if (!EMAIL.test(s) && !s.includes('@')) return false;
  return s.replace(EMAIL_G, ' ').replace(AT_HANDLE_G, ' ').replace(/mailto:?|[<>()\[\]\s:,，]/gi, '') === '';
}

const CONTACT_TOKEN = /^(?:[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})?@[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/;

/** `@a @b @c` (or `e@x.org@a @b`): several contacts separated by spaces only, one per mentor. */
function splitContacts(p: Piece): Piece[] {
  if (p.text.length > 400 || !/\s/.test(p.text)) return [p];
  const out: Piece[] = [];
  const re = /\S+/g;
  let t: RegExpExecArray | null;
  while ((t = re.exec(p.text))) {
    if (!CONTACT_TOKEN.test(t[0])) return [p];
    out.push({ text: t[0], start: p.start + t.index });
  }
  return out.length > 1 ? out : [p];
}

/** Parses one mentor entry (piece of a line). */
export function parseEntry(line: number, text: string, start: number): Mentor | undefined {
  let s = text.length > MAX_ENTRY ? text.slice(0, MAX_ENTRY) : text;
  const deviations: string[] = [];
  const m: Mentor = { primary: false, raw: text, range: lineSpan(line, start, start + text.length), deviations };
  // Role label prefix.
  const role = ROLE.exec(s);
  let offset = 0;
  if (role) {
    if (/primary|lead|main/i.test(role[0])) m.primary = true;
    // `Primary Mentor: Name (…)` is how GSoC files mark the primary mentor, not a format problem.
    deviations.push(/^primary(?:[ \t]+mentor)?[ \t]*[:：]/i.test(role[0]) ? 'primary-marker' : 'role-label');
    offset = role[0].length;
  }
  const at = (i: number, len: number) => lineSpan(line, start + i, start + i + len);
  let work = ' '.repeat(offset) + s.slice(offset);
  // Primary markers: `- primary`, `(primary)`, `primary`.
  const prim = /(?:[ \t\u00a0]*[-–—][ \t\u00a0]*|[ \t\u00a0]*[(\[][ \t]*)?\bprimary(?:[ \t]+mentor)?\b(?:[ \t]*[)\]])?/i.exec(work);
  if (prim) {
    m.primary = true;
    work = work.slice(0, prim.index) + ' '.repeat(prim[0].length) + work.slice(prim.index + prim[0].length);
  }
  // A no-break space after a comma or bracket is invisible and harmless: normalised silently.
  if (/(?<![,，(（\u00a0])\u00a0/.test(s)) deviations.push('nbsp');
  if (/[，；]/.test(s)) deviations.push('fullwidth-comma');
  const blank = (i: number, len: number) => {
    work = work.slice(0, i) + ' '.repeat(len) + work.slice(i + len);
  };
  // E-mail.
  let mm: RegExpExecArray | null;
  if ((mm = MAILTO.exec(work))) {
    const addr = mm[2];
    const inner = mm.index + 1;
    m.email = addr;
    m.emailRange = EMAIL.test(mm[1]) ? at(inner, mm[1].length) : at(mm.index, mm[0].length);
    deviations.push('mailto');
    blank(mm.index, mm[0].length);
  } else if ((mm = ANGLE_EMAIL.exec(work))) {
    m.email = mm[1];
    m.emailRange = at(mm.index + 1, mm[1].length);
    deviations.push('angle-email');
    blank(mm.index, mm[0].length);
  } else if ((mm = EMAIL.exec(work))) {
    m.email = mm[0];
    m.emailRange = at(mm.index, mm[0].length);
    blank(mm.index, mm[0].length);
  } else if ((mm = OBFUSCATED_EMAIL.exec(work)) && /AT|\[at\]|\(at\)|\{at\}/.test(mm[0])) {
    m.email = plainObfuscatedEmail(mm);
    m.emailRange = at(mm.index, mm[0].length);
    deviations.push('obfuscated-email');
    blank(mm.index, mm[0].length);
  }
  // Handle.
  if ((mm = PROFILE_LINK.exec(work))) {
    m.handle = mm[2];
    m.handleRange = at(mm.index + 1, mm[0].indexOf(']') - 1);
    deviations.push('profile-link');
    blank(mm.index, mm[0].length);
  } else if ((mm = AT_HANDLE.exec(work))) {
    m.handle = mm[1];
    m.handleRange = at(mm.index, mm[0].length);
    blank(mm.index, mm[0].length);
  } else if ((mm = PROFILE_URL.exec(work))) {
    m.handle = mm[1];
    m.handleRange = at(mm.index, mm[0].length);
    deviations.push('profile-link');
    blank(mm.index, mm[0].length);
  } else if ((mm = GITHUB_LABEL.exec(work))) {
    // `(email: x, github: handle)`: the handle is named by its label.
    m.handle = mm[1];
    const i = mm.index + mm[0].length - mm[1].length;
    m.handleRange = at(i, mm[1].length);
    deviations.push('handle-without-at');
    blank(mm.index, mm[0].length);
  } else {
    // `Name (handle, email)`: the first token inside the parentheses.
    const paren = /[(（][ \t]*([A-Za-z0-9][A-Za-z0-9_-]{0,38})[ \t]*(?=[,，)）\s])/.exec(work);
    if (paren && !/^(?:primary|he|she|they|him|her|them|tbd|tba)$/i.test(paren[1])) {
      m.handle = paren[1];
      const i = paren.index + paren[0].indexOf(paren[1]);
      m.handleRange = at(i, paren[1].length);
      deviations.push('handle-without-at');
      blank(i, paren[1].length);
    }
  }
  // Name: what is left before the first bracket, cleaned.
  let nameEnd = work.length;
  for (const ch of ['(', '（', '<', '[']) {
    const i = work.indexOf(ch, offset);
    if (i >= 0 && i < nameEnd) nameEnd = i;
  }
  let nameStart = offset;
  let nameText = work.slice(nameStart, nameEnd);
  const lead = nameText.length - nameText.trimStart().length;
  nameStart += lead;
  nameText = nameText.trim();
  // Affiliation suffix: `Name from Company`, `Name - Company`, `Name, Company` handled by splitting.
  const aff = /[ \t\u00a0]+(?:from|at|@)[ \t\u00a0]+\S.*$|[ \t\u00a0]+[-–—|][ \t\u00a0]+.*$/.exec(nameText);
  if (aff && aff.index > 0) {
    nameText = nameText.slice(0, aff.index);
    deviations.push('affiliation');
  }
  nameText = nameText.replace(/[\s,，:;\-–—*_]+$/u, '');
  const leadJunk = /^[\s,，:;\-–—*_]+/u.exec(nameText);
  if (leadJunk) {
    nameStart += leadJunk[0].length;
    nameText = nameText.slice(leadJunk[0].length);
  }
  if (nameText === '' && work[nameEnd] === '[') {
    // `[Mira Quell] (...)`: the bracket text is the name (markdown reads a link text there).
    const close = work.indexOf(']', nameEnd);
    if (close > nameEnd + 1) {
      nameStart = nameEnd + 1;
      nameText = work.slice(nameStart, close).trim();
      if (s[close + 1] !== '(') deviations.push('bracketed-name'); // `[Name](url)` is a link
    }
  }
  if (nameText !== '' && /\p{L}/u.test(nameText)) {
    if (!m.handle && !m.email && looksLikeBareHandle(nameText) && !/\s/.test(nameText)) {
      m.handle = nameText.replace(/^@/, '');
      m.handleRange = at(nameStart, nameText.length);
      deviations.push('handle-without-at');
    } else {
      m.name = nameText;
      m.nameRange = at(nameStart, nameText.length);
    }
  }
  if (!m.name && !m.handle && !m.email) return undefined;
  if (m.name && !m.handle && !m.email && m.name.split(/\s+/).length > 5) return undefined; // prose, not a name
  if (!m.email) deviations.push('no-email');
  if (!m.handle) deviations.push('no-handle');
  if (!m.name) deviations.push('no-name');
  return m;
}

function merge(into: Mentor, from: Mentor): void {
  if (!into.handle && from.handle) {
    into.handle = from.handle;
    into.handleRange = from.handleRange;
  }
  if (!into.email && from.email) {
    into.email = from.email;
    into.emailRange = from.emailRange;
  }
  if (from.primary) into.primary = true;
  into.range = { start: into.range.start, end: from.range.end };
  into.raw = into.range.start.line === from.range.start.line ? `${into.raw}, ${from.raw}` : `${into.raw}\n${from.raw}`;
  const dev = new Set([...into.deviations, ...from.deviations.filter((d) => d !== 'no-name')]);
  if (into.email) dev.delete('no-email');
  if (into.handle) dev.delete('no-handle');
  if (into.name) dev.delete('no-name');
  into.deviations = [...dev];
}

/** A bullet that only names a group of mentors: one to three words, no contact, optional colon. */
const GROUP_LABEL = /^(?:[-*+][ \t\u00a0]+)?(?:\*\*)?\p{L}[\p{L}-]{0,30}(?:[ \t]\p{L}[\p{L}-]{0,30}){0,2}(?:\*\*)?[ \t]*:?(?:\*\*)?[ \t]*$/u;

function leadingSpace(s: string): number {
  let n = 0;
  while (n < s.length && n < 64 && (s[n] === ' ' || s[n] === '\t' || s[n] === '\u00a0')) n++;
  return n;
}

/** A sub-bullet holding only a contact or a `GitHub:`/`Email:` record: the line above is a name, not a group. */
function isContactLine(s: string): boolean {
  const t = s.trim().replace(/^[-*+][ \t\u00a0]+/, '');
  return /^(?:github|gh|handle|e-?mail|mail)[ \t]*[:：]/i.test(t) || isOnlyContact(t.slice(0, 400));
}

const SKIP_LINE = /^(?:#|<!--|-->|\/\/|tbd\.?$|tba\.?$|n\/a$|none\.?$)/i;

const CONTACT_MARK = /@|github\.com|\bAT\b|mailto:/;
const NAME_PARTICLE = /^(?:de|van|von|da|del|der|den|la|le|di|du|dos|das|bin|al|ten|ter|y|e)$/;
const OTHER_LABEL = /^[^:：()\[\]]{1,40}[:：](?:[ \t\u00a0]|$)/;

/**
 * A line carried into the mentor field that names no mentor entry (`Also on hand: Priya and Tom
 * from the storage team`): no contact anywhere, and a label that is not a role, or a word that is
 * no part of a name (lower case, not a particle such as `de` or `van`).
 */
function isProse(rest: string): boolean {
  if (CONTACT_MARK.test(rest) || rest.length > 400) return false;
  const role = ROLE.exec(rest);
  const body = role ? rest.slice(role[0].length) : rest;
  if (OTHER_LABEL.test(body)) return true;
  for (const piece of splitEntries(body, 0)) {
    const words = piece.text.replace(/[(（][^)）]*[)）]?/g, ' ').split(/[\s\u00a0]+/).filter((w) => /\p{L}/u.test(w));
    if (words.length < 2) continue; // one word may be a bare handle
    if (words.some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLE.test(w))) return true;
  }
  return false;
}

const ONE_NAME = /^\p{Lu}[\p{L}\p{M}'’-]{0,40}$/u;
const NAME_THEN_CONTACT = /^\p{Lu}[\p{L}\p{M}'’-]{0,40}(?:[ \t\u00a0]+\p{Lu}[\p{L}\p{M}'’.-]{0,40})?[ \t\u00a0]*[(（][^)）]{0,200}@/u;

/** `Lastname, Firstname (@handle, …)`: one capitalised word, then a name with a contact, is one name. */
function joinReversedNames(line: string, pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    const q = pieces[k + 1];
    if (q && ONE_NAME.test(p.text) && NAME_THEN_CONTACT.test(q.text) && q.start > p.start + p.text.length) {
      if (q.start - (p.start + p.text.length) <= 3) {
        out.push({ text: line.slice(p.start, q.start + q.text.length), start: p.start });
        k++;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** Mentors from the value lines of a Mentor(s) field. */
export function parseMentors(lines: ValueLine[]): Mentor[] {
  const out: Mentor[] = [];
  /** Group labels (`- Primary` / `- Adjunct` with the mentors in sub-bullets below): indent, primary. */
  const groups: { indent: number; primary: boolean }[] = [];
  for (let k = 0; k < lines.length; k++) {
    const vl = lines[k];
    const text = vl.text;
    let i = vl.from;
    while (i < text.length && /[\s\u00a0]/.test(text[i])) i++;
    const indent = i;
    while (groups.length && groups[groups.length - 1].indent >= indent) groups.pop();
    const nextLine = lines[k + 1];
    if (nextLine && nextLine.from === 0 && GROUP_LABEL.test(text.slice(i, i + 80)) && leadingSpace(nextLine.text) > indent && !isContactLine(nextLine.text)) {
      groups.push({ indent, primary: /primary|lead|main/i.test(text) });
      continue;
    }
    const inPrimaryGroup = groups.some((g) => g.primary);
    // Bullet.
    if (/[-*+]/.test(text[i] ?? '') && /[\s\u00a0]/.test(text[i + 1] ?? '')) {
      i += 2;
      while (i < text.length && /[\s\u00a0]/.test(text[i])) i++;
    }
    const rest = text.slice(i).trimEnd();
    if (rest === '' || SKIP_LINE.test(rest) || !/[\p{L}\d@]/u.test(rest)) continue;
    // Prose carried into the field (a paragraph after the mentors): no contact, many words.
    if (!/@|github\.com|\bAT\b|\(/.test(rest) && rest.split(/\s+/).length > 12) continue;
    const prev = out[out.length - 1];
    // Bare `Primary` / `- primary` line: marks the previous mentor.
    if (/^\(?primary\)?[.:]?$/i.test(rest)) {
      if (prev) prev.primary = true;
      continue;
    }
    // Multi-line record.
    const rec = /^(github|gh|handle|e-?mail|mail)[ \t]*[:：][ \t]*/i.exec(rest);
    if (rec && prev) {
      const sub = parseEntry(vl.line, rest.slice(rec[0].length), i + rec[0].length);
      if (sub) {
        if (/mail/i.test(rec[1]) && !sub.email && sub.handle && sub.handleRange) {
          // e-mail written oddly: keep as is.
        }
        merge(prev, sub);
        if (!prev.deviations.includes('multi-line')) prev.deviations.push('multi-line');
      }
      continue;
    }
    if (isProse(rest)) continue;
    const pieces = joinReversedNames(text, splitEntries(text.slice(0, i + rest.length), i)).flatMap(splitContacts);
    let lineEntries: Mentor[] = [];
    for (const p of pieces) {
      const e = parseEntry(vl.line, p.text, p.start);
      if (!e) continue;
      const last = lineEntries[lineEntries.length - 1];
      // `Name, handle, email` without parentheses: contact-only pieces join the previous entry.
      if (last && isOnlyContact(p.text) && ((e.email && !last.email) || (e.handle && !last.handle && !e.email)) && !(e.handle && last.handle) && !(e.email && last.email)) {
        merge(last, e);
        continue;
      }
      lineEntries.push(e);
    }
    if (inPrimaryGroup) for (const e of lineEntries) e.primary = true;
    out.push(...lineEntries);
    lineEntries = [];
  }
  return out;
}
