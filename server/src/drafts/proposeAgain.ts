// Propose Again: a draft for a chosen term from a proposal of any ideas file (project_ideas.md,
// term README, GSoC file). Program Name from the heading; Program Description from Description and
// Expected Outcome (`## Description` / `## Expected outcomes`), or the generated README's blockquoted
// description without its quote markers; Technologies from Technologies, else Recommended Skills with
// the "same as Technologies" box ticked; mentors in the pipe form with the LFID left for the mentor;
// the upstream issue kept; never the LFX URL.
import { ProjectCatalog, projectKey } from '../core/cncfProjects';
import type { KnowledgeIndex } from '../core/knowledge';
import type { Field, IdeasModel, Project, Proposal, Span } from '../core/model';
import { FIELD, fieldById, type FormDefinition } from './form';
import { renderDraft } from './newProposal';
import { mentorPipeLine } from './outline';
import { nameBudget } from './room';

export interface ProposeAgainInput {
  /** The ideas file's text (the description is read from its lines). */
  text: string;
  proposal: Proposal;
  /** The proposal's CNCF project (its top-level project section's name). */
  project?: string;
  /** The term to propose for, as the form's dropdown writes it (`2027 Term 1 (Mar-May)`). */
  term: string;
  form: FormDefinition;
  /** What the workspace knows of a mentor by handle (every term's files): fills a missing name or address. */
  knownMentor?: (handle: string) => { name?: string; email?: string } | undefined;
}

export interface ProposeAgainResult {
  text: string;
  /** The project as written in the draft (the form's option when one matches). */
  project: string;
  /** Things for the person to do or check, one sentence each. */
  notes: string[];
}

/** `knownMentor` from the workspace knowledge: the name written most often, the address to use now. */
export function knownMentorFrom(knowledge: KnowledgeIndex): NonNullable<ProposeAgainInput['knownMentor']> {
  return (handle) => {
    const record = knowledge.mentor(handle.replace(/^@/, ''));
    return record && { name: [...record.names.keys()][0], email: record.preferredEmail };
  };
}

/** The proposal whose section holds a zero-based line, with its top-level project. */
export function proposalAt(model: IdeasModel, line: number): { proposal: Proposal; project?: Project } | undefined {
  const inside = (r: Span) => r.start.line <= line && line <= r.end.line;
  for (const proposal of model.looseProposals) if (inside(proposal.range)) return { proposal };
  for (const top of model.projects) {
    if (!inside(top.range)) continue;
    const walk = (p: Project): Proposal | undefined => {
      for (const proposal of p.proposals) if (inside(proposal.range)) return proposal;
      for (const sub of p.subprojects) {
        const found = walk(sub);
        if (found) return found;
      }
      return undefined;
    };
    const proposal = walk(top);
    if (proposal) return { proposal, project: top };
  }
  return undefined;
}

const LFX_HOST = /(?:^|\/\/|\.)lfx\.linuxfoundation\.org|mentorship\.lfx|communitybridge/i;

