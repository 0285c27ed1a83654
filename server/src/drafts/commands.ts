// The command-line forms of the draft commands (cli.ts dispatches to them) and the drafts' part of
// `project-ideas check`: the same core as the editor. Reads files; never writes any, no network.
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Quotas, ProjectCatalog } from '../core/cncfProjects';
import type { IdeasModel } from '../core/model';
import { DEFAULT_FILE_GLOBS, isIdeasFile } from '../core/ideasFiles';
import { KnowledgeIndex } from '../core/knowledge';
import { parseIdeas } from '../core/parse';
import { markdownFilesUnder } from '../core/scan';
import { WorkspaceIndex } from '../core/workspaceIndex';
import { termOfPath } from '../core/term';
import type { ResolvedFinding } from '../rules/types';
import type { RuleSeverity } from '../settings';
import { checkDraft, isDraftText } from './index';
import { parseDraft, type DraftModel } from './draft';
import { FIELD, fieldById, loadForm, type LoadedForm } from './form';
import { ghIssueCommand, issueLink, DEFAULT_TARGET } from './link';
import { newProposal } from './newProposal';
import { knownMentorFrom, proposalAt, proposeAgain } from './proposeAgain';
import type { KnownProposal } from './rules/types';
import { draftWorkspace, knownProposalOfDraft, knownProposalsOfIdeasFile } from './workspace';

export const FORM_PATH = ['.github', 'ISSUE_TEMPLATE', 'lfx-program-proposal.yml'] as const;

export const DRAFT_COMMANDS = ['issue-url', 'propose-again', 'new-proposal'] as const;

export const DRAFT_USAGE = `       project-ideas issue-url DRAFT [--repo OWNER/NAME] [--template FILE.yml] [--gh] [--form FILE]
       project-ideas propose-again FILE --line N --term "2027 Term 1 (Mar-May)" [--form FILE] [IDEAS-FILE|FOLDER...]
       project-ideas new-proposal --project P --term T [--form FILE]

LFX proposal drafts (the body of the issue form lfx-program-proposal.yml: "### <label>" sections;
files named *.lfx-proposal.md, or any file with the sections CNCF Project, Term, Program Description
and Mentors) are checked with the form/* rules, as the upstream bot checks them.
  issue-url       prints the prefilled new-issue link (text fields by id) and, on standard error, the
                  dropdowns and boxes to set on the page; --gh prints a \`gh issue create\` line instead.
                  Refused (exit 1) while the draft has errors or when the link would be too long.
  propose-again   prints a draft for the term from the proposal at line N of an ideas file; a mentor
                  written without a name or address gets them from the ideas files given after FILE
                  (files, or folders searched), else from the ideas files in FILE's folder.
  new-proposal    prints an empty draft for a project and a term.
  --form FILE     the issue form to use (default: .github/ISSUE_TEMPLATE/lfx-program-proposal.yml
                  under the current folder or the file's folders, else the copy shipped with the tool).`;

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

class CommandError extends Error {}

/** The issue form: --form, else the first `.github/ISSUE_TEMPLATE/lfx-program-proposal.yml` under the roots or their parents. */
export async function findForm(roots: readonly string[], explicit: string | undefined, warn: (line: string) => void): Promise<LoadedForm> {
  if (explicit !== undefined) {
    const text = await fs.readFile(explicit, 'utf8').catch(() => undefined);
    if (text === undefined) throw new CommandError(`cannot read ${explicit}`);
    const loaded = loadForm(text, explicit);
    if (loaded.problem) warn(`warning: ${loaded.problem}`);
    return loaded;
  }
  const seen = new Set<string>();
  for (const root of roots) {
    for (let dir = path.resolve(root); !seen.has(dir); dir = path.dirname(dir)) {
      seen.add(dir);
      const file = path.join(dir, ...FORM_PATH);
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) {
        const loaded = loadForm(text, file);
        if (loaded.problem) warn(`warning: ${loaded.problem}`);
        return loaded;
      }
    }
  }
  return loadForm();
}

/** The default glob of draft files (the `lfx-draft` kind's setting default); content recognises the others. */
export const DRAFT_FILE_GLOBS = ['**/*.lfx-proposal.md'] as const;

