// Pull diagnostics: a document's report, and its findings for code actions. Both come from the
// analysis store (lsp/analyses.ts: one rule run per version, each finding converted and serialised
// once); a diagnostic's `data` only names its rule, and code actions find its fixes again in the findings.
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { StaleCheck } from '../lsp/analyses';
import { jsonOf, withJson } from '../preserialized';
import type { ResolvedFinding } from '../rules/types';

/**
 * The findings for an open document's current version under its settings (undefined: no kind with
 * findings owns it); the remembered ones when nothing they depend on changed (lsp/analyses.ts).
 * `stale`, checked after each wait, stops work nobody wants any more (throws a StaleRequest).
 */
export async function findingsFor(ctx: ServerContext, uri: string, stale?: StaleCheck): Promise<{ document: TextDocument; findings: ResolvedFinding[] } | undefined> {
  const found = await ctx.analyses.analyse(uri, stale);
  return found && { document: found.document, findings: found.analysis.findings };
}

/**
 * Diagnostics of a document's current version (none for a document no kind checks). Throws StaleRequest
 * when `token` is cancelled, or when the document changed while settings were fetched (the client
 * asks again for the new one).
 */
export async function documentDiagnostics(ctx: ServerContext, uri: string, token?: { isCancellationRequested: boolean }): Promise<Diagnostic[]> {
  const version = ctx.documents.get(uri)?.version;
  return ctx.analyses.diagnostics(uri, () =>
    token?.isCancellationRequested ? 'cancelled' : version !== undefined && !ctx.models.isCurrent(uri, version) ? 'changed' : undefined,
  );
}

const REPORT_HEAD = Buffer.from('{"kind":"full","items":');
const REPORT_TAIL = Buffer.from('}');

/** A full report of these diagnostics, written from their JSON text when it is known. */
export function fullReport(items: Diagnostic[]): FullDocumentDiagnosticReport {
  const json = jsonOf(items);
  const report: FullDocumentDiagnosticReport = { kind: 'full', items };
  return json === undefined ? report : withJson(report, [REPORT_HEAD, ...json, REPORT_TAIL]);
}
