// Entry point of the parser: text > mdast (remark-parse) > IdeasModel. Never throws.
//
// Pipeline (server/src/core/parse/*):
//   lines.ts     LineIndex: line-start table, offset <-> position (binary search), LineSource
//   headings.ts  one walk of the mdast: headings (not in blockquotes), code and quote lines;
//                a line-based fallback for huge files or if remark fails
//   chunks.ts    the scan chunk by chunk (cached), remark or the line scanner per chunk
//   template.ts  the file's fenced Template block -> TemplateInfo (defaults otherwise)
//   section.ts   classifyHeadings (P = followed by field labels, N = not, X = excluded),
//                inferLevels, buildStructure (projects/sub-projects/proposals attached by
//                position), fillProject/fillProposal (fields, mentors, upstream, ranges)
//   fields.ts / labels.ts / mentors.ts / upstream.ts   field labels and values
//   toc.ts, slug.ts, kind.ts
//
// Incremental parsing lives in core/incremental.ts: it re-scans the chunk around an edit and calls
// `modelFromBlocks` (or, for typing, re-fills one proposal).
import type { FileKind, Heading, IdeasModel, Irregularity, Project, Proposal, Toc } from './model';
import { scanChunked } from './parse/chunks';
import { blocksFromLines, FLAG_CODE, FLAG_QUOTE, type Blocks, type HeadingInfo } from './parse/headings';
import { kindFromContent, kindFromPath } from './parse/kind';
import { LineIndex, type LineSource } from './parse/lines';
import { buildStructure, classifyHeadings, fillProject, fillProposal, inferLevels, type SectionContext, type Structure } from './parse/section';
import { createSlugger } from './parse/slug';
import { defaultTemplate, isSampleHeading, isTemplateHeading, readTemplate } from './parse/template';
import { readToc } from './parse/toc';
import { proposalsUnder } from './walk';

export interface ParseOptions {
  /** The file's path or URI, used to tell its kind (LFX ideas, term README, GSoC). */
  path?: string;
}

/** Above this size remark-parse is skipped for the line-based block scanner (real files are < 100 KB). */
const MDAST_LIMIT = 1_000_000;


export function parseIdeas(text: string, options: ParseOptions = {}): IdeasModel {
  const safe = typeof text === 'string' ? text : '';
  try {
    return parseWith(safe, options, false);
  } catch {
    try {
      return parseWith(safe, options, true);
    } catch {
      return emptyModel(safe, options);
    }
  }
}

function emptyModel(text: string, options: ParseOptions): IdeasModel {
  let lineCount = 1;
  try {
    lineCount = new LineIndex(text).lineCount;
  } catch {
    // keep 1
  }
  let kind: FileKind = 'unknown';
  try {
    kind = kindFromPath(options.path) ?? 'unknown';
  } catch {
    // keep unknown
  }
  return { kind, template: defaultTemplate(), projects: [], looseProposals: [], headings: [], irregularities: [], lineCount };
}

export function sourceOf(idx: LineIndex, flags: Uint8Array): LineSource {
  return {
    first: 0,
    end: idx.lineCount,
    text: (l) => idx.line(l),
    inCode: (l) => (flags[l] & FLAG_CODE) !== 0,
    inQuote: (l) => (flags[l] & FLAG_QUOTE) !== 0,
  };
}

/**
 * The block scan: chunk by chunk between root ATX headings (parse/chunks.ts scanChunked), each chunk
 * by remark unless remark would stall on that chunk alone (then by the line scanner); a text with
 * link reference definitions is read whole, by the line scanner if remark would stall on it.
 */
function blocksOf(idx: LineIndex, linesOnly: boolean): Blocks {
  if (linesOnly || idx.text.length > MDAST_LIMIT) return blocksFromLines(idx);
  try {
    return scanChunked(idx);
  } catch {
    return blocksFromLines(idx);
  }
}

/** Gives every heading its GitHub slug, in document order (repeats get -1, -2). */
export function slugHeadings<T extends { text: string; slug: string }>(headings: T[]): void {
  const slugger = createSlugger();
  for (const h of headings) h.slug = slugger.slug(h.text);
}

function toHeading(h: HeadingInfo): Heading {
  return { level: h.level, text: h.title, slug: h.slug, range: h.range, textRange: h.textRange };
}

const TEMPLATE_PLACEHOLDER = /^(?:cncf project name|(?:mentorship )?project title|title|proposal title)$/i;

/** Headings that are never projects or proposals: Template and Sample sections, a TOC heading. */
function excludedHeadings(headings: HeadingInfo[], templateIndex: number): Set<number> {
  const out = new Set<number>();
  const section = (i: number) => {
    out.add(i);
    for (let j = i + 1; j < headings.length && headings[j].level > headings[i].level; j++) out.add(j);
  };
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (i === templateIndex || isTemplateHeading(h)) {
      // The template itself is fenced; real sections may follow it directly (no `Proposed Project
      // ideas` heading), so only an unfenced template's placeholder headings are left out.
      out.add(i);
      for (let j = i + 1; j < headings.length && headings[j].level > h.level && TEMPLATE_PLACEHOLDER.test(headings[j].title); j++) out.add(j);
    } else if (isSampleHeading(h)) section(i);
    else if (/^(?:table of contents|contents|toc)$/i.test(h.title)) out.add(i);
  }
  return out;
}

