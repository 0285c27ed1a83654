// Code actions: apply a diagnostic's fix from its `data` (no re-parse), disable its rule for the file,
// and fix every problem of one rule in the file at once.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { disableFix } from '../rules/disable';
import type { Fix } from '../rules/types';
import { comparePos, splitLines } from '../rules/util';
import { findingsFor, SOURCE, type DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.projectIdeas`;

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || !data || typeof data.ruleId !== 'string' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}

/** Merges the edits of several fixes, dropping any edit that overlaps one already kept. */
export function mergeFixes(fixes: Fix[]): TextEdit[] {
  const kept: TextEdit[] = [];
  for (const fix of fixes) {
    const edits = fix.edits;
    const clash = edits.some((e) =>
      kept.some((k) => comparePos(e.range.start, k.range.end) < 0 && comparePos(k.range.start, e.range.end) < 0),
    );
    if (!clash) kept.push(...edits);
  }
  return kept;
}

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const document = ctx.documents.get(uri);
  if (!document) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const rulesHere = new Set<string>();
  if (wants(CodeActionKind.QuickFix)) {
    const lines = splitLines(document.getText());
    for (const diagnostic of params.context.diagnostics) {
      const data = dataOf(diagnostic);
      if (!data) continue;
      rulesHere.add(data.ruleId);
      data.fixes.forEach((fix, i) =>
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: i === 0 && data.fixes.length === 1,
          edit: { changes: { [uri]: fix.edits } },
        }),
      );
      if (data.ruleId !== 'file-too-large') {
        const disable = disableFix(lines, data.ruleId);
        actions.push({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: disable.edits } } });
      }
    }
  }
  const fixAllKind = wants(FIX_ALL_KIND) && only !== undefined;
  if (rulesHere.size || fixAllKind) {
    const found = await findingsFor(ctx, uri);
    if (!found) return actions;
    const byRule = new Map<string, Fix[]>();
    for (const finding of found.findings) {
      const fix = finding.fixes?.[0];
      if (!fix?.safeForFixAll) continue;
      const list = byRule.get(finding.ruleId);
      if (list) list.push(fix);
      else byRule.set(finding.ruleId, [fix]);
    }
    for (const ruleId of rulesHere) {
      const fixes = byRule.get(ruleId) ?? [];
      if (fixes.length < 2) continue;
      actions.push({
        title: `Fix all ${fixes.length} "${ruleId}" problems in this file`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [uri]: mergeFixes(fixes) } },
      });
    }
    if (fixAllKind) {
      const all = [...byRule.values()].flat();
      if (all.length) actions.push({ title: 'Fix all Project Ideas problems that have a safe fix', kind: FIX_ALL_KIND, edit: { changes: { [uri]: mergeFixes(all) } } });
    }
  }
  return actions;
}
