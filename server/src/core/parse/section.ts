// Structure: which headings are projects, sub-projects and proposals, attached by position
// (not by level), then each top-level project section filled in (fields, mentors, upstream).
import type { Draft, Irregularity, Project, Proposal, Span } from '../model';
import type { HeadingInfo } from './headings';
import { hasLabels, readFields } from './fields';
import { STRONG_KEYS } from './labels';
import type { LineSource } from './lines';

/** P: heading followed by field labels (a proposal); N: no labels; X: excluded (Template, Sample, TOC…). */
export type HeadingKind = 'P' | 'N' | 'X';

/** File-level context a section is read in. */
export interface SectionContext {
  /** Level of CNCF project headings in this file (inferred, else the template's). */
  projectLevel: number;
  /** Level proposal headings are expected at (the template's when the file has one, else inferred). */
  proposalLevel: number;
}

export interface ProposalBuild {
  h: HeadingInfo;
  endLine: number;
}

export interface ProjectBuild {
  h: HeadingInfo;
  endLine: number;
  proposals: ProposalBuild[];
  subs: ProjectBuild[];
  /** Level of the first proposal attached directly. */
  propLevel?: number;
}

export interface Structure {
  projects: ProjectBuild[];
  loose: ProposalBuild[];
  irregularities: Irregularity[];
}

export function classifyHeadings(headings: HeadingInfo[], src: LineSource, excluded: ReadonlySet<number>): HeadingKind[] {
  const kinds: HeadingKind[] = [];
  for (let i = 0; i < headings.length; i++) {
    if (excluded.has(i)) {
      kinds.push('X');
      continue;
    }
    const h = headings[i];
    const next = headings[i + 1];
    const to = next ? next.line : src.end;
    kinds.push(hasLabels(src, h.endLine + 1, to, STRONG_KEYS) ? 'P' : 'N');
  }
  return kinds;
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN || (n === bestN && best !== undefined && v < best)) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

/** Proposal level: the commonest level of headings followed by labels; project level: the
 *  commonest level of the nearest label-less heading above each of them. */
export function inferLevels(headings: HeadingInfo[], kinds: HeadingKind[]): { project?: number; proposal?: number } {
  const props: number[] = [];
  const projs: number[] = [];
  let lastN: number | undefined;
  for (let i = 0; i < headings.length; i++) {
    if (kinds[i] === 'P') {
      props.push(headings[i].level);
      if (lastN !== undefined && lastN < headings[i].level) projs.push(lastN);
    } else if (kinds[i] === 'N') lastN = headings[i].level;
    else lastN = undefined;
  }
  return { proposal: mode(props), project: mode(projs) };
}

function irr(code: string, message: string, range: Span): Irregularity {
  return { code, message, range };
}

/** The state machine: headings in order -> projects / sub-projects / proposals. */
export function buildStructure(headings: HeadingInfo[], kinds: HeadingKind[], ctx: SectionContext, regionEnd: number): Structure {
  const out: Structure = { projects: [], loose: [], irregularities: [] };
  let stack: ProjectBuild[] = [];
  let prop: ProposalBuild | undefined;
  const closeProp = (line: number) => {
    if (prop) prop.endLine = line;
    prop = undefined;
  };
  const popTo = (n: number, line: number) => {
    while (stack.length > n) stack.pop()!.endLine = line;
  };
  /** Whether a proposal follows heading i before a heading at its level or above (looks 60 ahead). */
  const hasProposalsBelow = (i: number): boolean => {
    const h = headings[i];
    for (let j = i + 1; j < headings.length && j < i + 60; j++) {
      if (kinds[j] === 'X') return false;
      if (kinds[j] === 'P') return true;
      if (headings[j].level <= h.level) return false;
    }
    return false;
  };
  const openProject = (h: HeadingInfo) => {
    const p: ProjectBuild = { h, endLine: regionEnd, proposals: [], subs: [] };
    // Sub-project of the innermost project that is shallower and whose own proposals are deeper.
    while (stack.length) {
      const c = stack[stack.length - 1];
      if (h.level > c.h.level && (c.propLevel === undefined || h.level < c.propLevel)) break;
      stack.pop()!.endLine = h.line;
    }
    if (stack.length) stack[stack.length - 1].subs.push(p);
    else {
      const prev = out.projects[out.projects.length - 1];
      if (prev && prev.endLine >= h.line && h.level >= ctx.proposalLevel && h.level > prev.h.level) {
        out.irregularities.push(irr('project-at-proposal-depth', `Project heading "${h.title}" is at proposal depth (level ${h.level}).`, h.range));
      }
      out.projects.push(p);
    }
    stack.push(p);
  };
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const kind = kinds[i];
    if (kind === 'X') {
      closeProp(h.line);
      popTo(0, h.line);
      continue;
    }
    if (kind === 'P') {
      closeProp(h.line);
      const pb: ProposalBuild = { h, endLine: regionEnd };
      prop = pb;
      if (!stack.length) {
        out.loose.push(pb);
        out.irregularities.push(irr('proposal-without-project', `Proposal "${h.title}" is not under any project heading.`, h.range));
        continue;
      }
      while (stack.length > 1 && h.level <= stack[stack.length - 1].h.level) stack.pop()!.endLine = h.line;
      const c = stack[stack.length - 1];
      c.proposals.push(pb);
      if (c.propLevel === undefined) c.propLevel = h.level;
      if (h.level <= c.h.level) {
        out.irregularities.push(irr('proposal-above-project', `Proposal "${h.title}" (level ${h.level}) is at or above its project "${c.h.title}" (level ${c.h.level}).`, h.range));
      } else if (h.level > c.h.level + 1) {
        out.irregularities.push(irr('skipped-level', `Proposal "${h.title}" skips a heading level (level ${h.level} under level ${c.h.level}).`, h.range));
      }
      if (h.level !== ctx.proposalLevel && stack.length === 1) {
        out.irregularities.push(irr('heading-level-mismatch', `Proposal "${h.title}" is at level ${h.level}; proposals in this file are at level ${ctx.proposalLevel}.`, h.range));
      }
      continue;
    }
    // N: a heading without fields.
    const next = kinds[i + 1];
    const direct = next === 'P';
    if (!direct && prop && h.level > prop.h.level && (!stack.length || h.level > stack[stack.length - 1].h.level)) continue; // a sub-heading inside a proposal
    if (direct || (hasProposalsBelow(i) && (h.level >= ctx.projectLevel || stack.length > 0 && h.level > stack[0].h.level))) {
      closeProp(h.line);
      openProject(h);
      continue;
    }
    if (hasProposalsBelow(i) || h.level < ctx.projectLevel) {
      // A section heading such as `## Proposed Project ideas`.
      closeProp(h.line);
      popTo(0, h.line);
      continue;
    }
    // Empty or stray heading.
    if (stack.length) {
      out.irregularities.push(irr('stray-heading', `Heading "${h.title}" has no proposal under it.`, h.range));
      closeProp(h.line);
      let keep = 0;
      while (keep < stack.length && stack[keep].h.level < h.level) keep++;
      popTo(keep, h.line);
    } else closeProp(h.line);
  }
  closeProp(regionEnd);
  popTo(0, regionEnd);
  return out;
}

