// Quick fixes on a draft: the fixes its findings carry (convert a mentor line to the pipe form, add
// a missing section, tick or untick a box, demote a heading inside a field), found again in the
// current version's findings as for ideas files, and "fix all" per rule. No "disable the rule"
// comment: it would be posted with the issue body.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { ServerContext } from '../../context';
import { mergeFixes } from '../codeActions';
import { findingsFor } from '../diagnostics';
import { SOURCE } from '../../lsp/analyses';
import type { Fix } from '../../rules/types';

const sameRange = (a: CodeActionParams['range'], b: CodeActionParams['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export async function draftCodeActions(server: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  if (only && !only.some((o) => CodeActionKind.QuickFix === o || CodeActionKind.QuickFix.startsWith(`${o}.`))) return [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof (d.data as { ruleId?: unknown } | undefined)?.ruleId === 'string');
  if (!ours.length) return [];
  const found = await findingsFor(server, uri);
  if (!found) return [];
  const actions: CodeAction[] = [];
  const rules = new Set<string>();
  for (const diagnostic of ours) {
    const ruleId = (diagnostic.data as { ruleId: string }).ruleId;
    rules.add(ruleId);
    const finding = found.findings.find((f) => f.ruleId === ruleId && f.message === diagnostic.message && sameRange(f.range, diagnostic.range));
    const fixes = finding?.fixes ?? [];
    fixes.forEach((fix, i) =>
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0, edit: { changes: { [uri]: fix.edits } } }),
    );
  }
  for (const ruleId of rules) {
    const fixes: Fix[] = found.findings.filter((f) => f.ruleId === ruleId && f.fixes?.[0]?.safeForFixAll).map((f) => f.fixes![0]);
    if (fixes.length < 2) continue;
    actions.push({ title: `Fix all ${fixes.length} "${ruleId}" problems in this draft`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: mergeFixes(fixes) } } });
  }
  return actions;
}
