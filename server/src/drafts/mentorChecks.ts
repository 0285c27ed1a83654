// The bot's check of the Mentors field, line by line (one mentor per line,
// `Full Name | @github-handle | email | LFID`), made once per draft model; each form/mentor-* rule
// reports its own code. Same conditions and order as upstream: a line without 3 or 4 parts is
// rejected and nothing else is checked on it; duplicates compare case-insensitively, even invalid values.
import { isValidHandle } from '../core/vocabulary';
import type { DraftModel, MentorLine, MentorPart } from './draft';

export type MentorCode = 'count' | 'name' | 'handle' | 'email' | 'dup-handle' | 'dup-email' | 'lfid-missing' | 'lfid-format' | 'dup-lfid';

export interface MentorIssue {
  code: MentorCode;
  line: MentorLine;
  /** The part the issue is about, when it has one. */
  part?: MentorPart;
  /** The value the bot compared (the e-mail unwrapped). */
  value?: string;
  /** For a duplicate: the earlier line holding the same value. */
  first?: MentorLine;
}

export interface MentorCheck {
  /** Non-blank lines (the bot's count). */
  count: number;
  tooMany: boolean;
  issues: MentorIssue[];
  /** No issue and not too many: the bot's "mentors valid". */
  ok: boolean;
}

/** `@` and a GitHub login, as the bot wants the handle part written. */
export function isAtHandle(text: string): boolean {
  return text.startsWith('@') && isValidHandle(text.slice(1));
}
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const LFID_RE = /^[^\s@/]+$/;

/** A `[a](mailto:a)`, `<a>` or `mailto:a` address unwrapped, as upstream does before testing it. */
export function unwrapEmail(raw: string): string {
  let e = raw.trim();
  const link = /^\[[^\]\n]{0,300}\]\(\s*(?:mailto:)?([^()\s]{0,300})\s*\)$/i.exec(e);
  if (link) e = link[1];
  else {
    const angle = /^<([^<>]{0,300})>$/.exec(e);
    if (angle) e = angle[1].trim();
  }
  if (/^mailto:/i.test(e)) e = e.slice(7).trim();
  return e;
}

const checked = new WeakMap<DraftModel, MentorCheck>();

export function mentorCheck(draft: DraftModel): MentorCheck {
  let result = checked.get(draft);
  if (!result) checked.set(draft, (result = check(draft.mentors)));
  return result;
}

function check(lines: readonly MentorLine[]): MentorCheck {
  const issues: MentorIssue[] = [];
  const handles = new Map<string, MentorLine>();
  const emails = new Map<string, MentorLine>();
  const lfids = new Map<string, MentorLine>();
  for (const line of lines) {
    const { parts } = line;
    if (parts.length !== 3 && parts.length !== 4) {
      issues.push({ code: 'count', line });
      continue;
    }
    const [name, handle, rawEmail, lfid] = parts;
    const email = unwrapEmail(rawEmail.value);
    if (!name.value) issues.push({ code: 'name', line, part: name });
    if (!isAtHandle(handle.value)) issues.push({ code: 'handle', line, part: handle, value: handle.value });
    if (!EMAIL_RE.test(email)) issues.push({ code: 'email', line, part: rawEmail, value: email });
    const handleKey = handle.value.toLowerCase();
    const firstHandle = handles.get(handleKey);
    if (firstHandle) issues.push({ code: 'dup-handle', line, part: handle, value: handle.value, first: firstHandle });
    else handles.set(handleKey, line);
    const emailKey = email.toLowerCase();
    const firstEmail = emails.get(emailKey);
    if (firstEmail) issues.push({ code: 'dup-email', line, part: rawEmail, value: email, first: firstEmail });
    else emails.set(emailKey, line);
    if (!lfid?.value) issues.push({ code: 'lfid-missing', line, part: lfid });
    else if (!LFID_RE.test(lfid.value)) issues.push({ code: 'lfid-format', line, part: lfid, value: lfid.value });
    else {
      const firstLfid = lfids.get(lfid.value.toLowerCase());
      if (firstLfid) issues.push({ code: 'dup-lfid', line, part: lfid, value: lfid.value, first: firstLfid });
    }
    if (lfid?.value && !lfids.has(lfid.value.toLowerCase())) lfids.set(lfid.value.toLowerCase(), line);
  }
  const tooMany = lines.length > 4;
  return { count: lines.length, tooMany, issues, ok: !tooMany && issues.length === 0 && lines.length > 0 };
}

/** `Primary mentor`, `Mentor 2`: how the bot names a line. */
export function roleOf(line: MentorLine): string {
  return line.index === 0 ? 'Primary mentor' : `Mentor ${line.index + 1}`;
}
