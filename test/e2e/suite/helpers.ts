// Shared helpers of the real-editor tests: find and open fixtures, wait for the language server by
// polling for the state a test expects (never a fixed sleep), and describe symbols readably.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'project-ideas.project-ideas';

/** The fixture workspace (test/e2e/workspace) as the editor sees it. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open: the runner must open test/e2e/workspace');
  return folder.uri;
}

/** A file of the fixture workspace, by its `/`-separated path relative to the workspace root. */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export const IDEAS_2025 = 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';
export const IDEAS_2024 = 'programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md';

/** Activates this extension (it normally activates on markdown) and fails clearly when it cannot. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository root?`);
  await extension.activate();
  return extension;
}

/** Opens a fixture in an editor (activating the extension first) and returns the editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  await activateExtension();
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  assert.equal(document.languageId, 'markdown', `${relativePath} did not open as markdown`);
  return vscode.window.showTextDocument(document, { preview: false });
}

export interface PollOptions<T> {
  /** Give up after this many milliseconds (default 20 s). */
  timeout?: number;
  /** Wait this long between probes (default 100 ms). */
  interval?: number;
  /** How to show the last result in the failure message (default: JSON, cut at 1500 characters). */
  show?: (value: T) => string;
}

/**
 * Calls `probe` until `accept` says its result is the expected state, and returns that result.
 * On timeout it fails with `what` and the last result (or error), so a red test says what it saw.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Thenable<T> | T,
  accept: (value: T) => boolean,
  { timeout = 20_000, interval = 100, show = preview }: PollOptions<T> = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: { value?: T; error?: unknown } = {};
  for (;;) {
    try {
      const value = await probe();
      if (accept(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  const seen = last.error !== undefined ? `the last probe failed: ${String(last.error)}` : `last seen:\n${show(last.value as T)}`;
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}; ${seen}`);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v) => (typeof v === 'object' && v && 'fsPath' in v ? String(v) : v));
  } catch {
    text = String(value);
  }
  return text === undefined ? 'undefined' : text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

/** Symbols of a document from every provider (ours and VS Code's markdown), as the Outline gets them. */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return result ?? [];
}

/** Workspace symbols (Ctrl+T) for a query, from every provider. */
export async function workspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
  const result = await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', query);
  return result ?? [];
}

/** Our outline and a count of VS Code's markdown headings, as text for failure messages. */
export function showOutline(symbols: readonly vscode.DocumentSymbol[]): string {
  const theirs = symbols.length - ours(symbols).length;
  const mine = ours(symbols);
  return `${mine.length ? symbolTree(mine) : '(no Project Ideas symbols)'}\n(plus ${theirs} top-level symbol(s) from VS Code's markdown outline)`;
}

/** Workspace symbols as text (`name [Kind] in container at path`), for failure messages. */
export function showSymbols(symbols: readonly vscode.SymbolInformation[]): string {
  const lines = symbols.map(
    (s) => `${s.name} [${vscode.SymbolKind[s.kind]}]${s.containerName ? ` in ${s.containerName}` : ''} at ${vscode.workspace.asRelativePath(s.location.uri)}:${s.location.range.start.line + 1}`,
  );
  return lines.join('\n') || '(none)';
}

/** A symbol tree as indented text (`name [Kind] detail`), for assertion messages and debugging. */
export function symbolTree(symbols: readonly vscode.DocumentSymbol[], depth = 0): string {
  return symbols
    .map((s) => {
      const line = `${'  '.repeat(depth)}${s.name} [${vscode.SymbolKind[s.kind]}]${s.detail ? ` ${s.detail}` : ''}`;
      return s.children?.length ? `${line}\n${symbolTree(s.children, depth + 1)}` : line;
    })
    .join('\n');
}

/** Our symbols only: VS Code's built-in markdown provider reports headings as String symbols. */
export function ours<T extends { kind: vscode.SymbolKind }>(symbols: readonly T[]): T[] {
  return symbols.filter((s) => s.kind !== vscode.SymbolKind.String);
}
