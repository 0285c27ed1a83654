// The bot: the LFX title `CNCF - <Project>: <Program Name> (<term token>)` must fit in 100
// characters, so the room for the name depends on the project and the term (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { nameRoom } from '../room';
import { figure, finding } from './helpers';
import type { DraftRule } from './types';

export const nameTooLong: DraftRule = {
  id: 'form/name-too-long',
  defaultSeverity: 'error',
  description: 'Program Name longer than the room the 100-character LFX title leaves after the project and term.',
  check(ctx) {
    const room = nameRoom(ctx.draft);
    const section = sectionOf(ctx.draft, FIELD.name);
    if (!room || !section?.value || room.used <= room.limit) return [];
    return [
      finding(
        'form/name-too-long',
        `Program Name is ${figure(room.used)} characters but only ${figure(room.limit)} are available (the LFX title "${room.title}" would be ${figure(room.titleLength)}/100). Shorten it by ${figure(room.used - room.limit)}.`,
        section.valueRange ?? section.labelRange,
      ),
    ];
  },
};
