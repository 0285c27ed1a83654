// The LFX draft kind: the body of an issue opened with the LFX program proposal form
// (`### <label>` sections), recognised by the `projectIdeas.drafts.files` globs or by content (the
// upstream bot's own test: sections CNCF Project, Term, Program Description and Mentors). Checked
// against the workspace's .github/ISSUE_TEMPLATE form (the workspace data store) or the shipped copy.
// Its model and rules are LSP-free (../drafts); its services are the features in ../features/drafts.
import { matchesIdeasGlobs } from '../core/ideasFiles';
import { isDraftText } from '../drafts';
import { draftCodeActions } from '../features/drafts/codeActions';
import { DRAFT_SERVER_COMMANDS } from '../features/drafts/commands';
import { draftCompletion } from '../features/drafts/completion';
import { draftFindings } from '../features/drafts/findings';
import { draftHints } from '../features/drafts/hints';
import { draftHover } from '../features/drafts/hover';
import { draftLenses } from '../features/drafts/lenses';
import { draftSymbols } from '../features/drafts/outline';
import { draftsOf } from '../features/drafts/store';
import type { DocumentKindService } from './documentKind';

export const draftKind: DocumentKindService = {
  id: 'lfx-draft',

  // Draft globs first; a file the ideas globs name stays an ideas file (no scan of a large README
  // per keystroke); else the bot's test on the text (untitled drafts too), unless detection by content is off.
  recognises: ({ path, text }, settings) =>
    matchesIdeasGlobs(path, settings.draftFiles) || (settings.detectByContent && !matchesIdeasGlobs(path, settings.files) && isDraftText(text)),

  // Drafts saved in the workspace and not open count for the others (upstream issue used twice, quota).
  indexing: {
    indexes: (path, head, settings) =>
      matchesIdeasGlobs(path, settings.draftFiles) ||
      (head !== undefined && settings.detectByContent && /\.(md|markdown)$/i.test(path) && !matchesIdeasGlobs(path, settings.files) && isDraftText(head)),
    set: (server, uri, _path, text) => draftsOf(server).setSaved(uri, text),
    delete: (server, uri) => draftsOf(server).deleteSaved(uri),
    uris: (server) => draftsOf(server).savedUris(),
  },

  outline: ({ document, server }) => draftSymbols(draftsOf(server).of(document).draft),

  findings: (request) => draftFindings(request),

  // The other open drafts (upstream issue used twice, quota): re-checked when one of them changes.
  findingsDependOn: ({ server }) => draftsOf(server).revision,

  hover: (request, position) => draftHover(request, position),

  completion: (request, position) => draftCompletion(request, position),

  codeActions: ({ server }, params) => draftCodeActions(server, params),

  codeLenses: ({ document, server }) => draftLenses(document.uri, draftsOf(server).of(document).draft),

  inlayHints: ({ document, server }, range) => draftHints(draftsOf(server).of(document).draft, range),

  commands: DRAFT_SERVER_COMMANDS,
};
