// The bot: every non-markdown field of the form has its `### <label>` section (a missing one means
// the body was altered by hand) (error, one per missing section). Fixes: add it with `_No response_`
// (or its unticked boxes) where the form puts it; or add every missing section at once.
import type { Fix, TextEdit } from '../../rules/types';
import { addSectionFix, emptySectionText, finding, insertionPoint, withEol } from './helpers';
import type { DraftContext, DraftRule } from './types';

function addAllFix(ctx: DraftContext, labels: string[]): Fix {
  // One insertion per place, its blocks in form order (several inserts at one position would interleave).
  const byPlace = new Map<string, { at: ReturnType<typeof insertionPoint>; labels: string[] }>();
  for (const label of labels) {
    const at = insertionPoint(ctx, label);
    const key = `${at.range.start.line}:${at.range.start.character}`;
    const group = byPlace.get(key) ?? { at, labels: [] };
    group.labels.push(label);
    byPlace.set(key, group);
  }
  const edits: TextEdit[] = [];
  for (const { at, labels: group } of byPlace.values()) {
    const blocks = group.map((l) => emptySectionText(ctx.draft.form, l)).join('\n');
    const single = addSectionFix(ctx, group[0]).edits[0];
    // The same separators as one section's fix, around the joined blocks.
    const block = emptySectionText(ctx.draft.form, group[0]);
    edits.push({ range: at.range, newText: single.newText.replace(withEol(ctx, block), withEol(ctx, blocks)) });
  }
  return { title: `Add the ${labels.length} missing sections (_No response_)`, edits };
}

export const sectionMissing: DraftRule = {
  id: 'form/section-missing',
  defaultSeverity: 'error',
  description: 'A section of the form (`### <label>`) missing from the body.',
  check(ctx) {
    const { draft } = ctx;
    const missing = draft.form.fields.filter((field) => !draft.byLabel.has(field.label)).map((f) => f.label);
    const all = missing.length > 1 ? addAllFix(ctx, missing) : undefined;
    return missing.map((label) =>
      finding('form/section-missing', `The section "### ${label}" is missing; the form writes every field, empty ones as _No response_.`, insertionPoint(ctx, label).range, {
        fixes: [addSectionFix(ctx, label), all],
      }),
    );
  },
};
