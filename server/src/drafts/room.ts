// Room left in the fields LFX limits, for inlay hints (`58/71`, `2,140/3,000`) and the length rules.
// Lengths are counted as the bot counts them: JavaScript string length of the trimmed value.
import type { Pos } from '../core/model';
import { sectionOf, valueOf, type DraftModel } from './draft';
import { FIELD, termToken } from './form';

export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 3000;
export const CUSTOM_NAME_MAX = 20;
export const CUSTOM_DESCRIPTION_MAX = 500;

export interface Room {
  fieldId: string;
  used: number;
  limit: number;
  /** `58/71`, `2,140/3,000`. */
  label: string;
  /** Where a hint goes: the end of the section's heading line (stable while the value is typed). */
  position: Pos;
  over: boolean;
}

export interface NameRoom extends Room {
  /** `CNCF - <Project>: <Program Name> (<term token>)`. */
  title: string;
  titleLength: number;
}

/** The program's LFX title: `CNCF - Jaeger: Trace views (2026 Term 3)`. */
export function lfxTitle(project: string, name: string, term: string): string {
  return `CNCF - ${project}: ${name} (${termToken(term)})`;
}

/** The bot's budget for Program Name: 100 minus the rest of the LFX title. */
export function nameBudget(project: string, term: string): number {
  return TITLE_MAX - ('CNCF - '.length + project.length + ': '.length + ' ('.length + termToken(term).length + ')'.length);
}

function room(draft: DraftModel, fieldId: string, used: number, limit: number): Room | undefined {
  const section = sectionOf(draft, fieldId);
  if (!section) return undefined;
  return {
    fieldId,
    used,
    limit,
    label: `${used.toLocaleString('en-US')}/${limit.toLocaleString('en-US')}`,
    position: section.headingRange.end,
    over: used > limit,
  };
}

/** Program Name: characters used / the room the project and term leave. */
export function nameRoom(draft: DraftModel): NameRoom | undefined {
  const project = valueOf(draft, FIELD.project);
  const term = valueOf(draft, FIELD.term);
  const name = valueOf(draft, FIELD.name);
  const r = room(draft, FIELD.name, name.length, nameBudget(project, term));
  if (!r) return undefined;
  const title = lfxTitle(project, name, term);
  return { ...r, title, titleLength: title.length };
}

export function descriptionRoom(draft: DraftModel): Room | undefined {
  return room(draft, FIELD.description, valueOf(draft, FIELD.description).length, DESCRIPTION_MAX);
}

export function customNameRoom(draft: DraftModel): Room | undefined {
  return room(draft, FIELD.customName, valueOf(draft, FIELD.customName).length, CUSTOM_NAME_MAX);
}

export function customDescriptionRoom(draft: DraftModel): Room | undefined {
  return room(draft, FIELD.customDescription, valueOf(draft, FIELD.customDescription).length, CUSTOM_DESCRIPTION_MAX);
}

/** Every room hint of a draft, in document order (inlay hints or code lenses). */
export function roomHints(draft: DraftModel): Room[] {
  return [nameRoom(draft), descriptionRoom(draft), customNameRoom(draft), customDescriptionRoom(draft)]
    .filter((r): r is Room => !!r)
    .sort((a, b) => a.position.line - b.position.line);
}
