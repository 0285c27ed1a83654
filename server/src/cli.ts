#!/usr/bin/env node
// Command-line checker: the same parser and rules as the language server.
//   project-ideas check [files or folders...] [--format text|json|github] [--rule id=severity]...
// Exit status: 1 when an error-level finding is reported, 0 otherwise, 2 on a usage error.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse, TOO_LARGE_MESSAGE } from './analyse';
import { KnowledgeIndex } from './core/knowledge';
import type { IdeasModel } from './core/model';
import { parseIdeas } from './core/parse';
import { termOfPath } from './core/term';
import { markdownFilesUnder } from './core/scan';
import { WorkspaceIndex } from './core/workspaceIndex';
import { RULES, RULE_IDS } from './rules';
import { knowledgeView } from './rules/knowledgeView';
import type { ResolvedFinding, Severity } from './rules/types';
import { logicalKey, splitLines } from './rules/util';
import type { RuleSeverity } from './settings';
import { readWorkspaceData, type WorkspaceData } from './workspaceData';
import { DRAFT_RULES, DRAFT_RULE_IDS } from './drafts';
import { checkDraftFiles, DRAFT_COMMANDS, DRAFT_USAGE, draftCommand, findForm, isDraftFile, type DraftFile } from './drafts/commands';

const USAGE = `Usage: project-ideas check [files or folders...] [options]
${DRAFT_USAGE}

Checks CNCF mentorship project-ideas files (LFX project_ideas.md, term README.md,
programs/summerofcode/YEAR.md) with the same rules as the Project Ideas editor extension.
Every markdown file named, or found under a folder named, on the command line is checked.

Options:
  --format text|json|github   Output format (default: text). "github" prints GitHub Actions
                              annotations (::error file=…,line=…,col=…::message).
  --rule <id>=<severity>      Set a rule's severity: off, hint, information, warning, error.
                              Repeatable.
  --quotas <file>             quotas.yml to use (default: programs/lfx-mentorship/automation/quotas.yml
                              under the current folder or a folder argument, else 4, Kubernetes 8).
  --projects <file>           projects.yml to use (default: found like quotas.yml, else the
                              shipped CNCF project list).
  --max-file-size <bytes>     Skip the rules for larger files (default: 2000000).
  --form <file>               The LFX issue form drafts are checked against (default: see above).
  -h, --help                  Show this help.

Exit status: 1 if any error was found, 0 otherwise, 2 on a usage error.

Rules:
${RULES.map((r) => `  ${r.id.padEnd(26)}${r.defaultSeverity.padEnd(12)}${r.description}`).join('\n')}

Rules for LFX proposal drafts:
${DRAFT_RULES.map((r) => `  ${r.id.padEnd(34)}${r.defaultSeverity.padEnd(12)}${r.description}`).join('\n')}
`;

const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];
type Format = 'text' | 'json' | 'github';

class UsageError extends Error {}

interface Options {
  paths: string[];
  format: Format;
  severities: Record<string, RuleSeverity>;
  quotas?: string;
  projects?: string;
  /** The LFX issue form for drafts (--form). */
  form?: string;
  maxFileSize: number;
  help: boolean;
}

