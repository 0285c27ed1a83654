// The draft commands the server runs (workspace/executeCommand, typed in ../../protocol.ts): the
// form's options, a new draft, Propose Again from an ideas file's proposal, and the ways out (the
// prefilled link, the body, a `gh` line). Arguments come from the client: checked before use.
import { fieldById, FIELD } from '../../drafts/form';
import { issueBody, issueLink, ghIssueCommand } from '../../drafts/link';
import { newProposal } from '../../drafts/newProposal';
import { knownMentorFrom, proposalAt, proposeAgain } from '../../drafts/proposeAgain';
import type { ServerContext } from '../../context';
import { uriToPath } from '../../lsp/documents';
import {
  formOptionsCommand,
  ghCommandCommand,
  issueBodyCommand,
  issueLinkCommand,
  newProposalCommand,
  proposeAgainCommand,
  type ServerCommand,
} from '../../protocol';
import { findingsFor } from '../diagnostics';
import { draftsOf } from './store';

type Handler = (args: readonly unknown[], server: ServerContext) => unknown;

const text = (value: unknown, max = 500): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** A handler typed by its command's definition (the arguments are still checked: they come from the client). */
function handler<A extends unknown[], R>(_command: ServerCommand<A, R>, run: (args: readonly unknown[], server: ServerContext) => R | Promise<R>): Handler {
  return run;
}

/** The open draft a command names, with its findings (undefined: not open, or not a draft). */
async function openDraft(server: ServerContext, uri: unknown) {
  if (typeof uri !== 'string') return undefined;
  const document = server.documents.get(uri);
  if (!document || (await server.kinds.kindOf(document))?.id !== 'lfx-draft') return undefined;
  const found = await findingsFor(server, uri);
  const open = draftsOf(server).of(found?.document ?? document);
  const errors = (found?.findings ?? []).filter((f) => f.severity === 'error');
  return { document, open, findings: found?.findings ?? [], errors: errors.length, settings: await server.settings.for(uri) };
}

export const DRAFT_SERVER_COMMANDS: Record<string, Handler> = {
  [formOptionsCommand.command]: handler(formOptionsCommand, (_args, server) => {
    const { form, origin } = server.data.current.form;
    return { projects: fieldById(form, FIELD.project)?.options ?? [], terms: fieldById(form, FIELD.term)?.options ?? [], origin };
  }),

  [newProposalCommand.command]: handler(newProposalCommand, ([project, term], server) => ({
    text: newProposal(server.data.current.form.form, { project: text(project), term: text(term) }),
  })),

  [proposeAgainCommand.command]: handler(proposeAgainCommand, async ([uri, line, term], server) => {
    if (typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return null;
    const document = server.documents.get(uri);
    if (!document || (await server.kinds.kindOf(document))?.id !== 'ideas') return null;
    const model = server.models.modelOf(document);
    const at = proposalAt(model, line);
    if (!at) return null;
    const knownMentor = knownMentorFrom(server.knowledge);
    const result = proposeAgain({ text: document.getText(), proposal: at.proposal, project: at.project?.name, term: text(term), form: server.data.current.form.form, knownMentor });
    return { text: result.text, project: result.project, notes: result.notes };
  }),

  [issueLinkCommand.command]: handler(issueLinkCommand, async ([uri], server) => {
    const found = await openDraft(server, uri);
    if (!found) return null;
    const link = issueLink(found.open.draft, { findings: found.findings, repository: found.settings.issueRepository, template: found.settings.issueTemplate });
    return { url: link.url, bytes: link.bytes, title: link.title, manual: link.manual.map((m) => m.message), ...(link.refusal ? { refusal: link.refusal } : {}) };
  }),

  [issueBodyCommand.command]: handler(issueBodyCommand, async ([uri], server) => {
    const found = await openDraft(server, uri);
    if (!found) return null;
    return { title: issueLink(found.open.draft).title, body: issueBody(found.open.draft, found.open.text), errors: found.errors };
  }),

  [ghCommandCommand.command]: handler(ghCommandCommand, async ([uri], server) => {
    const found = await openDraft(server, uri);
    if (!found) return null;
    const file = (uri as string).startsWith('file:') ? uriToPath(uri as string) : 'DRAFT.md';
    return { command: ghIssueCommand(found.open.draft, file, found.settings.issueRepository), errors: found.errors };
  }),
};
