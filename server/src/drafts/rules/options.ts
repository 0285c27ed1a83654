// Shared by unknown-project and unknown-term: a dropdown value not among the form's options,
// an information when the options come from the shipped copy (they may be out of date).
import { editDistance } from '../../core/cncfProjects';
import type { Fix } from '../../rules/types';
import { sectionOf } from '../draft';
import { FIELD, fieldById } from '../form';
import { projectOption } from '../proposeAgain';
import { finding } from './helpers';
import type { DraftContext, Finding } from './types';

export function optionFindings(ctx: DraftContext, ruleId: string, fieldId: string, noun: string): Finding[] {
  const { draft } = ctx;
  const field = fieldById(draft.form, fieldId);
  const section = sectionOf(draft, fieldId);
  if (!field?.options.length || !section?.value || !section.valueRange) return [];
  const value = section.value;
  if (field.options.includes(value)) return [];
  const folded = value.toLowerCase().replace(/\s+/g, ' ');
  const close = field.options
    .map((option) => ({ option, distance: option.toLowerCase() === folded ? 0 : editDistance(folded.slice(0, 80), option.toLowerCase().slice(0, 80)) }))
    .filter(({ distance, option }) => distance <= Math.max(1, Math.floor(option.length / 4)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3);
  // A project written as the ideas files name it (`OPA`, `WasmEdge`): the option naming the same project.
  const named = fieldId === FIELD.project ? projectOption(field.options, value) : undefined;
  if (named && !close.some((c) => c.option === named)) close.unshift({ option: named, distance: 0 });
  const shipped = ctx.form.origin === 'shipped';
  const fixes: Fix[] = close.map(({ option }) => ({ title: `Change to "${option}"`, edits: [{ range: section.valueRange!, newText: option }] }));
  return [
    finding(
      ruleId,
      `"${value.slice(0, 80)}" is not among the form's ${noun} options${close.length ? `; did you mean ${close.map((c) => `"${c.option}"`).join(' or ')}?` : '.'}${shipped ? ' (Checked against the form shipped with the extension, which may be older than the repository\'s.)' : ' The dropdown on GitHub offers only its options.'}`,
      section.valueRange,
      { severity: shipped ? 'information' : undefined, fixes },
    ),
  ];
}
