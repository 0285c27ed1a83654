// A term's project_ideas.md of the issue-form era holds only a notice that proposals have moved
// (to GitHub issues opened with the LFX program proposal form). Recognised as such, it is no ideas
// file: no outline of a project named after the notice's heading, no Insert Proposal; a code lens
// offers to draft a proposal instead. LSP-free test on short texts only.

const MAX_NOTICE = 4000;
const MOVED = /proposals?\b[^\n]{0,80}\b(?:have |has |are )?moved|\bmoved to (?:github )?issues|issue form|lfx-program-proposal/i;
/** Anything a proposal entry holds: a field label bullet, a proposal heading, the template block. */
const ENTRY = /^\s*[-*+]\s*\**\s*(?:description|mentors?(?:\(s\))?|upstream issue|expected outcomes?|recommended skills|lfx url)\s*\**\s*[:：]|^#{4,6}\s|^\s*`{3,}/im;

export function isMovedNotice(path: string, text: string): boolean {
  if (!/(?:^|[\\/])project_ideas\.md$/i.test(path)) return false;
  if (typeof text !== 'string' || text.length > MAX_NOTICE) return false;
  const visible = text.replace(/<!--[\s\S]*?-->/g, '');
  return MOVED.test(visible) && !ENTRY.test(visible);
}
