// The analysis store: the findings of each open document's newest analysed version, kept under
// everything they depend on (version, settings, workspace data, the other files' index revision) so
// repeated pulls and code actions on one version run the rules once; their LSP diagnostics, each
// finding converted and serialised once; the rule caches that let an edit re-run only what it
// changed; and the end of work nobody waits for (StaleRequest).
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileTooLarge, TOO_LARGE_MESSAGE } from '../analyse';
import type { ServerContext } from '../context';
import { RuleCache } from '../rules';
import { jsonArray, jsonPiece, withJson } from '../preserialized';
import type { ResolvedFinding, Severity } from '../rules/types';
import type { Settings } from '../settings';
import type { WorkspaceData } from '../workspaceData';
import type { DocumentKindService, KindRequest } from './documentKind';

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

function toDiagnostic(finding: ResolvedFinding): Diagnostic {
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

/** Everything the findings of a document depend on besides its text; equal keys give equal findings. */
export interface AnalysisKey {
  version: number;
  settings: Settings;
  data: WorkspaceData;
  /** WorkspaceIndex.revisionExcept(the document): cross-file rules read the other files' entries. */
  indexRevision: number;
  /** The kind's findingsDependOn (e.g. the other open drafts), compared by identity. */
  kindInputs: unknown;
}

export interface Analysis {
  key: AnalysisKey;
  findings: ResolvedFinding[];
  /** The findings as LSP diagnostics, converted on the first pull that needs them (AnalysisStore.diagnostics). */
  diagnostics?: Diagnostic[];
}

/** Thrown when a `stale` check says the answer is no longer wanted. */
export class StaleRequest extends Error {
  constructor(readonly cancelled: boolean) {
    super(cancelled ? 'cancelled' : 'the document changed');
  }
}

/** Says whether the answer is still wanted: 'cancelled', 'changed' (the document), or undefined. */
export type StaleCheck = () => 'cancelled' | 'changed' | undefined;

function sameKey(a: AnalysisKey, b: AnalysisKey): boolean {
  return a.version === b.version && a.settings === b.settings && a.data === b.data && a.indexRevision === b.indexRevision && a.kindInputs === b.kindInputs;
}

export class AnalysisStore {
  /** Per open document: its newest analysis. */
  private readonly analyses = new Map<string, Analysis>();
  /** Per open document: rule findings of the projects an edit left unchanged (rules/cache.ts). */
  private readonly ruleCaches = new Map<string, RuleCache>();
  /** Analyses run (not reused) since start: projectIdeas/stats reports it, so tests can see reuse. */
  analysesRun = 0;

  constructor(private readonly server: ServerContext) {}

  /**
   * The analysis of an open document's current version (undefined: no kind with findings owns it):
   * the remembered one while its key holds, else its kind's findings, remembered. `stale`, checked
   * after each wait (settings may be a round trip to the client), throws a StaleRequest.
   */
  async analyse(uri: string, stale?: StaleCheck): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
    const check = () => {
      const why = stale?.();
      if (why) throw new StaleRequest(why === 'cancelled');
    };
    check();
    const server = this.server;
    const document = server.documents.get(uri);
    if (!document) return undefined;
    const settings = await server.settings.for(uri);
    await server.data.ready;
    check();
    // The owner depends on path, text and settings alone (recognised once per version and settings).
    const kind = await server.kinds.kindOf(document);
    if (!kind?.findings) return undefined;
    check();
    const request = { document, settings, server };
    const last = this.analyses.get(uri);
    if (last && sameKey(last.key, this.keyOf(request, kind))) return { document, analysis: last };
    const findings = server.models.isOverSize(document, settings.maxFileSize)
      ? [fileTooLarge(TOO_LARGE_MESSAGE.setting(settings.maxFileSize))]
      : kind.findings(request);
    // Keyed after the run: reading the document may have changed what the kind depends on.
    const analysis: Analysis = { key: this.keyOf(request, kind), findings };
    this.analysesRun++;
    // A document closed meanwhile is forgotten, not remembered again.
    if (server.documents.get(uri)) this.analyses.set(uri, analysis);
    return { document, analysis };
  }

  /** The diagnostics of an open document's current version, converted once per analysis (none: no kind checks it). */
  async diagnostics(uri: string, stale?: StaleCheck): Promise<Diagnostic[]> {
    const found = await this.analyse(uri, stale);
    if (!found) return [];
    return (found.analysis.diagnostics ??= converted(found.analysis.findings));
  }

  ruleCacheFor(uri: string): RuleCache {
    let cache = this.ruleCaches.get(uri);
    if (!cache) this.ruleCaches.set(uri, (cache = new RuleCache()));
    return cache;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.ruleCaches.delete(uri);
  }

  private keyOf(request: KindRequest, kind: DocumentKindService): AnalysisKey {
    const { document, settings } = request;
    return {
      version: document.version,
      settings,
      data: this.server.data.current,
      indexRevision: this.server.index.revisionExcept(document.uri),
      kindInputs: kind.findingsDependOn?.(request),
    };
  }
}
