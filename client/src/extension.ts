// The thin client: starts the language server for markdown files and wires the palette commands.
// It does no analysis of its own.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { entrySnippetRequest, type CustomRequest } from '../../server/src/protocol';
import { registerDraftCommands, type DraftsApi } from './drafts';

let client: LanguageClient | undefined;

function documentSelector(): LanguageClientOptions['documentSelector'] {
  const config = vscode.workspace.getConfiguration('projectIdeas');
  // With detection by content, any markdown file may be an ideas file: the server decides.
  if (config.get<boolean>('detectByContent', true)) {
    return [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ];
  }
  const globs = [...config.get<string[]>('files', []), ...config.get<string[]>('drafts.files', [])];
  return globs.map((pattern) => ({ language: 'markdown', scheme: 'file', pattern }));
}

/** The extension's API: the draft commands' link opener, replaceable by tests. */
export async function activate(context: vscode.ExtensionContext): Promise<DraftsApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: 'projectIdeas',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yml,yaml}'),
        // A deleted folder comes as one event for the folder: forward deletions of any path.
        vscode.workspace.createFileSystemWatcher('**/*', true, true, false),
      ],
    },
  };
  client = new LanguageClient('projectIdeas', 'Project Ideas', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('projectIdeas.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('projectIdeas.insertProposal', () => insertEntry('proposal')),
    vscode.commands.registerCommand('projectIdeas.insertProjectSection', () => insertEntry('project')),
  );
  const drafts = registerDraftCommands(() => client);
  context.subscriptions.push(...drafts.disposables);
  await client.start();
  return drafts.api;
}

/** Asks the server for an entry shaped by the file's own template and inserts it with its tab stops. */
async function insertEntry(kind: 'proposal' | 'project'): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const document = editor.document;
  // Inserted after the cursor's line when the line holds text (the server adds the blank lines).
  const line = document.lineAt(editor.selection.active.line);
  const at = line.isEmptyOrWhitespace ? editor.selection.active : line.range.end;
  const result = await sendCustomRequest(client, entrySnippetRequest, {
    textDocument: { uri: document.uri.toString() },
    position: { line: at.line, character: at.character },
    kind,
  });
  if (!result) {
    void vscode.window.showInformationMessage('Project Ideas: this file is not a project-ideas file.');
    return;
  }
  // Inside a proposal, the server answers with the end of that proposal: never in the middle of it.
  const where = result.position ? new vscode.Position(result.position.line, result.position.character) : at;
  await editor.insertSnippet(new vscode.SnippetString(result.snippet), where);
}

/** A custom request, typed by its definition in server/src/protocol.ts. */
function sendCustomRequest<P, R>(languageClient: LanguageClient, request: CustomRequest<P, R>, params: P): Promise<R> {
  return languageClient.sendRequest<R>(request.method, params);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
