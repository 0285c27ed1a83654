// The thin client: starts the language server for markdown files and wires the palette commands.
// It does no analysis of its own.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

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
  const globs = config.get<string[]>('files', []);
  return globs.map((pattern) => ({ language: 'markdown', scheme: 'file', pattern }));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: 'projectIdeas',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yml,yaml}'),
    },
  };
  client = new LanguageClient('projectIdeas', 'Project Ideas', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('projectIdeas.restartServer', () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
