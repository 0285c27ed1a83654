// Code actions: a diagnostic's fixes (found again in the current version's findings: `data` only
// names the rule), disabling its rule for the file, and fixing every problem of one rule at once.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { disableFix } from '../rules/disable';
import type { Fix, ResolvedFinding } from '../rules/types';
import { splitLines } from '../rules/util';
import { findingsFor } from './diagnostics';
import { SOURCE, type DiagnosticData } from '../lsp/analyses';
import { comparePos } from '../core/span';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.projectIdeas`;

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || !data || typeof data.ruleId !== 'string') return undefined;
  return data as DiagnosticData;
}

const sameRange = (a: Range, b: Range) => comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;

/**
 * The current finding a diagnostic was made from: same rule, range and message. None when the text
 * changed under it since (the client then holds a stale diagnostic, and its fix would be stale too).
 */
function findingOf(findings: readonly ResolvedFinding[], ruleId: string, diagnostic: Diagnostic): ResolvedFinding | undefined {
  return findings.find((f) => f.ruleId === ruleId && f.message === diagnostic.message && sameRange(f.range, diagnostic.range));
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
  const ours = wants(CodeActionKind.QuickFix)
    ? params.context.diagnostics.flatMap((diagnostic) => {
        const data = dataOf(diagnostic);
        return data ? [{ diagnostic, ruleId: data.ruleId }] : [];
      })
    : [];
  const fixAllKind = wants(FIX_ALL_KIND) && only !== undefined;
  if (!ours.length && !fixAllKind) return [];
  // Right after a pull of this version: the remembered findings, no rule run.
  const found = await findingsFor(ctx, uri);
  const findings = found?.findings ?? [];
  const actions: CodeAction[] = [];
  const rulesHere = new Set<string>();
  // One action per title: several findings on a line (three mentor entries, a TOC entry listed and
  // broken) share their "Disable …" or "Regenerate …" action, which lists all their diagnostics.
  const byTitle = new Map<string, CodeAction>();
  const offer = (action: CodeAction, diagnostic: Diagnostic) => {
    const same = byTitle.get(action.title);
    if (same) {
      same.diagnostics!.push(diagnostic);
      return;
    }
    byTitle.set(action.title, action);
    actions.push(action);
  };
  if (ours.length) {
    const lines = splitLines((found?.document ?? document).getText());
    for (const { diagnostic, ruleId } of ours) {
      rulesHere.add(ruleId);
      const fixes = findingOf(findings, ruleId, diagnostic)?.fixes ?? [];
      fixes.forEach((fix, i) =>
        offer(
          {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: i === 0 && fixes.length === 1,
            edit: { changes: { [uri]: fix.edits } },
          },
          diagnostic,
        ),
      );
      if (ruleId !== 'file-too-large') {
        const disable = disableFix(lines, ruleId);
        offer({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: disable.edits } } }, diagnostic);
      }
    }
  }
  if (!found) return actions;
  const byRule = new Map<string, Fix[]>();
  for (const finding of findings) {
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
  return actions;
}
