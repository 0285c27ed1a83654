// Pull diagnostics: findings as LSP Diagnostics, each converted and serialised once. The findings
// come from the analysis store (lsp/analyses.ts: one rule run per version); a diagnostic's `data`
// only names its rule, and code actions find its fixes again in those findings.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { StaleCheck } from '../lsp/analyses';
import { jsonArray, jsonOf, jsonPiece, withJson } from '../preserialized';
import type { ResolvedFinding, Severity } from '../rules/types';

export const SOURCE = 'project-ideas';

/**
 * What a diagnostic carries in `data`: its rule, nothing the size of a fix (the report is sent and
 * parsed on every keystroke). Code actions look the fixes up in the current version's findings.
 */
export interface DiagnosticData {
  ruleId: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: ResolvedFinding): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = finding.related?.map((r) => ({
    location: { uri: r.uri, range: r.range },
    message: r.message,
  }));
  const data: DiagnosticData = { ruleId: finding.ruleId };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
    ...(related?.length ? { relatedInformation: related } : {}),
    data,
  };
}

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
 * Diagnostics of a document's current version, converted once per analysis. Throws StaleRequest
 * when `token` is cancelled, or when the document changed while settings were fetched (the client
 * asks again for the new one).
 */
export async function documentDiagnostics(ctx: ServerContext, uri: string, token?: { isCancellationRequested: boolean }): Promise<Diagnostic[]> {
  const version = ctx.documents.get(uri)?.version;
  const found = await ctx.analyses.analyse(uri, () =>
    token?.isCancellationRequested ? 'cancelled' : version !== undefined && !ctx.models.isCurrent(uri, version) ? 'changed' : undefined,
  );
  if (!found) return [];
  return (found.analysis.diagnostics ??= converted(found.analysis.findings));
}

/** Each resolved finding's diagnostic and JSON text, made once (the rule cache keeps unchanged findings' objects). */
const conversions = new WeakMap<ResolvedFinding, { diagnostic: Diagnostic; json: Buffer }>();

function conversionOf(finding: ResolvedFinding): { diagnostic: Diagnostic; json: Buffer } {
  let found = conversions.get(finding);
  if (!found) {
    const diagnostic = toDiagnostic(finding);
    conversions.set(finding, (found = { diagnostic, json: jsonPiece(diagnostic) }));
  }
  return found;
}

/** The diagnostics of a version, marked with their JSON text assembled from per-finding pieces (preserialized.ts). */
export function converted(findings: ResolvedFinding[]): Diagnostic[] {
  const pieces = findings.map(conversionOf);
  return withJson(
    pieces.map((p) => p.diagnostic),
    jsonArray(pieces.map((p) => p.json)),
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
