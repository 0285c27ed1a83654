// The bot: each mentor line needs a name (error).
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorName: DraftRule = {
  id: 'form/mentor-name',
  defaultSeverity: 'error',
  description: 'A mentor line with an empty name.',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'name')
      .map(({ line }) => finding('form/mentor-name', `${roleOf(line)}: the name is empty; write the mentor's full name before the first \`|\`.`, line.range));
  },
};
