// The bot: every mentor line needs an LFID (the LF username), its 4th part (error). The mentor can
// add it later by editing the issue, but the proposal cannot pass validation without it.
import { mentorCheck, roleOf } from '../mentorChecks';
import { finding } from './helpers';
import type { DraftRule } from './types';

export const mentorLfidMissing: DraftRule = {
  id: 'form/mentor-lfid-missing',
  defaultSeverity: 'error',
  description: 'A mentor line without an LFID (the LF username, 4th part).',
  check(ctx) {
    return mentorCheck(ctx.draft)
      .issues.filter((i) => i.code === 'lfid-missing')
      .map(({ line, part }) =>
        finding(
          'form/mentor-lfid-missing',
          `${roleOf(line)}: the LFID is missing; add the mentor's LF username as the 4th part (openprofile.dev/profile shows it).`,
          part?.range ?? { start: line.range.end, end: line.range.end },
        ),
      );
  },
};
