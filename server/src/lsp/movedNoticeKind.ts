// A term's project_ideas.md that only says proposals have moved (the issue-form era, from LFX 2026
// Term 3 on): not an ideas file with a project named after its heading, nothing to insert into;
// one code lens, "Draft an LFX Proposal", running New LFX Proposal.
import { matchesIdeasGlobs } from '../core/ideasFiles';
import { movedNoticeLenses } from '../features/drafts/lenses';
import { isMovedNotice } from '../features/drafts/movedNotice';
import type { DocumentKindService } from './documentKind';

export const movedNoticeKind: DocumentKindService = {
  id: 'moved-notice',

  recognises: ({ path, text }, settings) => matchesIdeasGlobs(path, settings.files) && isMovedNotice(path, text),

  outline: () => [],

  codeLenses: () => movedNoticeLenses(),
};