/** Whether `check` treats a file as a draft: named `*.lfx-proposal.md`, or by content (the bot's test). */
export function isDraftFile(file: string, text: string, form: LoadedForm): boolean {
  return /\.lfx-proposal\.md$/i.test(file) || isDraftText(text, form);
}

export interface DraftFile {
  file: string;
  uri: string;
  text: string;
}

export interface IdeasFileForDrafts {
  file: string;
  uri: string;
  model: IdeasModel;
}

/** `check` on drafts: each against the others and the ideas files' proposals of LFX terms. */
export function checkDraftFiles(
  files: readonly DraftFile[],
  ideasFiles: readonly IdeasFileForDrafts[],
  options: { form: LoadedForm; quotas: Quotas; catalog: ProjectCatalog; severities?: Record<string, RuleSeverity>; onError?: (file: string, ruleId: string, error: unknown) => void },
): (ResolvedFinding & { file: string })[] {
  const drafts = files.map((f) => ({ ...f, draft: parseDraft(f.text, options.form.form) }));
  const known: KnownProposal[] = [];
  for (const f of ideasFiles) known.push(...knownProposalsOfIdeasFile(f.uri, f.model, termOfPath(f.file)));
  const draftEntries = drafts.map((d) => knownProposalOfDraft(d.uri, d.draft));
  const out: (ResolvedFinding & { file: string })[] = [];
  drafts.forEach((d, i) => {
    const others = [...known, ...draftEntries.filter((e, j): e is KnownProposal => !!e && j !== i)];
    const { findings } = checkDraft(d.text, {
      uri: d.uri,
      form: options.form,
      workspace: draftWorkspace({ proposals: others, quotas: options.quotas, catalog: options.catalog }),
      severities: options.severities,
      onError: (id, e) => options.onError?.(d.file, id, e),
    });
    for (const f of findings) out.push({ ...f, file: d.file });
  });
  return out;
}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--repo', '--template', '--form', '--line', '--term', '--project']);
const BOOLEAN_FLAGS = new Set(['--gh']);

function parse(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOLEAN_FLAGS.has(flag)) flags.set(flag, true);
    else if (VALUE_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new CommandError(`${flag} needs a value`);
      flags.set(flag, value);
    } else throw new CommandError(`unknown option "${arg}"`);
  }
  return { positional, flags };
}

function str(p: Parsed, flag: string): string | undefined {
  const v = p.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
}

async function readText(file: string): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) throw new CommandError(`cannot read ${file}`);
  return text;
}

/** Files over this size are left out of the knowledge (the editor's default projectIdeas.maxFileSize). */
const MAX_KNOWLEDGE_FILE = 2_000_000;

/**
 * The workspace knowledge (mentors across terms) of ideas files: files named are read as ideas files,
 * folders searched as the editor's index does (default globs, then content); drafts left out.
 */
async function knowledgeOf(sources: readonly string[], own: { file: string; model: IdeasModel }, form: LoadedForm): Promise<KnowledgeIndex> {
  const index = new WorkspaceIndex();
  index.set(pathToFileURL(own.file).toString(), own.file, own.model);
  const add = async (file: string, named: boolean) => {
    const uri = pathToFileURL(file).toString();
    if (index.get(uri)) return;
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat || stat.size > MAX_KNOWLEDGE_FILE) return;
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined || isDraftFile(file, text, form)) return;
    if (named || isIdeasFile(file, text, { files: DEFAULT_FILE_GLOBS, detectByContent: true })) index.set(uri, file, parseIdeas(text, { path: file }));
  };
  for (const source of sources) {
    const abs = path.resolve(source);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new CommandError(`no such file or folder: ${source}`);
    if (!stat.isDirectory()) await add(abs, true);
    else for await (const file of markdownFilesUnder(abs)) await add(file, false);
  }
  return KnowledgeIndex.attach(index);
}

