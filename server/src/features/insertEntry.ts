// Snippet text for new entries shaped by the file's own template (heading levels, field labels and
// their order): a proposal, a CNCF project section, a mentor line. Used by completion and by the
// "Insert Proposal" / "Insert Project Section" commands (custom request `projectIdeas/entrySnippet`).
import type { FieldKey, IdeasModel, TemplateInfo } from '../core/model';
import { proposalsOf } from '../core/walk';
import type { EntryKind } from '../protocol';

/** Escapes text for snippet syntax (`$`, `}` and `\`). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (ch) => `\\${ch}`);
}

export function isGsoc(model: Pick<IdeasModel, 'kind'>): boolean {
  return model.kind === 'gsoc';
}

class Stops {
  private n = 0;
  next(placeholder?: string): string {
    this.n++;
    return placeholder === undefined ? `\${${this.n}}` : `\${${this.n}:${escapeSnippet(placeholder)}}`;
  }
  choice(options: string[]): string {
    this.n++;
    return `\${${this.n}|${options.map((o) => o.replace(/[,|\\$}]/g, (ch) => `\\${ch}`)).join(',')}|}`;
  }
}

function mentorLines(stops: Stops, gsoc: boolean, indent = '  '): string[] {
  const one = (suffix = '') => `${indent}- ${stops.next('Name')} (@${stops.next('github-handle')}, ${stops.next('email')})${suffix}`;
  return gsoc ? [one(' - primary'), one()] : [one()];
}

function fieldLines(stops: Stops, fields: readonly { readonly key: FieldKey; readonly label: string }[], gsoc: boolean): string[] {
  const lines: string[] = [];
  for (const field of fields) {
    const label = escapeSnippet(field.label);
    switch (field.key) {
      case 'mentors':
        lines.push(`- ${label}:`, ...mentorLines(stops, gsoc));
        break;
      case 'upstream':
        lines.push(`- ${label}: ${stops.next('https://github.com/owner/repo/issues/1')}`);
        break;
      case 'lfx':
        lines.push(`- ${label}:`); // filled in by the program admins
        break;
      case 'size':
        lines.push(`- ${label}: ${stops.choice(['small (~90 hours)', 'medium (~175 hours)', 'large (~350 hours)'])}`);
        break;
      default:
        lines.push(`- ${label}: ${stops.next()}`);
    }
  }
  return lines;
}

function hashes(level: number): string {
  return '#'.repeat(Math.min(6, Math.max(1, level)));
}

/** A new proposal at the file's proposal level, with the template's fields in order. */
export function proposalSnippet(model: Pick<IdeasModel, 'kind' | 'template'>): string {
  const stops = new Stops();
  const t: TemplateInfo = model.template;
  const lines = [`${hashes(t.proposalLevel)} ${stops.next('Proposal title')}`, '', ...fieldLines(stops, model.template.fields, isGsoc(model))];
  return lines.join('\n') + '\n$0';
}

/** A new CNCF project section (heading plus its first proposal). */
export function projectSectionSnippet(model: Pick<IdeasModel, 'kind' | 'template'>): string {
  const stops = new Stops();
  const t = model.template;
  const lines = [
    `${hashes(t.projectLevel)} ${stops.next('CNCF Project Name')}`,
    '',
    `${hashes(t.proposalLevel)} ${stops.next('Proposal title')}`,
    '',
    ...fieldLines(stops, model.template.fields, isGsoc(model)),
  ];
  return lines.join('\n') + '\n$0';
}

/** A mentor sub-bullet. */
export function mentorSnippet(): string {
  const stops = new Stops();
  return mentorLines(stops, false, '  ').join('\n').trimStart().replace(/^- /, '') + '$0';
}

/**
 * What a command inserts at the cursor, and where: with the cursor inside a proposal, a new proposal
 * goes after that proposal (never in the middle of it), a new project section after the project
 * section holding that proposal. `lineAt(n)` is line n of the document (undefined outside it).
 */
export function entryInsertion(
  model: IdeasModel,
  kind: EntryKind,
  position: { line: number; character: number },
  lineAt: (line: number) => string | undefined,
): { snippet: string; position?: { line: number; character: number } } {
  const line = position.line;
  const place = kind === 'mentor' ? undefined : proposalsOf(model).find(({ proposal }) => proposal.range.start.line <= line && line <= proposal.range.end.line);
  const after = place && (kind === 'proposal' || !place.top ? place.proposal.range.end.line : place.top.range.end.line);
  if (after === undefined || (after === line && (lineAt(line) ?? '').trim() === '')) {
    return { snippet: entrySnippet(model, kind, lineAt(line) ?? '', lineAt(line - 1)) };
  }
  const end = (lineAt(after) ?? '').length;
  return { snippet: entrySnippet(model, kind, lineAt(after) ?? '', lineAt(after - 1)), position: { line: after, character: end } };
}

/** Snippet for a command at a position: a blank line is added when the cursor line holds text. */
export function entrySnippet(model: IdeasModel, kind: EntryKind, lineText: string, previousLine: string | undefined): string {
  const body = kind === 'project' ? projectSectionSnippet(model) : kind === 'proposal' ? proposalSnippet(model) : mentorSnippet();
  if (kind === 'mentor') return body;
  let prefix = '';
  if (lineText.trim() !== '') prefix = '\n\n';
  else if (previousLine !== undefined && previousLine.trim() !== '') prefix = '\n';
  return prefix + body;
}
