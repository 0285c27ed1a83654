// The bot: the Upstream Issue URL is `http(s)://` followed by no space (error).
import { sectionOf } from '../draft';
import { FIELD } from '../form';
import { finding, URL_RE } from './helpers';
import type { DraftRule } from './types';

export const upstreamFormat: DraftRule = {
  id: 'form/upstream-format',
  defaultSeverity: 'error',
  description: 'An Upstream Issue URL that is not one `http(s)://` URL without spaces.',
  check(ctx) {
    const section = sectionOf(ctx.draft, FIELD.upstream);
    const url = section?.value ?? '';
    if (!section || !url || URL_RE.test(url)) return [];
    // `[text](url)` or `<url>`: the bot wants the bare URL.
    const bare = /^\[[^\]\n]{0,300}\]\((https?:\/\/[^()\s]{1,2000})\)$/.exec(url)?.[1] ?? /^<(https?:\/\/\S{1,2000})>$/.exec(url)?.[1];
    return [
      finding('form/upstream-format', `${section.label} \`${url.length > 80 ? `${url.slice(0, 79)}…` : url}\` is not a valid URL (expected one http(s):// URL with no spaces).`, section.valueRange ?? section.labelRange, {
        fixes: bare && section.valueRange ? [{ title: `Write the bare URL ${bare}`, edits: [{ range: section.valueRange, newText: bare }], safeForFixAll: true }] : [],
      }),
    ];
  },
};