export function parseArgs(argv: string[]): Options {
  const options: Options = { paths: [], format: 'text', severities: {}, maxFileSize: 2_000_000, help: false };
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  else if (args[0] && !args[0].startsWith('-')) throw new UsageError(`unknown command "${args[0]}"; the commands are check, ${DRAFT_COMMANDS.join(', ')}`);
  const value = (flag: string, inline: string | undefined) => {
    const v = inline ?? args.shift();
    if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length) {
    const arg = args.shift()!;
    if (arg === '--') {
      options.paths.push(...args.splice(0));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    switch (flag) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--format': {
        const f = value(flag, inline);
        if (f !== 'text' && f !== 'json' && f !== 'github') throw new UsageError(`--format must be text, json or github, not "${f}"`);
        options.format = f;
        break;
      }
      case '--rule': {
        const spec = value(flag, inline);
        const m = /^([a-z0-9/-]+)=([a-z]+)$/.exec(spec);
        if (!m) throw new UsageError(`--rule expects <id>=<severity>, not "${spec}"`);
        if (!RULE_IDS.includes(m[1]) && !DRAFT_RULE_IDS.includes(m[1])) throw new UsageError(`unknown rule "${m[1]}"; rules: ${[...RULE_IDS, ...DRAFT_RULE_IDS].join(', ')}`);
        if (!(SEVERITIES as readonly string[]).includes(m[2])) throw new UsageError(`severity of --rule ${m[1]} must be one of ${SEVERITIES.join(', ')}`);
        options.severities[m[1]] = m[2] as RuleSeverity;
        break;
      }
      case '--quotas':
        options.quotas = value(flag, inline);
        break;
      case '--projects':
        options.projects = value(flag, inline);
        break;
      case '--form':
        options.form = value(flag, inline);
        break;
      case '--max-file-size': {
        const n = Number(value(flag, inline));
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--max-file-size expects a whole number of bytes');
        options.maxFileSize = n;
        break;
      }
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if (!options.paths.length) options.paths.push('.');
  return options;
}

interface Target {
  file: string;
}

async function collectTargets(paths: string[]): Promise<Target[]> {
  const seen = new Map<string, Target>();
  for (const p of paths) {
    const abs = path.resolve(p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${p}`);
    if (stat.isDirectory()) {
      const found: string[] = [];
      for await (const file of markdownFilesUnder(abs)) found.push(file);
      for (const file of found.sort()) if (!seen.has(file)) seen.set(file, { file });
    } else seen.set(abs, { file: abs });
  }
  return [...seen.values()];
}

async function loadData(options: Options, out: (line: string) => void): Promise<WorkspaceData> {
  for (const explicit of [options.quotas, options.projects]) {
    if (explicit !== undefined && (await fs.readFile(explicit, 'utf8').catch(() => undefined)) === undefined) throw new UsageError(`cannot read ${explicit}`);
  }
  const roots = [process.cwd(), ...options.paths.map((p) => path.resolve(p))];
  return readWorkspaceData(roots, (problem) => out(`warning: ${problem}`), { quotas: options.quotas, projects: options.projects });
}

interface Checked {
  file: string;
  uri: string;
  text: string;
  model: IdeasModel;
  tooLarge: boolean;
}

export interface CheckResult {
  files: number;
  findings: (ResolvedFinding & { file: string })[];
  ms: number;
}

/** Checks files and folders; the same work the `check` command prints. */
export async function check(options: Options, warn: (line: string) => void = () => {}): Promise<CheckResult> {
  const started = Date.now();
  const data = await loadData(options, warn);
  const targets = await collectTargets(options.paths);
  const form = await findForm([process.cwd(), ...options.paths], options.form, warn).catch((e: Error) => {
    throw new UsageError(e.message);
  });
  const checked: Checked[] = [];
  // LFX proposal drafts (issue-form bodies), recognised by content, get the form/* rules (drafts/).
  const drafts: DraftFile[] = [];
  // Every markdown file named, or found under a folder named, on the command line is checked: corpus
  // copies and renamed ideas files match neither the globs nor, once emptied, the template.
  for (const { file } of targets) {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      warn(`warning: cannot read ${file}`);
      continue;
    }
    const tooLarge = Buffer.byteLength(text, 'utf8') > options.maxFileSize;
    if (!tooLarge && isDraftFile(file, text, form)) {
      drafts.push({ file, uri: pathToFileURL(file).toString(), text });
      continue;
    }
    const model = parseIdeas(tooLarge ? '' : text, { path: file });
    checked.push({ file, uri: pathToFileURL(file).toString(), text, model, tooLarge });
  }
  // The workspace the cross-file rules see: one version per file (the newest of a corpus's copies).
  const index = new WorkspaceIndex();
  const newest = new Map<string, Checked>();
  for (const c of checked) {
    const key = logicalKey(c.file);
    const current = newest.get(key);
    if (!current || path.basename(c.file) > path.basename(current.file)) newest.set(key, c);
  }
  for (const c of newest.values()) if (!c.tooLarge) index.set(c.uri, c.file, c.model);
  const knowledge = KnowledgeIndex.attach(index, () => data.catalog);
  const view = knowledgeView(index, knowledge);
  const findings: CheckResult['findings'] = [];
  for (const c of checked) {
    const results = analyse(
      { uri: c.uri, path: c.file, text: c.text, lines: splitLines(c.text), model: c.model, term: termOfPath(c.file) },
      {
        data,
        knowledge: view,
        severities: options.severities,
        onError: (id, e) => warn(`warning: rule ${id} failed on ${c.file}: ${(e as Error)?.message ?? e}`),
        ...(c.tooLarge ? { tooLarge: TOO_LARGE_MESSAGE.option(options.maxFileSize) } : {}),
      },
    );
    for (const f of results) findings.push({ ...f, file: c.file });
  }
  findings.push(
    ...checkDraftFiles(drafts, [...newest.values()].filter((c) => !c.tooLarge), {
      form,
      quotas: data.quotas,
      catalog: data.catalog,
      severities: options.severities,
      onError: (file, id, e) => warn(`warning: rule ${id} failed on ${file}: ${(e as Error)?.message ?? e}`),
    }),
  );
  return { files: checked.length + drafts.length, findings, ms: Date.now() - started };
}

// ---- output -------------------------------------------------------------------------------------

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return (r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file).replace(/\\/g, '/');
}

function uriToFile(uri: string): string {
  try {
    return rel(new URL(uri).pathname ? decodeURIComponent(new URL(uri).pathname) : uri);
  } catch {
    return uri;
  }
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatResult(result: CheckResult, format: Format): string {
  const { findings } = result;
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const summary = `${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes in ${result.files} files (${result.ms} ms)`;
  if (format === 'json') {
    return JSON.stringify(
      {
        files: result.files,
        ms: result.ms,
        summary: { error: count('error'), warning: count('warning'), information: count('information'), hint: count('hint') },
        findings: findings.map((f) => ({
          file: rel(f.file),
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
          severity: f.severity,
          rule: f.ruleId,
          message: f.message,
          related: (f.related ?? []).map((r) => ({ file: uriToFile(r.uri), line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message })),
          fixes: (f.fixes ?? []).map((x) => x.title),
        })),
      },
      null,
      2,
    );
  }
  const lines: string[] = [];
  if (format === 'github') {
    for (const f of findings) {
      const props = [
        `file=${escapeProperty(rel(f.file))}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        ...(f.range.start.line === f.range.end.line ? [`endColumn=${f.range.end.character + 1}`] : []),
        `title=${escapeProperty(`project-ideas(${f.ruleId})`)}`,
      ];
      lines.push(`::${GITHUB_LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
    lines.push(summary);
    return lines.join('\n');
  }
  let current = '';
  for (const f of findings) {
    const file = rel(f.file);
    if (file !== current) {
      if (current) lines.push('');
      lines.push(file);
      current = file;
    }
    lines.push(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity.padEnd(11)}  ${f.message}  [${f.ruleId}]`);
    for (const r of f.related ?? []) lines.push(`      ${uriToFile(r.uri)}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}`);
  }
  if (lines.length) lines.push('');
  lines.push(summary);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  if ((DRAFT_COMMANDS as readonly string[]).includes(argv[0])) {
    return draftCommand(argv, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
  }
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`project-ideas: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const result = await check(options, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${formatResult(result, options.format)}\n`);
    return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`project-ideas: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`project-ideas: ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
