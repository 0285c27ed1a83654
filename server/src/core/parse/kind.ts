// The file's kind: from its path when it says, else from its content.
import type { FileKind } from '../model';

export function kindFromPath(path: string | undefined): FileKind | undefined {
  if (!path) return undefined;
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (/(^|\/)programs\/summerofcode\/[^/]+\.md$/i.test(p) || /^summerofcode[_-]/i.test(base)) return 'gsoc';
  if (/^project_ideas\.md$/i.test(base)) return 'lfx-ideas';
  if (/(^|\/)lfx-mentorship\/.+\/readme\.md$/i.test(p)) return 'term-readme';
  // Flattened corpus names: lfx-mentorship_<year>_<term>[_README]__<date>__<commit>.md
  if (/^lfx-mentorship_/i.test(base)) return /_readme(__|\.)/i.test(base) ? 'term-readme' : 'lfx-ideas';
  return undefined;
}

export interface ContentHints {
  hasSizeField: boolean;
  hasProposals: boolean;
  hasTemplate: boolean;
  hasTimeline: boolean;
}

export function kindFromContent(h: ContentHints): FileKind {
  if (h.hasSizeField) return 'gsoc';
  if (h.hasProposals || h.hasTemplate) return h.hasTimeline && !h.hasTemplate ? 'term-readme' : 'lfx-ideas';
  return 'unknown';
}
