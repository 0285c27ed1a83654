// The workspace's data files, read the same way by the server and the CLI: the LFX automation
// folder's quotas.yml and projects.yml. LSP-free. A bad file is a problem sentence (passed to
// `onProblem`) and the defaults; a missing one is the defaults.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ProjectCatalog, Quotas, type LoadResult } from './core/cncfProjects';
import { loadForm, type LoadedForm } from './drafts/form';

/** Where the data files sit under a workspace (or checkout) root. */
export const AUTOMATION_DIR = ['programs', 'lfx-mentorship', 'automation'] as const;

export type DataFileName = 'quotas.yml' | 'projects.yml';

/** What the rules read besides the files: the CNCF project list and the quotas. */
export interface WorkspaceData {
  /** CNCF projects: the workspace's projects.yml when found, else the shipped snapshot. */
  readonly catalog: ProjectCatalog;
  /** Proposals allowed per project per term: the workspace's quotas.yml when found, else the defaults. */
  readonly quotas: Quotas;
  /** The LFX issue form drafts are checked against: the workspace's FORM_FILE when found, else the shipped copy. */
  readonly form: LoadedForm;
}

export function defaultWorkspaceData(): WorkspaceData {
  return { catalog: ProjectCatalog.snapshot(), quotas: Quotas.defaults(), form: loadForm() };
}

/** Where the LFX issue form sits under a workspace root. */
export const FORM_FILE = ['.github', 'ISSUE_TEMPLATE', 'lfx-program-proposal.yml'] as const;

/** The path of a data file under a root. */
export function automationFile(root: string, name: DataFileName): string {
  return path.join(root, ...AUTOMATION_DIR, name);
}

/** Whether a path (or file URI's path) is one of the data files: a change to it reloads them. */
export function isWorkspaceDataPath(file: string): boolean {
  const f = file.replace(/\\/g, '/');
  return /\/programs\/lfx-mentorship\/automation\/(?:quotas|projects)\.ya?ml$/i.test(f) || /\/\.github\/ISSUE_TEMPLATE\/lfx-program-proposal\.yml$/.test(f);
}

/**
 * The first candidate that can be read, loaded (undefined: none can be read). The loader's
 * problem, if any, goes to `onProblem`; its value is then the loader's default.
 */
export async function readDataFile<T>(
  candidates: readonly string[],
  load: (text: string, source: string) => LoadResult<T>,
  onProblem: (problem: string) => void,
): Promise<T | undefined> {
  for (const file of candidates) {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const loaded = load(text, file);
    if (loaded.problem) onProblem(loaded.problem);
    return loaded.value;
  }
  return undefined;
}

/** Explicit data files (CLI options); undefined: look under the roots. */
export interface DataFiles {
  quotas?: string;
  projects?: string;
}

/**
 * The workspace data of the first root holding each file (quotas.yml, then projects.yml), or of
 * the explicit files; the defaults for a file found nowhere.
 */
export async function readWorkspaceData(roots: readonly string[], onProblem: (problem: string) => void, explicit: DataFiles = {}): Promise<WorkspaceData> {
  const candidates = (name: DataFileName, given: string | undefined) => (given ? [given] : roots.map((root) => automationFile(root, name)));
  const quotas = await readDataFile(candidates('quotas.yml', explicit.quotas), Quotas.fromYaml, onProblem);
  const catalog = await readDataFile(candidates('projects.yml', explicit.projects), ProjectCatalog.fromYaml, onProblem);
  const form = await readDataFile(
    roots.map((root) => path.join(root, ...FORM_FILE)),
    (text, source) => {
      const loaded = loadForm(text, source);
      return { value: loaded, problem: loaded.problem };
    },
    onProblem,
  );
  return { quotas: quotas ?? Quotas.defaults(), catalog: catalog ?? ProjectCatalog.snapshot(), form: form ?? loadForm() };
}
