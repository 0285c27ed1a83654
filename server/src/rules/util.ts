// Small helpers shared by the rules: signatures, ranges, line edits (walking a model: core/walk.ts).
import type { FieldKey, IdeasModel, Project, Proposal, Span } from '../core/model';
import { memoString } from '../core/memo';
import { normaliseLabel } from '../core/parse/labels';
import { span } from '../core/span';
import { proposalsOf, proposalsUnder } from '../core/walk';
import type { RuleContext } from './types';

/**
 * A `file` rule's inputs (Rule.inputs) when it reads the file's identity, term and kind, the
 * workspace knowledge, `part` of every proposal (one signature per top project) and `extra`
 * (anything else it reads, e.g. whether the README is generated).
 */
export function fileInputs(ctx: RuleContext, memo: WeakMap<Project, string>, part: (proposal: Proposal) => string, extra: readonly unknown[] = []): readonly unknown[] {
  return [ctx.uri, ctx.path, ctx.term?.id, ctx.model.kind, ctx.knowledge?.versionExcept(ctx.uri), ...extra, ...projectSignatures(ctx.model, memo, part)];
}

/**
 * One string per top-level project (and one for the loose proposals) standing for what `part`
 * reads of its proposals, made once per project object: a whole-file rule lists them among its
 * inputs (Rule.inputs), so a version whose projects read the same keeps its findings.
 */
function projectSignatures(model: IdeasModel, memo: WeakMap<Project, string>, part: (proposal: Proposal) => string): string[] {
  const out = [model.looseProposals.map(part).join('\n')];
  for (const project of model.projects) {
    let signature = memo.get(project);
    if (signature === undefined) memo.set(project, (signature = proposalsUnder(project).map(part).join('\n')));
    out.push(signature);
  }
  return out;
}

/** The range of whole lines from `from` to `to` inclusive, ending at the start of the next line (for deletion). */
export function wholeLines(ctx: RuleContext, from: number, to: number): Span {
  if (to + 1 < ctx.lines.length) return span(from, 0, to + 1, 0);
  // Last line: take the preceding newline instead.
  if (from > 0) return span(from - 1, (ctx.lines[from - 1] ?? '').length, to, (ctx.lines[to] ?? '').length);
  return span(from, 0, to, (ctx.lines[to] ?? '').length);
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** True when the proposal has two fields with this key and the same label (reported by duplicate-field). */
export function hasRepeatedField(proposal: Proposal, key: FieldKey): boolean {
  const labels = proposal.fields.filter((f) => f.key === key).map((f) => normaliseLabel(f.label, { digits: true }));
  return new Set(labels).size < labels.length;
}

export function isEmptyValue(value: string): boolean {
  return value.replace(/<!--[\s\S]*?-->/g, '').replace(/<br\s*\/?>/gi, '').trim() === '';
}

/** The text inside a span, lines joined with `\n`. */
export function textOf(ctx: RuleContext, range: Span): string {
  if (range.start.line === range.end.line) return (ctx.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(ctx.lines[range.start.line] ?? '').slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(ctx.lines[l] ?? '');
  parts.push((ctx.lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.join('\n');
}

/** The file's template block text, when it has one. */
export function templateText(ctx: RuleContext): string {
  const range = ctx.model.template.range;
  return range ? textOf(ctx, range) : '';
}

export const EMAIL_RE = /^[^\s@<>()[\],;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}$/;

export const isValidEmail = memoString((email: string): boolean => email.length <= 254 && EMAIL_RE.test(email));

/** Heading markers of an ATX heading line: the `#` run and where it sits. */
export function atxMarker(line: string): { start: number; end: number } | undefined {
  const m = /^( {0,3})(#{1,6})(?=[ \t]|$)/.exec(line);
  return m ? { start: m[1].length, end: m[1].length + m[2].length } : undefined;
}

/** A file's identity across corpus copies: `lfx-mentorship_2024_03-Sep-Nov__2024-07-22__07327362.md`
 *  and its other versions share `lfx-mentorship_2024_03-Sep-Nov`; ordinary paths are their own identity. */
export const logicalKey = memoString((path: string): string => {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  const m = /^(.+?)__\d{4}-\d{2}-\d{2}__[0-9a-f]{6,40}\.md$/i.exec(base);
  return m ? `${p.slice(0, p.lastIndexOf('/') + 1)}${m[1]}` : p;
});

export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

/** `Josh Example`, `Ana de Example`: two to five words, each capitalised (or a name particle). */
const PERSON = /^\p{Lu}[\p{L}\p{M}'’.-]{0,40}(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.()-]{0,40}|de|van|von|da|del|der|la|le|di|du|dos)){1,4}$/u;

/** Whether a parsed mentor entry is really a person (not a role label or a stray line the parser
 *  read as a mentor): it has an address, an `@handle`, or a name that looks like a person's. */
export function isCredibleMentor(m: { readonly name?: string; readonly handle?: string; readonly email?: string; readonly deviations: readonly string[] }): boolean {
  if (m.email) return true;
  if (m.handle && !m.deviations.includes('handle-without-at')) return true;
  return !!m.name && PERSON.test(m.name.trim());
}

/** The line the generated term README writes under each program heading: `CNCF - Jaeger: Name (2026 Term 3)`. */
const GENERATED_TITLE_LINE = /^CNCF - [^:\n]{1,100}: .{1,200}\(\d{4} Term \d/;

/**
 * A term README the upstream regenerates from accepted issue forms (LFX 2026 Term 3 on; see
 * ../docs: issue-form proposals): its projects are accepted and people do not edit it by hand.
 * Read from the term of its path, else from the line the generator writes under a program heading.
 */
export function isGeneratedReadme(ctx: RuleContext): boolean {
  if (ctx.model.kind !== 'term-readme' && ctx.model.kind !== 'unknown' && ctx.model.kind !== 'lfx-ideas') return false;
  const term = ctx.term;
  if (term && term.program !== 'lfx') return false;
  if (term) {
    const n = Number(/\/(\d{1,2})-/.exec(term.id)?.[1] ?? 0);
    return ctx.model.kind === 'term-readme' && (term.year > 2026 || (term.year === 2026 && n >= 3));
  }
  // A copy opened outside its repository path: the generator's line under the first programs.
  let looked = 0;
  for (const { proposal } of proposalsOf(ctx.model)) {
    const from = proposal.headingRange.end.line + 1;
    for (let l = from; l < from + 3 && l < ctx.lines.length; l++) if (GENERATED_TITLE_LINE.test(ctx.lines[l] ?? '')) return true;
    if (++looked >= 3) break;
  }
  return false;
}

/** An accepted term README (a generated one or an earlier hand-written one): its proposals are accepted. */
export function isAcceptedReadme(ctx: RuleContext): boolean {
  return ctx.model.kind === 'term-readme' || isGeneratedReadme(ctx);
}

/** The value more than half of `values` share, if any. */
export function majority(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, c] of counts) if (best === undefined || c > counts.get(best)!) best = v;
  return best !== undefined && counts.get(best)! * 2 > values.length ? best : undefined;
}

/** The level of the file's project headings: the one most of them use, else its template's. */
export function projectLevelOf(model: IdeasModel): number {
  return majority(model.projects.map((p) => p.level)) ?? model.template.projectLevel;
}
