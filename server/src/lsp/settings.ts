// The settings store: typed `projectIdeas.*` settings per resource, asked of the client once per
// resource (a workspace folder during indexing, an open document's uri otherwise) and kept until the
// configuration changes. Invalid values are shown once each (a warning) and replaced by defaults.
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../settings';

export class SettingsStore {
  /** Set once the client says it can answer workspace/configuration; until then the defaults. */
  supported = false;
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** The settings of a resource (a document or a workspace folder uri), asked once per uri until cleared. */
  for(uri: string): Promise<Settings> {
    let cached = this.cache.get(uri);
    if (!cached) this.cache.set(uri, (cached = this.ask(uri)));
    return cached;
  }

  /** Forgets every answer (the configuration changed); problems are shown again when still there. */
  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }

  private async ask(uri: string): Promise<Settings> {
    if (!this.supported) return DEFAULT_SETTINGS;
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'projectIdeas' });
    } catch {
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = resolveSettings(raw);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      // A notification, not a request: a client that never answers must not leave a rejected promise.
      void this.connection.sendNotification('window/showMessage', { type: 2, message: `Project Ideas: ${problem}` });
    }
    return settings;
  }
}
