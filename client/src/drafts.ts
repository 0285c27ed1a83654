// The draft commands of the palette and the code lenses: the client asks the server (which analyses)
// and does what only an editor can: quick picks, new untitled drafts, the clipboard and opening the
// prefilled link in the browser. The server never opens a network connection.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  CLIENT_COMMANDS,
  formOptionsCommand,
  ghCommandCommand,
  issueBodyCommand,
  issueLinkCommand,
  newProposalCommand,
  proposeAgainCommand,
  type ServerCommand,
} from '../../server/src/protocol';

/** Opens a link outside the editor. Tests replace it (the extension's exported API) to see the link without a browser. */
export type ExternalOpener = (url: string) => Thenable<boolean>;

// A string, not a Uri: parsing the prefilled link into a Uri and printing it again re-encodes its query.
const openInBrowser: ExternalOpener = (url) => vscode.env.openExternal(url as unknown as vscode.Uri);

export interface DraftsApi {
  /** Replaces the opener of Open as GitHub Issue (undefined: the browser again). */
  setExternalOpener(opener: ExternalOpener | undefined): void;
}

/** What Open as GitHub Issue did: the link, and whether it was opened (else why not). */
export interface OpenAsIssueResult {
  url?: string;
  opened: boolean;
  refusal?: string;
  manual?: string[];
}

export function registerDraftCommands(client: () => LanguageClient | undefined): { disposables: vscode.Disposable[]; api: DraftsApi } {
  let opener = openInBrowser;

  const run = async <A extends unknown[], R>(command: ServerCommand<A, R>, ...args: A): Promise<R | undefined> => {
    const c = client();
    if (!c) return undefined;
    return (await c.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: args })) as R;
  };
  const draftUri = (uri: unknown): string | undefined =>
    typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : vscode.window.activeTextEditor?.document.uri.toString();
  const notADraft = () => void vscode.window.showInformationMessage('Project Ideas: this file is not an LFX proposal draft.');

  const pick = async (items: string[], placeHolder: string): Promise<string | undefined> =>
    items.length ? vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true }) : vscode.window.showInputBox({ prompt: placeHolder, ignoreFocusOut: true });

  const openDraft = async (text: string): Promise<vscode.TextDocument> => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  };

  /** New LFX Proposal: project and term from the form's options (or given), an untitled draft. */
  const newProposal = async (project?: unknown, term?: unknown): Promise<string | undefined> => {
    const options = await run(formOptionsCommand);
    if (!options) return undefined;
    const chosenProject = typeof project === 'string' ? project : await pick(options.projects, 'CNCF project of the program');
    if (chosenProject === undefined) return undefined;
    const chosenTerm = typeof term === 'string' ? term : await pick(options.terms, 'Term of the program');
    if (chosenTerm === undefined) return undefined;
    const result = await run(newProposalCommand, chosenProject, chosenTerm);
    return result && (await openDraft(result.text)).uri.toString();
  };

  /** Propose Again: a new draft for a chosen term from the proposal at a line of an ideas file. */
  const proposeAgain = async (uri?: unknown, line?: unknown, term?: unknown): Promise<string | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const target = draftUri(uri);
    const at = typeof line === 'number' ? line : editor?.selection.active.line;
    if (!target || at === undefined) return undefined;
    const chosenTerm = typeof term === 'string' ? term : await pick((await run(formOptionsCommand))?.terms ?? [], 'Propose again for which term?');
    if (chosenTerm === undefined) return undefined;
    const result = await run(proposeAgainCommand, target, at, chosenTerm);
    if (!result) {
      void vscode.window.showInformationMessage('Project Ideas: no proposal of an ideas file here to propose again.');
      return undefined;
    }
    const document = await openDraft(result.text);
    if (result.notes.length) void vscode.window.showInformationMessage(`Project Ideas: ${result.notes.join(' ')}`);
    return document.uri.toString();
  };

  const copyIssueBody = async (uri?: unknown): Promise<string | undefined> => {
    const target = draftUri(uri);
    const result = target ? await run(issueBodyCommand, target) : undefined;
    if (!result) return notADraft();
    await vscode.env.clipboard.writeText(result.body);
    const errors = result.errors ? ` It has ${result.errors} error${result.errors === 1 ? '' : 's'} the bot would report.` : '';
    void vscode.window.showInformationMessage(`Project Ideas: issue body copied; title: ${result.title}.${errors}`);
    return result.body;
  };

  const openAsIssue = async (uri?: unknown): Promise<OpenAsIssueResult> => {
    const target = draftUri(uri);
    const link = target ? await run(issueLinkCommand, target) : undefined;
    if (!link) {
      notADraft();
      return { opened: false, refusal: 'not a draft' };
    }
    if (link.refusal) {
      // Not awaited: the command returns while the message waits for the person.
      void vscode.window.showWarningMessage(`Project Ideas: ${link.refusal.message}`, 'Copy Issue Body').then((choice) => {
        if (choice) void copyIssueBody(target);
      });
      return { url: link.url, opened: false, refusal: link.refusal.message };
    }
    const opened = await opener(link.url);
    if (opened && link.manual.length) void vscode.window.showInformationMessage(`Project Ideas: on the page, set what a link cannot fill: ${link.manual.join(' ')}`);
    return { url: link.url, opened, manual: link.manual };
  };

  const copyGhCommand = async (uri?: unknown): Promise<string | undefined> => {
    const target = draftUri(uri);
    const result = target ? await run(ghCommandCommand, target) : undefined;
    if (!result) return notADraft();
    await vscode.env.clipboard.writeText(result.command);
    const errors = result.errors ? ` The draft has ${result.errors} error${result.errors === 1 ? '' : 's'} the bot would report.` : '';
    void vscode.window.showInformationMessage(`Project Ideas: gh command copied (save the draft first: it posts the file).${errors}`);
    return result.command;
  };

  return {
    disposables: [
      vscode.commands.registerCommand(CLIENT_COMMANDS.newProposal, newProposal),
      vscode.commands.registerCommand(CLIENT_COMMANDS.proposeAgain, proposeAgain),
      vscode.commands.registerCommand(CLIENT_COMMANDS.openAsIssue, openAsIssue),
      vscode.commands.registerCommand(CLIENT_COMMANDS.copyIssueBody, copyIssueBody),
      vscode.commands.registerCommand(CLIENT_COMMANDS.copyGhCommand, copyGhCommand),
    ],
    api: { setExternalOpener: (o) => (opener = o ?? openInBrowser) },
  };
}
