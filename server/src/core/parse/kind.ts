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
  /** Proposals with an `Expected project size` field (GSoC), and with an `LFX URL` field. */
  sizeFields: number;
  lfxFields: number;
  proposals: number;
  /** Proposals whose description quotes the expected outcomes (the README generated from the issue forms). */
  generated: number;
  hasTemplate: boolean;
  hasTimeline: boolean;
}

/** A file is GSoC's when most of its proposals give a project size and fewer an LFX URL (an LFX
 *  README may have one proposal with a size); a term README has a Timeline and no Template, or
 *  mostly proposals in the generated form. */
export function kindFromContent(h: ContentHints): FileKind {
  if (h.sizeFields > 0 && h.sizeFields * 2 >= h.proposals && h.sizeFields > h.lfxFields) return 'gsoc';
  if (h.generated > 0 && h.generated * 2 >= h.proposals && !h.hasTemplate) return 'term-readme';
  if (h.proposals > 0 || h.hasTemplate) return h.hasTimeline && !h.hasTemplate ? 'term-readme' : 'lfx-ideas';
  return 'unknown';
}
