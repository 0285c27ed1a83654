// `<!-- project-ideas-disable id other-id -->` silences rules for the whole file; a bare
// `<!-- project-ideas-disable -->` silences every rule.
import type { Fix } from './types';
import { span } from '../core/span';

/** Text every disable comment contains. */
export const DISABLE_MARK = 'project-ideas-disable';

const COMMENT_SOURCE = /<!--\s*project-ideas-disable\b([^>]{0,500}?)\s*-->/.source;

export interface Disabled {
  all: boolean;
  ids: Set<string>;
}

export function disabledRules(lines: readonly string[]): Disabled {
  const out: Disabled = { all: false, ids: new Set() };
  for (const line of lines) {
    if (line.length > 5000 || !line.includes('project-ideas-disable')) continue;
    for (const m of line.matchAll(new RegExp(COMMENT_SOURCE, 'g'))) {
      const ids = m[1].trim().split(/[\s,]+/).filter(Boolean);
      if (!ids.length) out.all = true;
      for (const id of ids) out.ids.add(id);
    }
  }
  return out;
}

/** Adds `id` to the file's first disable comment, or puts a new comment on the first line. */
export function disableFix(lines: readonly string[], id: string): Fix {
  const title = `Disable "${id}" for this file`;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 5000 || !line.includes('project-ideas-disable')) continue;
    const m = new RegExp(COMMENT_SOURCE).exec(line);
    if (!m || !m[1].trim()) continue;
    const at = m.index + m[0].lastIndexOf('-->');
    const trimmedAt = line.slice(0, at).trimEnd().length;
    return { title, edits: [{ range: span(i, trimmedAt, i, at), newText: ` ${id} ` }] };
  }
  return { title, edits: [{ range: span(0, 0, 0, 0), newText: `<!-- project-ideas-disable ${id} -->\n` }] };
}
