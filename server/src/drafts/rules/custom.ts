// The bot's reading of the custom prerequisite, shared by the form/custom-* rules: there is one to
// check when its box is ticked or any of its text is given.
import { tickedOptions, valueOf, type DraftModel } from '../draft';
import { FIELD } from '../form';

export function customPrerequisite(draft: DraftModel): { checked: boolean; name: string; description: string; active: boolean } {
  const checked = tickedOptions(draft, FIELD.custom).length > 0;
  const name = valueOf(draft, FIELD.customName);
  const description = valueOf(draft, FIELD.customDescription);
  return { checked, name, description, active: checked || name !== '' || description !== '' };
}
