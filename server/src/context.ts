// The server's stores, each with one job, and what the features read through them:
//   documents / models   the open documents and their incremental models (lsp/documents.ts)
//   settings             `projectIdeas.*` per resource, asked once, cleared on change (lsp/settings.ts)
//   analyses             findings per version, rule caches, stale requests (lsp/analyses.ts)
//   data                 quotas.yml and projects.yml (lsp/workspaceData.ts)
//   index / knowledge    every ideas file's model; mentors, skills, projects across them (core/)
//   kinds                which kind owns an open document (lsp/kinds.ts)
// Features read models; they never parse.
import type { Connection } from 'vscode-languageserver/node';
import type { ProjectCatalog, Quotas } from './core/cncfProjects';
import { KnowledgeIndex } from './core/knowledge';
import { WorkspaceIndex } from './core/workspaceIndex';
import { AnalysisStore } from './lsp/analyses';
import type { DocumentKindService } from './lsp/documentKind';
import { DocumentModels, type EditRecordingDocuments } from './lsp/documents';
import { DocumentKinds } from './lsp/kinds';
import { SettingsStore } from './lsp/settings';
import { WorkspaceDataStore } from './lsp/workspaceData';

export class ServerContext {
  readonly index = new WorkspaceIndex();
  readonly data: WorkspaceDataStore;
  /** Mentors, upstream targets, skills and project sections across the index, updated per file. */
  readonly knowledge: KnowledgeIndex;
  readonly settings: SettingsStore;
  readonly models: DocumentModels;
  readonly analyses: AnalysisStore;
  readonly kinds: DocumentKinds;
  /** True until a workspace indexing run has finished: hovers say the workspace is not all known yet. */
  indexing = true;

  constructor(
    readonly connection: Connection,
    readonly documents: EditRecordingDocuments,
    kinds?: readonly DocumentKindService[],
  ) {
    this.data = new WorkspaceDataStore(connection);
    this.knowledge = KnowledgeIndex.attach(this.index, () => this.data.current.catalog);
    this.data.onDidChange(() => this.knowledge.catalogChanged());
    this.settings = new SettingsStore(connection);
    this.models = new DocumentModels(documents, this.index);
    this.analyses = new AnalysisStore(this);
    this.kinds = new DocumentKinds(this, kinds);
  }

  /** CNCF projects: the workspace's projects.yml when loaded, else the shipped snapshot. */
  get catalog(): ProjectCatalog {
    return this.data.current.catalog;
  }

  /** Proposals allowed per project per term: the workspace's quotas.yml when loaded, else the defaults. */
  get quotas(): Quotas {
    return this.data.current.quotas;
  }

  /** An open document was closed: every store forgets it. */
  forget(uri: string): void {
    this.models.forget(uri);
    this.analyses.forget(uri);
    this.kinds.forget(uri);
    for (const kind of this.kinds.all) kind.forget?.(uri);
  }
}
