// What every feature handler needs: the connection, open documents, models cached by version,
// per-document settings and the workspace index. Features read models; they never parse.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ProjectCatalog, Quotas } from './core/cncfProjects';
import { isIdeasFile } from './core/ideasFiles';
import { KnowledgeIndex } from './core/knowledge';
import type { IdeasModel } from './core/model';
import { parseIdeas } from './core/parse';
import { WorkspaceIndex } from './core/workspaceIndex';
import { resolveSettings, DEFAULT_SETTINGS, type Settings } from './settings';

export function uriToPath(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
  } catch {
    return uri;
  }
}

interface CachedModel {
  version: number;
  model: IdeasModel;
}

export class ServerContext {
  readonly index = new WorkspaceIndex();
  private catalogValue: ProjectCatalog = ProjectCatalog.snapshot();
  /** CNCF projects: the workspace's projects.yml when loaded, else the shipped snapshot. */
  get catalog(): ProjectCatalog {
    return this.catalogValue;
  }
  set catalog(value: ProjectCatalog) {
    this.catalogValue = value;
    this.knowledge.catalogChanged();
  }
  /** Proposals allowed per project per term: the workspace's quotas.yml when loaded, else the defaults. */
  quotas: Quotas = Quotas.defaults();
  /** Mentors, upstream targets, skills and project sections across the index, updated per file. */
  readonly knowledge = KnowledgeIndex.attach(this.index, () => this.catalogValue);
  private readonly models = new Map<string, CachedModel>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly reportedProblems = new Set<string>();
  /** Set once the client says it can answer workspace/configuration. */
  configurationSupported = false;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Settings for a document, fetched once per uri until the configuration changes. */
  settingsFor(uri: string): Promise<Settings> {
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.fetchSettings(uri);
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  clearSettings(): void {
    this.settingsCache.clear();
    this.reportedProblems.clear();
  }

  private async fetchSettings(uri: string): Promise<Settings> {
    if (!this.configurationSupported) return DEFAULT_SETTINGS;
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'projectIdeas' });
    } catch {
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = resolveSettings(raw);
    for (const problem of problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      void this.connection.window.showWarningMessage(`Project Ideas: ${problem}`);
    }
    return settings;
  }

  /** Whether an open document is a project-ideas file under its settings. */
  async isIdeasDocument(document: TextDocument): Promise<boolean> {
    const settings = await this.settingsFor(document.uri);
    return isIdeasFile(uriToPath(document.uri), document.getText(), settings);
  }

  /** The model of an open ideas document at its current version; parsed at most once per version. */
  async modelFor(uri: string): Promise<{ document: TextDocument; model: IdeasModel } | undefined> {
    const document = this.documents.get(uri);
    if (!document || !(await this.isIdeasDocument(document))) return undefined;
    return { document, model: this.modelOf(document) };
  }

  /** The cached model of a document, parsed when its version is new. */
  modelOf(document: TextDocument): IdeasModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = parseIdeas(document.getText(), { path: uriToPath(document.uri) });
    this.models.set(document.uri, { version: document.version, model });
    this.index.set(document.uri, uriToPath(document.uri), model);
    return model;
  }

  /**
   * The last model parsed for an open document, whatever its version (completion answers from it
   * plus the line being typed rather than parsing each keystroke); undefined when none was parsed.
   */
  lastModel(uri: string): IdeasModel | undefined {
    return this.models.get(uri)?.model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
