// Invented drafts and a runner for the draft rules (no LSP). People, projects and issues are invented.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkDraft, draftWorkspace, loadForm, type CheckDraftOptions, type KnownProposal } from '../../../server/src/drafts';
import type { ResolvedFinding, TextEdit } from '../../../server/src/rules/types';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/drafts');
export const CLEAN = readFileSync(path.join(FIXTURES, 'clean.lfx-proposal.md'), 'utf8');
export const URI = 'file:///ws/drafts/trace.lfx-proposal.md';

/** The clean draft with one substring replaced (throws when the substring is not there once). */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A section's value replaced: `### Label\n\nvalue` -> `### Label\n\n<to>`. */
export function setField(text: string, label: string, to: string): string {
  const re = new RegExp(`(^### ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\n)([\\s\\S]*?)(\\n\\n### |\\n?(?![\\s\\S]))`, 'm');
  const m = re.exec(text);
  if (!m) throw new Error(`no section ${label}`);
  return text.slice(0, m.index) + m[1] + to + m[3] + text.slice(m.index + m[0].length);
}

export function run(text: string, options: CheckDraftOptions = {}): ResolvedFinding[] {
  return checkDraft(text, { uri: URI, ...options }).findings;
}

export function ids(text: string, options: CheckDraftOptions = {}): string[] {
  return [...new Set(run(text, options).map((f) => f.ruleId))].sort();
}

export function workspace(proposals: KnownProposal[]) {
  return draftWorkspace({ proposals });
}

export const WORKSPACE_FORM_WITH_2027 = loadForm(
  readFileSync(path.resolve(__dirname, '../../../server/src/drafts/data/lfx-program-proposal.yml'), 'utf8').replace(
    '        - "2026 Term 3 (Sep-Nov)"',
    '        - "2026 Term 3 (Sep-Nov)"\n        - "2027 Term 1 (Mar-May)"',
  ),
);

/** Applies text edits (LSP positions) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The text a range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

/** Another proposal the workspace knows: by default an accepted Jaeger program of 2026 Term 3 (the README's). */
export function accepted(over: Partial<KnownProposal> = {}): KnownProposal {
  return {
    uri: 'file:///ws/programs/lfx-mentorship/2026/03-Sep-Nov/README.md',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
    title: 'Span storage rework',
    project: 'Jaeger',
    term: '2026/03-Sep-Nov',
    upstream: 'https://github.com/example-org/tracer/issues/99',
    source: 'readme',
    ...over,
  };
}
