// The workspace data store: quotas.yml and projects.yml of the workspace folders (read by
// ../workspaceData.ts, as the CLI reads them), reloaded when one of them changes. A bad file is one
// warning and the defaults. The analyses key on the current object: a reload re-checks documents.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { defaultWorkspaceData, readWorkspaceData, type WorkspaceData } from '../workspaceData';

export class WorkspaceDataStore {
  private value: WorkspaceData = defaultWorkspaceData();
  private readonly listeners: (() => void)[] = [];
  /** Settled when the newest load is done: analyses wait for it, so a first answer uses the workspace's files. */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly connection: Connection) {}

  /** The data in use: replaced as a whole on each load (analyses compare it by identity). */
  get current(): WorkspaceData {
    return this.value;
  }

  /** Called after each load, once the new data is current. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Reads the data files of the first folder holding each; absent ones give the defaults. */
  load(folders: readonly string[]): Promise<void> {
    this.ready = readWorkspaceData(folders, (problem) => this.warn(problem)).then((value) => {
      this.value = value;
      for (const listener of this.listeners) listener();
    });
    return this.ready;
  }

  /** A warning shown to the user (a notification: nothing to answer, nothing to fail). */
  private warn(problem: string): void {
    // YAML errors quote the offending lines: keep the first line of the error only.
    const message = problem.replace(/:?\n[\s\S]*?(\); using)/, '$1').replace(/\s+/g, ' ');
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Project Ideas: ${message}` }).catch(() => undefined);
  }
}