/** Span from a heading to the last non-blank line before `endLine` (exclusive). */
function sectionRange(src: LineSource, h: HeadingInfo, endLine: number): Span {
  let last = Math.min(endLine, src.end) - 1;
  while (last > h.endLine && src.text(last).trim() === '') last--;
  if (last <= h.endLine) return { start: h.range.start, end: h.range.end };
  return { start: h.range.start, end: { line: last, character: src.text(last).trimEnd().length } };
}

export function fillProposal(src: LineSource, pb: ProposalBuild, irregularities: Irregularity[]): Proposal {
  const p: Draft<Proposal> = {
    title: pb.h.title,
    level: pb.h.level,
    headingRange: pb.h.range,
    titleRange: pb.h.textRange,
    range: sectionRange(src, pb.h, pb.endLine),
    fields: [],
    mentors: [],
    upstream: [],
  };
  try {
    const r = readFields(src, pb.h.endLine + 1, pb.endLine);
    p.fields = r.fields;
    p.mentors = r.mentors;
    p.upstream = r.upstream;
    if (r.outcomeInDescription) p.outcomeInDescription = true;
    irregularities.push(...r.irregularities);
  } catch {
    irregularities.push(irr('unreadable-proposal', `The fields of "${pb.h.title}" could not be read.`, pb.h.range));
  }
  return p;
}

/** Builds the model of one project (with its sub-projects and proposals). */
export function fillProject(src: LineSource, pb: ProjectBuild, irregularities: Irregularity[]): Project {
  return {
    name: pb.h.title,
    level: pb.h.level,
    headingRange: pb.h.range,
    titleRange: pb.h.textRange,
    range: sectionRange(src, pb.h, pb.endLine),
    proposals: pb.proposals.map((x) => fillProposal(src, x, irregularities)),
    subprojects: pb.subs.map((s) => fillProject(src, s, irregularities)),
  };
}

/**
 * `fillProject` for a project whose structure is unchanged (core/incremental.ts, typing): a proposal
 * whose lines `untouched` says were not edited keeps its previous object and irregularities; the
 * others are filled again. Undefined when `previous` does not match the structure, or when one of its
 * irregularities lies outside every proposal (then nothing tells whose it is): fill it whole.
 */
export function refillProject(
  src: LineSource,
  pb: ProjectBuild,
  previous: Project,
  previousIrregularities: readonly Irregularity[],
  untouched: (from: number, to: number) => boolean,
  irregularities: Irregularity[],
): Project | undefined {
  const placed = new Set<Irregularity>();
  const refill = (b: ProjectBuild, old: Project): Project | undefined => {
    if (old.proposals.length !== b.proposals.length || old.subprojects.length !== b.subs.length) return undefined;
    const proposals = b.proposals.map((x, i) => {
      const own = previousIrregularities.filter((irr) => irr.range.start.line >= x.h.line && irr.range.start.line < x.endLine);
      for (const irr of own) placed.add(irr);
      if (!untouched(x.h.line, x.endLine)) return fillProposal(src, x, irregularities);
      irregularities.push(...own);
      return old.proposals[i];
    });
    const subprojects: Project[] = [];
    for (let i = 0; i < b.subs.length; i++) {
      const sub = refill(b.subs[i], old.subprojects[i]);
      if (!sub) return undefined;
      subprojects.push(sub);
    }
    return { name: b.h.title, level: b.h.level, headingRange: b.h.range, titleRange: b.h.textRange, range: sectionRange(src, b.h, b.endLine), proposals, subprojects };
  };
  const first = irregularities.length;
  const project = refill(pb, previous);
  if (!project || placed.size !== previousIrregularities.length) {
    irregularities.length = first;
    return undefined;
  }
  return project;
}

