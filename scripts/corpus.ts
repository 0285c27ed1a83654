// Corpus runner: npm run corpus -- DIR [--verbose] [--by-content]
// Parses every .md/.txt file in DIR; prints per file projects, proposals, fields, mentors,
// upstream references, parse time, exceptions, TOC agreement and a range check; then totals.
// --by-content: also as if each file were a copy outside its repository path (a neutral name, no
// glob matching): which files are recognised by content, and the proposals found in them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hasProposalStructure, hasTemplateBlock, isIdeasFile } from '../server/src/core/ideasFiles';
import { parseIdeas } from '../server/src/core/parse';
import type { IdeasModel, Project, Span } from '../server/src/core/model';
import { allProjectsDeep, proposalsOf } from '../server/src/core/walk';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const verbose = args.includes('--verbose');
const byContent = args.includes('--by-content');
const content = { files: 0, recognised: 0, byTemplate: 0, proposals: 0, proposalsByTemplate: 0, missed: [] as string[] };
if (!dir) {
  console.error('usage: npm run corpus -- DIR [--verbose]');
  process.exit(2);
}


/** Every range in the model lies in the document. Returns the first bad path or ''. */
function checkRanges(model: IdeasModel, lineLengths: number[]): string {
  let bad = '';
  const inDoc = (s: Span, path: string) => {
    if (bad) return;
    for (const p of [s.start, s.end]) {
      if (!(p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= lineLengths[p.line])) {
        bad = `${path} ${JSON.stringify(s)}`;
        return;
      }
    }
    if (s.start.line > s.end.line || (s.start.line === s.end.line && s.start.character > s.end.character)) bad = `${path} inverted ${JSON.stringify(s)}`;
  };
  const visit = (v: unknown, path: string, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 40 || bad) return;
    const o = v as Record<string, unknown>;
    if (o.start && o.end && typeof (o.start as { line?: unknown }).line === 'number') {
      inDoc(o as unknown as Span, path);
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`, depth + 1));
    else for (const k of Object.keys(o)) visit(o[k], `${path}.${k}`, depth + 1);
  };
  visit(model, 'model', 0);
  if (model.lineCount !== lineLengths.length) bad = bad || `lineCount ${model.lineCount} != ${lineLengths.length}`;
  return bad;
}

/** Proposals by the TOC: leaves below depth 0, from the first entry that links to a project or
 *  proposal heading on (entries for Timeline, Template, Sample… come before). Undefined when flat. */
function tocProposals(model: IdeasModel): number | undefined {
  const toc = model.toc;
  if (!toc || !toc.entries.length) return undefined;
  const e = toc.entries;
  if (!e.some((x) => x.depth > 0)) return undefined;
  const lines = new Set<number>();
  for (const { project } of allProjectsDeep(model)) lines.add(project.headingRange.start.line);
  for (const { proposal } of proposalsOf(model)) lines.add(proposal.headingRange.start.line);
  const structural = new Set(model.headings.filter((h) => lines.has(h.range.start.line)).map((h) => h.slug));
  let start = e.findIndex((x) => structural.has(safeDecode(x.anchor)));
  if (start < 0) start = 0;
  let n = 0;
  for (let i = start; i < e.length; i++) {
    const leaf = i + 1 >= e.length || e[i + 1].depth <= e[i].depth;
    if (leaf && e[i].depth > 0) n++;
  }
  return n;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const files = readdirSync(dir)
  .filter((f) => /\.(md|txt)$/i.test(f))
  .sort();
const totals = { files: 0, projects: 0, proposals: 0, fields: 0, mentors: 0, upstream: 0, exceptions: 0, badRanges: 0, ms: 0, tocFiles: 0, tocAgree: 0 };
let largest = { file: '', size: 0, ms: 0 };
const differ: string[] = [];
for (const f of files) {
  const path = join(dir, f);
  if (!statSync(path).isFile()) continue;
  const text = readFileSync(path, 'utf8');
  totals.files++;
  let model: IdeasModel | undefined;
  let error = '';
  const t0 = performance.now();
  try {
    model = parseIdeas(text, { path: f });
  } catch (e) {
    error = e instanceof Error ? e.stack ?? e.message : String(e);
    totals.exceptions++;
  }
  const ms = performance.now() - t0;
  totals.ms += ms;
  if (text.length > largest.size) largest = { file: f, size: text.length, ms };
  if (!model) {
    console.log(`${f}: EXCEPTION ${error}`);
    continue;
  }
  const props = proposalsOf(model).map((x) => x.proposal);
  if (byContent) {
    // A copy outside the repository: no path tells its kind, no glob matches its name.
    const neutral = `/tmp/copy/ideas-copy-${totals.files}.md`;
    const recognised = isIdeasFile(neutral, text, { files: [], detectByContent: true });
    const copy = recognised ? parseIdeas(text, { path: neutral }) : undefined;
    const found = copy ? proposalsOf(copy).length : 0;
    content.files++;
    content.proposals += found;
    if (recognised) content.recognised++;
    if (hasTemplateBlock(text)) {
      content.byTemplate++;
      content.proposalsByTemplate += props.length;
    }
    if (!recognised) content.missed.push(`${f}: ${props.length} proposals, structure ${hasProposalStructure(text)}`);
  }
  const fields = props.reduce((n, p) => n + p.fields.length, 0);
  const mentors = props.reduce((n, p) => n + p.mentors.length, 0);
  const upstream = props.reduce((n, p) => n + p.upstream.length, 0);
  const projects = allProjectsDeep(model).length;
  totals.projects += projects;
  totals.proposals += props.length;
  totals.fields += fields;
  totals.mentors += mentors;
  totals.upstream += upstream;
  const lineLengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  const bad = checkRanges(model, lineLengths);
  if (bad) totals.badRanges++;
  const tp = tocProposals(model);
  let tocInfo = model.toc ? `toc(${model.toc.form}) flat` : 'no toc';
  if (tp !== undefined) {
    totals.tocFiles++;
    if (tp === props.length) totals.tocAgree++;
    else differ.push(`${f}: toc ${tp} vs found ${props.length}`);
    tocInfo = `toc ${tp} ${tp === props.length ? '==' : '!='} found ${props.length}`;
  }
  console.log(
    `${f}: kind=${model.kind} projects=${projects} proposals=${props.length} fields=${fields} mentors=${mentors} upstream=${upstream} ${ms.toFixed(1)}ms ${tocInfo}${bad ? ' BAD RANGE ' + bad : ' ranges ok'}`,
  );
  if (verbose) {
    const show = (ps: readonly Project[], ind: string) => {
      for (const p of ps) {
        console.log(`${ind}[${p.level}] ${p.name}`);
        for (const q of p.proposals) console.log(`${ind}  (${q.level}) ${q.title}  fields=${q.fields.map((x) => x.key).join(',')} mentors=${q.mentors.length} up=${q.upstream.length}`);
        show(p.subprojects, ind + '    ');
      }
    };
    for (const q of model.looseProposals) console.log(`  loose (${q.level}) ${q.title}`);
    show(model.projects, '  ');
  }
}
console.log('');
console.log(
  `TOTAL files=${totals.files} projects=${totals.projects} proposals=${totals.proposals} fields=${totals.fields} mentors=${totals.mentors} upstream=${totals.upstream} exceptions=${totals.exceptions} bad-ranges=${totals.badRanges} time=${totals.ms.toFixed(0)}ms largest=${largest.file} (${largest.size} chars, ${largest.ms.toFixed(1)}ms)`,
);
console.log(`TOC: ${totals.tocAgree}/${totals.tocFiles} nested TOCs agree with the proposals found`);
for (const d of differ) console.log(`  differs: ${d}`);
if (byContent) {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '100.0');
  console.log(
    `BY CONTENT: files recognised ${content.recognised}/${content.files} (Template block alone: ${content.byTemplate}); proposals found ${content.proposals}/${totals.proposals} (${pct(content.proposals, totals.proposals)}%; Template block alone: ${content.proposalsByTemplate}, ${pct(content.proposalsByTemplate, totals.proposals)}%)`,
  );
  for (const m of content.missed) console.log(`  not recognised: ${m}`);
}