function parseWith(text: string, options: ParseOptions, linesOnly: boolean): IdeasModel {
  const idx = new LineIndex(text);
  return modelFromBlocks(idx, blocksOf(idx, linesOnly), options);
}

/** Irregularities in document order (a stable sort keeps the reading order of equal starts). */
export function byStart(a: Irregularity, b: Irregularity): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Hooks for `modelFromBlocks` (used by core/incremental.ts to reuse unchanged projects). */
export interface ModelHooks {
  /** Called instead of `fillProject` for each top-level project; must return what it would. */
  fillProject?: typeof fillProject;
  /** Receives the structure (projects and loose proposals by heading) before the fill. */
  structure?: (structure: Structure) => void;
}

/** The file's kind: from its path, else from what the model holds. */
export function fileKind(options: ParseOptions, template: { fromFile: boolean }, headings: readonly { title: string }[], projects: readonly Project[], looseProposals: readonly Proposal[]): FileKind {
  const fromPath = kindFromPath(options.path);
  if (fromPath) return fromPath;
  const hints = { sizeFields: 0, lfxFields: 0, proposals: 0, generated: 0, hasTemplate: template.fromFile, hasTimeline: headings.some((h) => /^timeline$/i.test(h.title)) };
  const count = (p: Proposal) => {
    hints.proposals++;
    if (p.fields.some((f) => f.key === 'size')) hints.sizeFields++;
    if (p.fields.some((f) => f.key === 'lfx')) hints.lfxFields++;
    if (p.outcomeInDescription) hints.generated++;
  };
  for (const project of projects) proposalsUnder(project).forEach(count);
  looseProposals.forEach(count);
  return kindFromContent(hints);
}

/**
 * Added for core/incremental.ts: everything the full parse does after the block scan (the
 * expensive remark step). The incremental model re-scans only the edited lines, splices the
 * result into the previous `Blocks` and calls this, so it gets exactly the full parse's model.
 * Sets the headings' slugs. May throw (parseIdeas catches).
 */
export function modelFromBlocks(idx: LineIndex, blocks: Blocks, options: ParseOptions, hooks: ModelHooks = {}): IdeasModel {
  const fill = hooks.fillProject ?? fillProject;
  const src = sourceOf(idx, blocks.flags);
  slugHeadings(blocks.headings);
  const { template, headingIndex } = readTemplate(blocks);
  const irregularities: Irregularity[] = [];
  const excluded = excludedHeadings(blocks.headings, headingIndex);
  for (const i of excluded) {
    const h = blocks.headings[i];
    if (isSampleHeading(h) && !isTemplateHeading(h)) {
      irregularities.push({ code: 'sample-entry', message: `"${h.title}" is a sample entry, not a proposal.`, range: h.range });
    }
  }
  const kinds = classifyHeadings(blocks.headings, src, excluded);
  const inferred = inferLevels(blocks.headings, kinds);
  // Levels are inferred per file; the template's levels count when the file follows them.
  const proposalLevel = inferred.proposal ?? template.proposalLevel;
  const templateFits = template.fromFile && template.proposalLevel === proposalLevel;
  const ctx: SectionContext = {
    projectLevel: templateFits ? template.projectLevel : inferred.project ?? Math.max(1, proposalLevel - 1),
    proposalLevel,
  };
  const structure = buildStructure(blocks.headings, kinds, ctx, idx.lineCount);
  hooks.structure?.(structure);
  irregularities.push(...structure.irregularities);
  const projects: Project[] = [];
  for (const pb of structure.projects) {
    try {
      projects.push(fill(src, pb, irregularities));
    } catch {
      projects.push({ name: pb.h.title, level: pb.h.level, headingRange: pb.h.range, titleRange: pb.h.textRange, range: pb.h.range, proposals: [], subprojects: [] });
      irregularities.push({ code: 'unreadable-project', message: `The section "${pb.h.title}" could not be read.`, range: pb.h.range });
    }
  }
  const looseProposals: Proposal[] = [];
  for (const pb of structure.loose) {
    try {
      looseProposals.push(fillProposal(src, pb, irregularities));
    } catch {
      // skip
    }
  }
  let toc: Toc | undefined;
  try {
    toc = readToc(idx, blocks.headings, blocks.flags);
  } catch {
    toc = undefined;
  }
  const kind = fileKind(options, template, blocks.headings, projects, looseProposals);
  irregularities.sort(byStart);
  const model: IdeasModel = {
    kind,
    template,
    projects,
    looseProposals,
    headings: blocks.headings.map(toHeading),
    irregularities,
    lineCount: idx.lineCount,
    ...(toc ? { toc } : {}),
  };
  return model;
}
