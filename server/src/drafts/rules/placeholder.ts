// Beyond the bot: the form's placeholder text (`e.g. Go, Kubernetes…`, `Jane Doe | @janedoe |
// jane@example.com | janedoe`, `https://github.com/org/repo/issues/1234`, the description's
// guidance lines) left in a field; the bot accepts it, readers and LFX would show it.
import { finding } from './helpers';
import type { DraftRule, Finding } from './types';

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

export const placeholder: DraftRule = {
  id: 'form/placeholder',
  defaultSeverity: 'warning',
  description: "The form's placeholder text left in a field.",
  check(ctx) {
    const out: Finding[] = [];
    for (const section of ctx.draft.byLabel.values()) {
      const text = section.field?.placeholder;
      if (!text || !section.value || !section.valueRange) continue;
      // Headings of the suggested structure (`## Description`) are meant to be kept.
      const lines = new Set(
        text
          .split('\n')
          .map(fold)
          .filter((l) => l.length >= 12 && !l.startsWith('#')),
      );
      if (!lines.size) continue;
      const { start, end } = section.valueRange;
      for (let line = start.line; line <= end.line && line - start.line < 2000; line++) {
        const raw = ctx.lines[line] ?? '';
        if (raw.length > 1000) continue;
        if (!lines.has(fold(raw))) continue;
        const from = raw.length - raw.trimStart().length;
        out.push(finding('form/placeholder', `The form's placeholder text is still here ("${raw.trim().slice(0, 60)}"); replace it with the program's own.`, { start: { line, character: from }, end: { line, character: raw.trimEnd().length } }));
      }
    }
    return out;
  },
};