export function proposeAgain(input: ProposeAgainInput): ProposeAgainResult {
  const { proposal, form, term } = input;
  const lines = input.text.split(/\r\n|\r|\n/);
  const notes: string[] = [];
  const project = projectOption(fieldById(form, FIELD.project)?.options ?? [], input.project ?? '') ?? (input.project ?? '').trim();
  const name = proposal.title.replace(/\s+/g, ' ').trim();
  const budget = nameBudget(project, term);
  if (name.length > budget) notes.push(`Program Name is ${name.length} characters but only ${budget} fit in the LFX title for ${project || 'this project'} in ${term}: shorten it.`);

  const description = descriptionOf(proposal, lines);
  if (!description) notes.push('The entry has no description: write the Program Description.');

  const technologies = flatten(valueOfLabel(proposal, lines, /^technolog/i));
  const skills = flatten(fieldText(proposal.fields.find((f) => f.key === 'skills'), lines));
  const sameOption = fieldById(form, FIELD.skillsSame)?.options[0];
  const values: Record<string, string | string[]> = { [FIELD.project]: project, [FIELD.term]: term, [FIELD.name]: name, [FIELD.description]: description };
  if (technologies) {
    values[FIELD.technologies] = technologies;
    if (skills && skills.toLowerCase() !== technologies.toLowerCase()) values[FIELD.skills] = skills;
    else if (sameOption) values[FIELD.skillsSame] = [sameOption];
  } else if (skills) {
    values[FIELD.technologies] = skills;
    if (sameOption) values[FIELD.skillsSame] = [sameOption];
  } else notes.push('The entry lists neither technologies nor skills: fill in Technologies.');

  const mentors = proposal.mentors.filter((m) => m.name || m.handle || m.email);
  let filled = 0;
  values[FIELD.mentors] = mentors
    .map((m) => {
      const known = m.handle && (!m.name || !m.email) ? input.knownMentor?.(m.handle) : undefined;
      if (known && ((!m.name && known.name) || (!m.email && known.email))) filled++;
      return mentorPipeLine({ name: (m.name || known?.name || '').replace(/[*_]/g, ''), handle: m.handle, email: m.email || known?.email });
    })
    .join('\n');
  if (filled) notes.push(`${filled === 1 ? 'A mentor\'s' : `${filled} mentors'`} missing name or address was taken from the other ideas files: check it.`);
  if (mentors.length) notes.push("Add each mentor's LFID (LF username) as the 4th part of their line, and check they are still available.");
  else notes.push('The entry names no mentor: add at least one line `Full Name | @github-handle | email | LFID`.');

  const upstream = proposal.upstream.find((u) => !LFX_HOST.test(u.url) && /^https?:\/\//i.test(u.url));
  if (upstream) {
    values[FIELD.upstream] = upstream.url;
    notes.push(`Check that the upstream issue ${upstream.url} is still open.`);
  } else notes.push('The entry has no upstream issue: link one tracking issue.');

  return { text: renderDraft(form, values), project, notes };
}

/**
 * The form's CNCF Project option naming the same project as an ideas-file heading: `jaeger` ->
 * `Jaeger`, `OPA` -> `Open Policy Agent (OPA)`, `LitmusChaos` -> `Litmus` (through the CNCF
 * catalogue's names), `WasmEdge` -> `WasmEdge Runtime`, `Cloud Native Buildpacks` -> `Buildpacks`, `Envoy Gateway` ->
 * `Envoy` (first words). Undefined when none fits (the heading is kept; unknown-project says so).
 */
export function projectOption(options: readonly string[], heading: string, catalog: ProjectCatalog = ProjectCatalog.snapshot()): string | undefined {
  const v = heading.trim();
  if (!v || v.length > 200) return undefined;
  if (options.includes(v)) return v;
  const byKey = new Map<string, string>();
  for (const o of options) if (!byKey.has(projectKey(o))) byKey.set(projectKey(o), o);
  const key = projectKey(v);
  if (!key) return undefined;
  const exact = byKey.get(key);
  if (exact) return exact;
  for (const o of options) {
    const abbreviation = /\(([^()]{1,40})\)\s*$/.exec(o)?.[1];
    if (abbreviation && projectKey(`x${abbreviation}`) === `x${key}`) return o;
  }
  const project = catalog.find(v);
  if (project) {
    const named = byKey.get(projectKey(project.name)) ?? byKey.get(projectKey(project.slug));
    if (named) return named;
  }
  const longer = options.filter((o) => projectKey(o).startsWith(key));
  if (longer.length === 1) return longer[0];
  // `Cloud Native Buildpacks` -> `Buildpacks`.
  const shorter = options.filter((o) => projectKey(o).length >= 5 && key.endsWith(projectKey(o)));
  if (shorter.length === 1) return shorter[0];
  const words = v.replace(/\(.*?\)/g, ' ').split(/[\s\-_/:,]+/).filter(Boolean).slice(0, 8);
  for (let n = words.length - 1; n >= 1; n--) {
    const o = byKey.get(projectKey(words.slice(0, n).join(' ')));
    if (o) return o;
  }
  return undefined;
}

/** A field's text as written (its value range), indentation of continuation lines removed. */
function fieldText(field: Field | undefined, lines: readonly string[]): string {
  if (!field) return '';
  if (!field.valueRange) return field.value;
  const { start, end } = field.valueRange;
  const out: string[] = [];
  for (let l = start.line; l <= end.line && l < lines.length; l++) {
    const line = lines[l] ?? '';
    out.push(l === start.line ? line.slice(start.character, l === end.line ? end.character : undefined) : l === end.line ? line.slice(0, end.character) : line);
  }
  return dedent(out).trim();
}

function dedent(lines: string[]): string {
  const rest = lines.slice(1).filter((l) => l.trim());
  const indent = rest.length ? Math.min(...rest.map((l) => l.length - l.trimStart().length)) : 0;
  return [lines[0] ?? '', ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))].join('\n');
}

