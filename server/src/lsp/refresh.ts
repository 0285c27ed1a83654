// Asks the client to pull diagnostics again (workspace/diagnostic/refresh) when something the
// findings of open documents depend on changed: another file in the index, the settings, the
// workspace data. Each refresh makes the client pull every open document's full report, so they
// are throttled, and held back while the workspace is being indexed (one refresh at its end).
import type { Connection } from 'vscode-languageserver/node';

export class DiagnosticsRefresher {
  private timer: NodeJS.Timeout | undefined;
  private holds = 0;
  private wanted = false;
  /** Set from the client's capabilities (workspace.diagnostics.refreshSupport). */
  supported = false;
  /** Refreshes sent since start (projectIdeas/stats: tests count them). */
  sent = 0;

  constructor(
    private readonly connection: Connection,
    private readonly delay = 400,
  ) {}

  /** A refresh at most `delay` ms from now (none while held: one when released). */
  schedule(): void {
    if (!this.supported) return;
    if (this.holds) {
      this.wanted = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, this.delay);
  }

  /** Holds refreshes back until `release` (workspace indexing: many changes, one refresh). */
  hold(): void {
    this.holds++;
  }

  /** Ends a `hold`; the refreshes wanted meanwhile become one, sent now. */
  release(): void {
    if (this.holds === 0 || --this.holds > 0 || !this.wanted) return;
    this.wanted = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.send();
  }

  /** No more refreshes (the server is shutting down). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.supported = false;
    this.wanted = false;
  }

  private send(): void {
    if (!this.supported) return;
    this.sent++;
    try {
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    } catch {
      // The connection is gone: nobody to refresh.
    }
  }
}
