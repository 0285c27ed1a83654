// LFX issue-form drafts, LSP-free: the API the language server and the CLI call. Pure functions from
// (text, form, workspace knowledge) to models with LSP-shaped ranges and findings in the rules'
// Finding shape. Nothing here imports vscode-languageserver or vscode.
import type { ResolvedFinding } from '../rules/types';
import { looksLikeDraft, parseDraft, type DraftModel } from './draft';
import { loadForm, type LoadedForm } from './form';
import { runDraftRules, type DraftRunOptions } from './rules';
import type { DraftWorkspace } from './rules/types';

export interface CheckDraftOptions extends DraftRunOptions {
  uri?: string;
  /** The form (loadForm(workspace text)); the shipped copy when absent. */
  form?: LoadedForm;
  workspace?: DraftWorkspace;
}

/** Parses a draft and runs every draft rule on it. Never throws on any text. */
export function checkDraft(text: string, options: CheckDraftOptions = {}): { draft: DraftModel; findings: ResolvedFinding[] } {
  const form = options.form ?? loadForm();
  const safe = typeof text === 'string' ? text : '';
  const draft = parseDraft(safe, form.form);
  const lines = safe.split(/\r\n|\r|\n/);
  const findings = runDraftRules({ uri: options.uri ?? '', text: safe, lines, draft, form, workspace: options.workspace }, options);
  return { draft, findings };
}

/** Whether a text is a draft by content (the bot's test), against the shipped form unless given. */
export function isDraftText(text: string, form: LoadedForm = loadForm()): boolean {
  return looksLikeDraft(text, form.form);
}

export * from './draft';
export * from './form';
export * from './room';
export * from './link';
export * from './newProposal';
export * from './proposeAgain';
export * from './workspace';
export * from './outline';
export { pipeForm } from './rules/mentorFields';
export { DRAFT_RULES, DRAFT_RULE_IDS, runDraftRules, type DraftRunOptions } from './rules';
export type { DraftContext, DraftRule, DraftWorkspace, KnownProposal } from './rules/types';
export { mentorCheck, type MentorCheck, type MentorIssue } from './mentorChecks';