function valueOfLabel(proposal: Proposal, lines: readonly string[], label: RegExp): string {
  return fieldText(proposal.fields.find((f) => label.test(f.label)), lines);
}

/** `- Go\n- Kubernetes` or `Go,\nKubernetes` -> `Go, Kubernetes`: the form's fields are one line. */
function flatten(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '').trim())
    .filter(Boolean)
    .join(', ')
    .replace(/,\s*,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

const QUOTED = /^\s{0,8}>/;

/** Lines of a blockquote starting at `from` (blank lines inside it included), unquoted. */
function quotedBlock(lines: readonly string[], from: number): string | undefined {
  let l = from;
  while (l < lines.length && !(lines[l] ?? '').trim()) l++;
  if (l >= lines.length || !QUOTED.test(lines[l])) return undefined;
  const out: string[] = [];
  for (; l < lines.length; l++) {
    const line = lines[l];
    if (QUOTED.test(line)) out.push(line.replace(/^\s{0,8}> ?/, ''));
    else if (!line.trim() && QUOTED.test(lines[l + 1] ?? '')) out.push('');
    else break;
  }
  return out.join('\n').trim();
}

/** A `### ` line inside the description would start a new section for the bot: demote it. */
function safeForForm(text: string): string {
  return text.replace(/^### /gm, '#### ');
}

function descriptionOf(proposal: Proposal, lines: readonly string[]): string {
  const descriptions = proposal.fields.filter((f) => f.key === 'description');
  const first = descriptions[0];
  if (first) {
    // The generated README: `- Description:` then the whole description as an indented blockquote.
    const rest = (lines[first.labelRange.end.line] ?? '').slice(first.labelRange.end.character).replace(/^[*_]*\s*[:：]?\s*[*_]*/, '').trim();
    if (!rest) {
      const quoted = quotedBlock(lines, first.labelRange.end.line + 1);
      if (quoted) return safeForForm(quoted);
    }
  }
  const description = descriptions.map((f) => unquote(fieldText(f, lines))).filter(Boolean).join('\n\n');
  const outcome = proposal.fields
    .filter((f) => f.key === 'outcome')
    .map((f) => unquote(fieldText(f, lines)))
    .filter(Boolean)
    .join('\n\n');
  const parts: string[] = [];
  if (description) parts.push(`## Description\n${description}`);
  if (outcome) parts.push(`## Expected outcomes\n${outcome}`);
  return safeForForm(parts.join('\n\n'));
}

/** Quote markers removed when every non-blank line carries one. */
function unquote(text: string): string {
  const lines = text.split('\n');
  if (!lines.filter((l) => l.trim()).every((l) => QUOTED.test(l))) return text;
  return lines.map((l) => l.replace(/^\s{0,8}> ?/, '')).join('\n').trim();
}
