// Code lenses: on a draft, the ways out (Open as GitHub Issue, Copy Issue Body, Copy gh Command) above
// its first section; on each proposal of an ideas file, Propose Again; on a moved-proposals notice,
// Draft an LFX Proposal. Each names a client command (CLIENT_COMMANDS) with its arguments.
import type { CodeLens } from 'vscode-languageserver/node';
import type { IdeasModel } from '../../core/model';
import { proposalsOf } from '../../core/walk';
import type { DraftModel } from '../../drafts/draft';
import { CLIENT_COMMANDS } from '../../protocol';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

export function draftLenses(uri: string, draft: DraftModel): CodeLens[] {
  if (!draft.sections.length) return [];
  const range = at(draft.sections[0].headingRange.start.line);
  return [
    { range, command: { title: 'Open as GitHub Issue', command: CLIENT_COMMANDS.openAsIssue, arguments: [uri] } },
    { range, command: { title: 'Copy Issue Body', command: CLIENT_COMMANDS.copyIssueBody, arguments: [uri] } },
    { range, command: { title: 'Copy gh Command', command: CLIENT_COMMANDS.copyGhCommand, arguments: [uri] } },
  ];
}

/** Propose Again above each proposal heading (README, project_ideas.md, GSoC file). */
export function proposeAgainLenses(uri: string, model: IdeasModel): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const { proposal } of proposalsOf(model)) {
    const line = proposal.titleRange.start.line;
    lenses.push({ range: at(line), command: { title: 'Propose Again', command: CLIENT_COMMANDS.proposeAgain, arguments: [uri, line] } });
  }
  return lenses;
}

export function movedNoticeLenses(): CodeLens[] {
  return [{ range: at(0), command: { title: 'Draft an LFX Proposal', command: CLIENT_COMMANDS.newProposal, arguments: [] } }];
}
