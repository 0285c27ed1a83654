// Propose Again as a code action (besides the lens): on a proposal's heading in an ideas file, a
// refactor action naming the client command that asks for the term and opens the new draft.
import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import type { IdeasModel } from '../../core/model';
import { proposalsOf } from '../../core/walk';
import { CLIENT_COMMANDS } from '../../protocol';

export const PROPOSE_AGAIN_KIND = 'refactor.proposeAgain';

/** The action when the range touches a proposal's heading line (and the client wants refactors). */
export function proposeAgainActions(uri: string, model: IdeasModel, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((o) => PROPOSE_AGAIN_KIND === o || PROPOSE_AGAIN_KIND.startsWith(`${o}.`))) return [];
  const { start, end } = params.range;
  for (const { proposal } of proposalsOf(model)) {
    const first = proposal.headingRange.start.line;
    const last = proposal.headingRange.end.line;
    if (start.line > last || end.line < first) continue;
    const line = proposal.titleRange.start.line;
    const title = 'Propose Again…';
    return [{ title, kind: PROPOSE_AGAIN_KIND, command: { title, command: CLIENT_COMMANDS.proposeAgain, arguments: [uri, line] } }];
  }
  return [];
}
