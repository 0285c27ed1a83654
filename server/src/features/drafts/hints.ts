// Room left in the fields LFX limits, as inlay hints at the end of their section headings:
// Program Name `58/71` (the room the project and term leave in the LFX title), Program Description
// `2,140/3,000`, the custom prerequisite's name `/20` and description `/500`.
import type { InlayHint, Range } from 'vscode-languageserver/node';
import type { DraftModel } from '../../drafts/draft';
import { nameRoom, roomHints, TITLE_MAX, type Room } from '../../drafts/room';

function tooltip(draft: DraftModel, room: Room): string {
  const over = room.over ? ` — ${room.used - room.limit} over: the bot refuses it` : ` — ${room.limit - room.used} left`;
  if (room.fieldId === 'program_name') {
    const name = nameRoom(draft);
    return `${room.used} of ${room.limit} characters${over}. The LFX title "${name?.title ?? ''}" may have at most ${TITLE_MAX} characters (now ${name?.titleLength ?? 0}).`;
  }
  return `${room.used.toLocaleString('en-US')} of ${room.limit.toLocaleString('en-US')} characters${over}.`;
}

export function draftHints(draft: DraftModel, range: Range): InlayHint[] {
  return roomHints(draft)
    .filter((room) => room.position.line >= range.start.line && room.position.line <= range.end.line)
    .map((room) => ({ position: room.position, label: room.over ? `${room.label} over` : room.label, paddingLeft: true, tooltip: tooltip(draft, room) }));
}
