// Entry point of the parser: text > mdast (remark-parse) > IdeasModel. Never throws.
import type { IdeasModel } from './model';

export interface ParseOptions {
  /** The file's path or URI, used to tell its kind (LFX ideas, term README, GSoC). */
  path?: string;
}

export function parseIdeas(_text: string, _options: ParseOptions = {}): IdeasModel {
  // Placeholder until the parser lands (see docs/architecture.md).
  return {
    kind: 'unknown',
    template: { fromFile: false, projectLevel: 3, proposalLevel: 4, fields: [] },
    projects: [],
    looseProposals: [],
    headings: [],
    irregularities: [],
    lineCount: 1,
  };
}
