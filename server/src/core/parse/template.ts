// The file's own template: the fenced block under a `Template` heading; defaults otherwise.
import type { FieldKey, TemplateInfo } from '../model';
import type { Blocks, HeadingInfo } from './headings';
import { defaultTemplateFields } from '../vocabulary';
import { readLabel } from './labels';

export function defaultTemplate(): TemplateInfo {
  return { fromFile: false, projectLevel: 3, proposalLevel: 4, fields: defaultTemplateFields() };
}

export function isTemplateHeading(h: HeadingInfo): boolean {
  return /^(?:(?:proposal|project|lfx|gsoc)\s+)?template\b/i.test(h.title) && h.title.length < 60;
}

export function isSampleHeading(h: HeadingInfo): boolean {
  return /^(?:sample|example)s?\b/i.test(h.title) && h.title.length < 40;
}

/** Index of the Template heading used, and the template read from its fence. */
export function readTemplate(blocks: Blocks): { template: TemplateInfo; headingIndex: number } {
  const hs = blocks.headings;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    if (!isTemplateHeading(h)) continue;
    const next = hs.slice(i + 1).find((x) => x.level <= h.level);
    const limit = next ? next.line : Number.MAX_SAFE_INTEGER;
    const code = blocks.codes.find((c) => c.line > h.endLine && c.line < limit && c.line - h.endLine < 40);
    if (!code) continue;
    const t = fromCode(code.value);
    if (!t) continue;
    return { template: { ...t, fromFile: true, range: code.range }, headingIndex: i };
  }
  return { template: defaultTemplate(), headingIndex: -1 };
}

function fromCode(value: string): Omit<TemplateInfo, 'fromFile'> | undefined {
  const levels: number[] = [];
  const fields: { key: FieldKey; label: string }[] = [];
  for (const line of value.split(/\r\n|\r|\n/).slice(0, 200)) {
    const h = /^ {0,3}(#{1,6})[ \t]/.exec(line);
    if (h) {
      levels.push(h[1].length);
      continue;
    }
    const m = readLabel(line);
    if (m && m.indent <= 1) fields.push({ key: m.key, label: m.label });
  }
  if (!levels.length && !fields.length) return undefined;
  let projectLevel = 3;
  let proposalLevel = 4;
  if (levels.length >= 2) {
    projectLevel = levels[0];
    proposalLevel = levels.find((l) => l > projectLevel) ?? projectLevel + 1;
  } else if (levels.length === 1) {
    proposalLevel = levels[0];
    projectLevel = Math.max(1, proposalLevel - 1);
  }
  return { projectLevel, proposalLevel, fields: fields.length ? fields : defaultTemplateFields() };
}
