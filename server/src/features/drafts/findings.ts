// A draft's findings: the form/* rules (the bot's checks and the ones beyond it) against the other
// open drafts and the LFX term files of the index, severities from `projectIdeas.rules`.
import { runDraftRules } from '../../drafts/rules';
import { draftWorkspace } from '../../drafts/workspace';
import type { KindRequest } from '../../lsp/documentKind';
import type { ResolvedFinding } from '../../rules/types';
import { draftsOf } from './store';

export function draftFindings({ document, settings, server }: KindRequest): ResolvedFinding[] {
  const open = draftsOf(server).of(document);
  const quotas = Object.keys(settings.quotas).length ? server.quotas.withOverrides(settings.quotas) : server.quotas;
  const workspace = draftWorkspace({ proposals: draftsOf(server).othersThan(document.uri), quotas, catalog: server.catalog });
  return runDraftRules(
    { uri: document.uri, text: open.text, lines: open.lines, draft: open.draft, form: open.form, workspace },
    {
      severities: settings.rules,
      onError: (ruleId, error) => server.connection.console.error(`Project Ideas: rule ${ruleId} failed on ${document.uri}: ${String((error as Error)?.stack ?? error)}`),
    },
  );
}
