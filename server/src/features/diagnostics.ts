// Pull diagnostics: the rules' findings as LSP Diagnostics. The findings of a document's newest
// version are kept (ServerContext.lastAnalysis) under everything they depend on, so repeated pulls
// and code actions on one version run the rules once; a diagnostic's `data` only names its rule, and
// code actions find its fixes again in those findings. Also loads the workspace's quotas.yml and
// projects.yml.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Diagnostic, type DiagnosticRelatedInformation, type FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { jsonArray, jsonOf, jsonPiece, withJson } from '../preserialized';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ProjectCatalog, Quotas, type LoadResult } from '../core/cncfProjects';
import { termOfPath } from '../core/term';
import { uriToPath, type Analysis, type AnalysisKey, type ServerContext } from '../context';
import { runRules } from '../rules';
import { knowledgeView } from '../rules/knowledgeView';
import type { ResolvedFinding, Severity } from '../rules/types';
import type { Settings } from '../settings';

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

/** Thrown by `findingsFor` when its `stale` check says the answer is no longer wanted. */
export class StaleRequest extends Error {
  constructor(readonly cancelled: boolean) {
    super(cancelled ? 'cancelled' : 'the document changed');
  }
}

type StaleCheck = () => 'cancelled' | 'changed' | undefined;

function keyOf(ctx: ServerContext, document: TextDocument, settings: Settings): AnalysisKey {
  return { version: document.version, settings, catalog: ctx.catalog, quotas: ctx.quotas, indexRevision: ctx.index.revisionExcept(document.uri) };
}

function sameKey(a: AnalysisKey, b: AnalysisKey): boolean {
  return a.version === b.version && a.settings === b.settings && a.catalog === b.catalog && a.quotas === b.quotas && a.indexRevision === b.indexRevision;
}

function tooLarge(maxFileSize: number): ResolvedFinding {
  return {
    ruleId: 'file-too-large',
    severity: 'information',
    message: `Project Ideas does not check this file: it is larger than projectIdeas.maxFileSize (${maxFileSize} bytes). Raise the setting to check it.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

/** The rules run on a document's current text and model. */
function ruleFindings(ctx: ServerContext, document: TextDocument, text: string, settings: Settings): ResolvedFinding[] {
  const uri = document.uri;
  const model = ctx.modelOf(document);
  const filePath = uriToPath(uri);
  return runRules(
    {
      uri,
      path: filePath,
      text,
      lines: ctx.linesOf(document),
      model,
      term: ctx.index.get(uri)?.term ?? termOfPath(filePath),
      catalog: ctx.catalog,
      quotas: ctx.quotas.withOverrides(settings.quotas),
      knowledge: knowledgeView(ctx.index, ctx.knowledge),
    },
    {
      severities: settings.rules,
      cache: ctx.ruleCacheFor(uri),
      onError: (ruleId, error) => ctx.connection.console.error(`Project Ideas: rule ${ruleId} failed on ${uri}: ${String((error as Error)?.stack ?? error)}`),
    },
  );
}

/**
 * The analysis of an open ideas document's current version (undefined: not an ideas document):
 * the remembered one while its key holds, else the rules' run, remembered.
 */
async function analyse(ctx: ServerContext, uri: string, stale?: StaleCheck): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
  const check = () => {
    const why = stale?.();
    if (why) throw new StaleRequest(why === 'cancelled');
  };
  check();
  const document = ctx.documents.get(uri);
  if (!document) return undefined;
  const settings = await ctx.settingsFor(uri);
  check();
  const last = ctx.lastAnalysis(uri);
  // Only ideas documents are remembered, and being one depends on path, text and settings alone.
  if (last && sameKey(last.key, keyOf(ctx, document, settings))) return { document, analysis: last };
  if (!(await ctx.isIdeasDocument(document))) return undefined;
  check();
  const text = document.getText();
  const large = ctx.isOverSize(document, settings.maxFileSize);
  const findings = large ? [tooLarge(settings.maxFileSize)] : ruleFindings(ctx, document, text, settings);
  const analysis: Analysis = { key: keyOf(ctx, document, settings), findings };
  ctx.rememberAnalysis(uri, analysis);
  return { document, analysis };
}

/**
 * The findings for an open ideas document's current version under its settings (undefined: not an
 * ideas document); the remembered ones when nothing they depend on changed. `stale`, checked after
 * each wait (settings may be a round trip to the client), stops work nobody wants any more: it
 * returns 'cancelled' or 'changed' to throw a StaleRequest.
 */
export async function findingsFor(ctx: ServerContext, uri: string, stale?: StaleCheck): Promise<{ document: TextDocument; findings: ResolvedFinding[] } | undefined> {
  const found = await analyse(ctx, uri, stale);
  return found && { document: found.document, findings: found.analysis.findings };
}

/**
 * Diagnostics of a document's current version, converted once per analysis. Throws StaleRequest
 * when `token` is cancelled, or when the document changed while settings were fetched (the client
 * asks again for the new one).
 */
export async function documentDiagnostics(ctx: ServerContext, uri: string, token?: { isCancellationRequested: boolean }): Promise<Diagnostic[]> {
  const version = ctx.documents.get(uri)?.version;
  const found = await analyse(ctx, uri, () =>
    token?.isCancellationRequested ? 'cancelled' : version !== undefined && !ctx.isCurrent(uri, version) ? 'changed' : undefined,
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

// ---- workspace data: quotas.yml and projects.yml -------------------------------------------------

const AUTOMATION = ['programs', 'lfx-mentorship', 'automation'];

export function isWorkspaceDataFile(uri: string): boolean {
  return /\/programs\/lfx-mentorship\/automation\/(?:quotas|projects)\.ya?ml$/i.test(uriToPath(uri).replace(/\\/g, '/'));
}

/** Reads the first workspace folder's quotas.yml and projects.yml holding them; bad YAML: a warning and the defaults. */
export async function loadWorkspaceData(ctx: ServerContext, folders: string[]): Promise<void> {
  let quotas: Quotas | undefined;
  let catalog: ProjectCatalog | undefined;
  for (const folder of folders) {
    const dir = path.join(folder, ...AUTOMATION);
    quotas ??= await readData(ctx, path.join(dir, 'quotas.yml'), Quotas.fromYaml);
    catalog ??= await readData(ctx, path.join(dir, 'projects.yml'), ProjectCatalog.fromYaml);
  }
  ctx.quotas = quotas ?? Quotas.defaults();
  ctx.catalog = catalog ?? ProjectCatalog.snapshot();
}

/** One data file read with its loader (undefined when absent); the loader's problem, if any, is shown. */
async function readData<T>(ctx: ServerContext, file: string, load: (text: string, source: string) => LoadResult<T>): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const loaded = load(text, file);
  if (loaded.problem) warn(ctx, loaded.problem);
  return loaded.value;
}

/** A warning shown to the user (a notification: nothing to answer, nothing to fail). */
function warn(ctx: ServerContext, problem: string): void {
  // YAML errors quote the offending lines: keep the first line of the error only.
  problem = problem.replace(/:?\n[\s\S]*?(\); using)/, '$1').replace(/\s+/g, ' ');
  void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Project Ideas: ${problem}` }).catch(() => undefined);
}

// ---- refresh ------------------------------------------------------------------------------------

/** Asks the client to re-pull diagnostics, at most once per `delay` ms, when the client supports it. */
export class DiagnosticsRefresher {
  private timer: NodeJS.Timeout | undefined;
  supported = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly delay = 400,
  ) {}

  schedule(): void {
    if (!this.supported || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, this.delay);
  }
}
