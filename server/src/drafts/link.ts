// The ways out of the editor: the issue title, the body, the prefilled new-issue link (text fields
// by id; dropdowns and boxes are set by the person on the page), and a `gh issue create` line.
// The server never opens the link: the client does.
import { valueOf, type DraftModel } from './draft';
import { FIELD } from './form';

export interface IssueTarget {
  /** `owner/name` (a setting, for forks). */
  repository: string;
  /** The template's file name in `.github/ISSUE_TEMPLATE/`. */
  template: string;
}

export const DEFAULT_TARGET: IssueTarget = { repository: 'cncf/mentoring', template: 'lfx-program-proposal.yml' };

/** GitHub refuses URLs that are too long (no documented figure): stay well under it. */
export const MAX_URL_BYTES = 6000;

/** `[CNCF LFX Proposal] <project> <program name>`, the title the form proposes. */
export function issueTitle(draft: DraftModel): string {
  const parts = [valueOf(draft, FIELD.project), valueOf(draft, FIELD.name)].filter(Boolean);
  return ['[CNCF LFX Proposal]', ...parts].join(' ');
}

/** The issue body: the draft from its first section on (text before it is the author's notes). */
export function issueBody(draft: DraftModel, text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const body = lines.slice(draft.bodyStart.line).join('\n');
  return body.endsWith('\n') ? body : `${body}\n`;
}

export interface ManualStep {
  fieldId: string;
  label: string;
  /** What to pick or tick on the page. */
  value: string;
  message: string;
}

/** The dropdowns and boxes the link cannot fill: what to set on the page. */
export function manualSteps(draft: DraftModel): ManualStep[] {
  const out: ManualStep[] = [];
  for (const field of draft.form.fields) {
    const section = draft.byLabel.get(field.label);
    if (field.type === 'dropdown') {
      const value = section?.value ?? '';
      out.push({
        fieldId: field.id,
        label: field.label,
        value,
        message: value ? `Choose "${value}" in ${field.label}.` : `Choose ${field.label} (empty in the draft).`,
      });
    } else if (field.type === 'checkboxes') {
      for (const box of section?.checkboxes ?? []) {
        if (box.checked) out.push({ fieldId: field.id, label: field.label, value: box.label, message: `Under ${field.label}, tick "${box.label}".` });
      }
    }
  }
  return out;
}

/** Every text field (input, textarea) by id with the draft's value; empty ones left out. */
export function prefilledFields(draft: DraftModel): [string, string][] {
  const out: [string, string][] = [];
  for (const field of draft.form.fields) {
    if ((field.type !== 'input' && field.type !== 'textarea') || !field.id) continue;
    const value = draft.byLabel.get(field.label)?.value ?? '';
    if (value) out.push([field.id, value]);
  }
  return out;
}

export interface IssueLink {
  /** The prefilled new-issue URL, even when refused (the client may still show or copy it). */
  url: string;
  /** Its length in bytes (ASCII after encoding). */
  bytes: number;
  title: string;
  /** What to set on the page after opening the link. */
  manual: ManualStep[];
  /** Why the link should not be opened now, when it should not. */
  refusal?: { reason: 'errors' | 'too-long' | 'not-a-draft'; message: string };
}

export interface LinkOptions extends Partial<IssueTarget> {
  /** The draft's findings, for refusing while any is an error. */
  findings?: readonly { severity: string }[];
  maxBytes?: number;
}

/** `https://github.com/<repo>/issues/new?template=…&title=…&<field id>=…` (no `labels`: it needs triage rights). */
export function issueLink(draft: DraftModel, options: LinkOptions = {}): IssueLink {
  const repository = options.repository || DEFAULT_TARGET.repository;
  const template = options.template || DEFAULT_TARGET.template;
  const title = issueTitle(draft);
  const params: [string, string][] = [['template', template], ['title', title], ...prefilledFields(draft)];
  const query = params.map(([k, v]) => `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`).join('&');
  const url = `https://github.com/${repository.split('/').map(encodeURIComponent).join('/')}/issues/new?${query}`;
  const bytes = Buffer.byteLength(url, 'utf8');
  const max = options.maxBytes ?? MAX_URL_BYTES;
  const errors = (options.findings ?? []).filter((f) => f.severity === 'error').length;
  let refusal: IssueLink['refusal'];
  if (!draft.isDraft) {
    refusal = { reason: 'not-a-draft', message: 'This is not an LFX proposal draft: it needs the sections CNCF Project, Term, Program Description and Mentors.' };
  } else if (errors) {
    refusal = { reason: 'errors', message: `The draft has ${errors} error${errors === 1 ? '' : 's'} the bot would report; fix ${errors === 1 ? 'it' : 'them'} first, or copy the body to the clipboard.` };
  } else if (bytes > max) {
    refusal = {
      reason: 'too-long',
      message: `The prefilled link would be ${bytes.toLocaleString('en-US')} bytes, longer than GitHub accepts (about ${max.toLocaleString('en-US')}); copy the issue body to the clipboard and paste it, or use \`gh issue create\`.`,
    };
  }
  return { url, bytes, title, manual: manualSteps(draft), refusal };
}

/** Lone surrogates (half of an emoji cut by an edit) replaced: encodeURIComponent throws on them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** POSIX shell quoting. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `gh issue create -R cncf/mentoring --title '…' --body-file DRAFT.md`: posts the body as written. */
export function ghIssueCommand(draft: DraftModel, bodyFile: string, repository = DEFAULT_TARGET.repository): string {
  return ['gh', 'issue', 'create', '-R', shellQuote(repository), '--title', shellQuote(wellFormed(issueTitle(draft))), '--body-file', shellQuote(bodyFile)].join(' ');
}

