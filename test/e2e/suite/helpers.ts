// Shared helpers of the real-editor tests: find and open fixtures, wait for the language server by
// polling for the state a test expects (never a fixed sleep), and describe symbols readably.
//
// Tests share one editor and one copy of test/e2e/workspace, and never depend on each other's order:
// - a test that edits a fixture opens it with editFixture() (which waits until the language server
//   answers for it) and calls restore() after it (afterEach), which puts the text back as on disk and
//   waits until the server shows the restored text again (an ideas file's outline and index; what
//   another kind of file shows is the test's `sight`, e.g. a draft's outline and diagnostics);
// - a test that needs a file of its own writes it with scratchFile() and removes it with remove(),
//   which waits until the server's index has dropped it;
// - a command with an effect runs once, after the server is ready; the test then polls for the effect
//   (never re-issues the command).
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
  /** Give up after this many milliseconds (default 60 s: generous, for a loaded machine). */
  timeout?: number;
  /** Wait this long between probes (default 200 ms). */
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
  { timeout = 60_000, interval = 200, show = preview }: PollOptions<T> = {},
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

/**
 * What the language server shows of a document: our outline (names, kinds, details) and the file's
 * entries in the workspace index (Ctrl+T names and lines). Equal views mean the server has caught up.
 */
export async function serverView(uri: vscode.Uri): Promise<{ outline: string; index: string }> {
  const outline = symbolTree(ours(await documentSymbols(uri)));
  const index = ours(await workspaceSymbols(''))
    .filter((s) => s.location.uri.toString() === uri.toString())
    .map((s) => `${s.name} [${vscode.SymbolKind[s.kind]}] line ${s.location.range.start.line + 1}`)
    .sort()
    .join('\n');
  return { outline, index };
}

const showView = (view: { outline: string; index: string }) => `outline:\n${view.outline || '(none)'}\nindex:\n${view.index || '(none)'}`;

async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** A fixture opened for a test that edits it. */
export interface EditedFixture {
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  /** Puts the text back as on disk and waits until the language server shows it again. */
  restore(): Promise<void>;
}

/** What the language server shows of a file, as text; undefined while it has not answered for it yet. */
export type ServerSight = (uri: vscode.Uri) => Promise<string | undefined>;

/** An ideas file's outline and index entries (serverView), once both are there. */
export const ideasSight: ServerSight = async (uri) => {
  const view = await serverView(uri);
  return view.outline && view.index ? showView(view) : undefined;
};

/**
 * Opens a fixture for editing once the language server answers for it (by default its outline and
 * its index entries are there), after checking no earlier test left it modified.
 */
export async function editFixture(relativePath: string, sight: ServerSight = ideasSight): Promise<EditedFixture> {
  const editor = await openFixture(relativePath);
  const document = editor.document;
  const original = await diskText(document.uri);
  assert.ok(!document.isDirty && document.getText() === original, `${relativePath} was left modified by an earlier test`);
  const pristine = await pollUntil(`the language server's view of ${relativePath}`, () => sight(document.uri), (view) => view !== undefined, {
    show: (view) => view ?? '(not answered yet)',
  });
  const restore = async () => {
    if (document.isDirty || document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${relativePath}`);
      await document.save();
    }
    await pollUntil(`${relativePath} restored in the editor`, () => ({ text: document.getText(), dirty: document.isDirty }), (d) => !d.dirty && d.text === original, {
      show: (d) => `dirty: ${d.dirty}\n${d.text.slice(-600)}`,
    });
    await pollUntil(`the language server to show ${relativePath} restored`, () => sight(document.uri), (view) => view === pristine, {
      show: (view) => `${view ?? '(not answered yet)'}\n--- expected:\n${pristine}`,
    });
  };
  return { editor, document, restore };
}

let scratchFiles = 0;

/** A file a test writes into the workspace for itself alone: at a path no other test uses. */
export interface ScratchFile {
  uri: vscode.Uri;
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  /** Empties, closes and deletes the file, waiting until the server's index no longer lists it. */
  remove(): Promise<void>;
}

/**
 * Writes `text` to `programs/lfx-mentorship/<term>-e2e-<n>/<name>` (a new folder per call, so the
 * editor holds no earlier document of that path) and opens it.
 */
export async function scratchFile(term: string, text: string, name = 'project_ideas.md'): Promise<ScratchFile> {
  await activateExtension();
  const folder = fixtureUri(`programs/lfx-mentorship/${term}-e2e-${++scratchFiles}`);
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.getText(), text, 'the new file opened with the text written');
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const remove = async () => {
    // The editor keeps a closed document alive for a while, and the server keeps an open document in
    // its index whatever happens on disk: so empty the document and save it before deleting the file,
    // and wait until the index no longer lists anything of it.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), '');
    assert.ok(await vscode.workspace.applyEdit(edit), 'could not empty the scratch file');
    await document.save();
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await pollUntil(`${vscode.workspace.asRelativePath(uri)} to leave the workspace index`, () => serverView(uri), (view) => view.index === '', { show: showView });
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  };
  return { uri, editor, document, remove };
}
