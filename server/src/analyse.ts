// One path from a file to its findings, taken by the server (lsp/ideasKind.ts, through the analysis
// store) and the CLI (cli.ts) alike: the rule context, the file-too-large finding, the rules. LSP-free.
import type { KnowledgeView, ResolvedFinding, RuleContext } from './rules/types';
import { runRules, type RunOptions } from './rules';
import type { WorkspaceData } from './workspaceData';

/** The file's side of the rule context: text, lines, model and where it sits (see RuleContext). */
export type FileToAnalyse = Omit<RuleContext, 'catalog' | 'quotas' | 'knowledge'>;

/** Everything but the file: workspace data, the cross-file knowledge, severities and the rule cache. */
export interface AnalyseOptions extends RunOptions {
  data: WorkspaceData;
  /** Per-project quota overrides (`projectIdeas.quotas`); none from the CLI. */
  quotaOverrides?: Record<string, number>;
  knowledge?: KnowledgeView;
  /**
   * Set when the file is over the size limit: the rules do not run and the one finding says why,
   * in these words (the server names the setting, the CLI its option).
   */
  tooLarge?: string;
}

/** The findings of one file: the rules' run, or the one file-too-large finding. */
export function analyse(file: FileToAnalyse, options: AnalyseOptions): ResolvedFinding[] {
  if (options.tooLarge !== undefined) return [fileTooLarge(options.tooLarge)];
  const { data, quotaOverrides, knowledge, tooLarge: _, ...run } = options;
  const quotas = quotaOverrides ? data.quotas.withOverrides(quotaOverrides) : data.quotas;
  return runRules({ ...file, catalog: data.catalog, quotas, knowledge }, run);
}

export const FILE_TOO_LARGE = 'file-too-large';

/** The finding a file over the size limit gets instead of the rules' (an information at its start). */
export function fileTooLarge(message: string): ResolvedFinding {
  return { ruleId: FILE_TOO_LARGE, severity: 'information', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** What the server and the CLI say about a file over the size limit. */
export const TOO_LARGE_MESSAGE = {
  setting: (maxFileSize: number) =>
    `Project Ideas does not check this file: it is larger than projectIdeas.maxFileSize (${maxFileSize} bytes). Raise the setting to check it.`,
  option: (maxFileSize: number) => `Not checked: the file is larger than --max-file-size (${maxFileSize} bytes).`,
};