/** Runs `issue-url`, `propose-again` or `new-proposal`. Exit status: 0 done, 1 refused, 2 usage error. */
export async function draftCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const p = parse(rest);
    const warn = (line: string) => io.err(`${line}\n`);
    if (command === 'issue-url') {
      const file = p.positional[0];
      if (!file || p.positional.length > 1) throw new CommandError('issue-url takes one draft file');
      const text = await readText(file);
      const form = await findForm([process.cwd(), path.dirname(path.resolve(file))], str(p, '--form'), warn);
      const { draft, findings } = checkDraft(text, { form });
      if (p.flags.get('--gh')) {
        const refused = refusalOf(draft, findings);
        if (refused) return refuse(io, refused, findings, file);
        io.out(`${ghIssueCommand(draft, file, str(p, '--repo') ?? DEFAULT_TARGET.repository)}\n`);
        return 0;
      }
      const link = issueLink(draft, { findings, repository: str(p, '--repo'), template: str(p, '--template') });
      if (link.refusal) return refuse(io, link.refusal.message, findings, file);
      io.out(`${link.url}\n`);
      if (link.manual.length) io.err(`On the page, set what a link cannot fill:\n${link.manual.map((m) => `  - ${m.message}`).join('\n')}\n`);
      return 0;
    }
    if (command === 'propose-again') {
      const file = p.positional[0];
      const line = Number(str(p, '--line'));
      const term = str(p, '--term');
      if (!file) throw new CommandError('propose-again takes an ideas file');
      if (!Number.isInteger(line) || line < 1) throw new CommandError('--line expects a line number (1 or more)');
      if (!term) throw new CommandError('--term is required, e.g. --term "2027 Term 1 (Mar-May)"');
      const text = await readText(file);
      const form = await findForm([process.cwd(), path.dirname(path.resolve(file))], str(p, '--form'), warn);
      const model = parseIdeas(text, { path: path.resolve(file) });
      const at = proposalAt(model, line - 1);
      if (!at) throw new CommandError(`no proposal at line ${line} of ${file}`);
      // What the workspace knows of the mentors: the ideas files given after FILE, else FILE's folder.
      const sources = p.positional.length > 1 ? p.positional.slice(1) : [path.dirname(path.resolve(file))];
      const knowledge = await knowledgeOf(sources, { file: path.resolve(file), model }, form);
      const result = proposeAgain({ text, proposal: at.proposal, project: at.project?.name, term, form: form.form, knownMentor: knownMentorFrom(knowledge) });
      io.out(result.text);
      warnOptions(form, result.project, term, warn);
      for (const note of result.notes) warn(`note: ${note}`);
      return 0;
    }
    if (command === 'new-proposal') {
      if (p.positional.length) throw new CommandError('new-proposal takes no file (it prints the draft)');
      const project = str(p, '--project') ?? '';
      const term = str(p, '--term') ?? '';
      const form = await findForm([process.cwd()], str(p, '--form'), warn);
      io.out(newProposal(form.form, { project, term }));
      warnOptions(form, project, term, warn);
      return 0;
    }
    throw new CommandError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof CommandError) {
      io.err(`project-ideas: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function refusalOf(draft: DraftModel, findings: readonly ResolvedFinding[]): string | undefined {
  const refusal = issueLink(draft, { findings, maxBytes: Number.MAX_SAFE_INTEGER }).refusal;
  return refusal?.message;
}

function refuse(io: CommandIo, message: string, findings: readonly ResolvedFinding[], file: string): number {
  io.err(`project-ideas: ${message}\n`);
  for (const f of findings.filter((x) => x.severity === 'error')) {
    io.err(`  ${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.message}  [${f.ruleId}]\n`);
  }
  return 1;
}

/** A project or term the form's dropdown does not offer: said on standard error, the draft still printed. */
function warnOptions(form: LoadedForm, project: string, term: string, warn: (line: string) => void): void {
  for (const [id, value] of [[FIELD.project, project], [FIELD.term, term]] as const) {
    const field = fieldById(form.form, id);
    if (value && field?.options.length && !field.options.includes(value)) {
      warn(`warning: "${value}" is not among the ${field.label} options of the ${form.origin === 'shipped' ? 'shipped' : "workspace's"} form.`);
    }
  }
}
