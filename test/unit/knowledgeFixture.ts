// Loads the invented two-term workspace in test/fixtures/knowledge into a WorkspaceIndex and a
// KnowledgeIndex, the way the server does (parseIdeas per file).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProjectCatalog, Quotas } from '../../server/src/core/cncfProjects';
import { KnowledgeIndex } from '../../server/src/core/knowledge';
import type { IdeasModel, Pos } from '../../server/src/core/model';
import { parseIdeas } from '../../server/src/core/parse';
import { WorkspaceIndex } from '../../server/src/core/workspaceIndex';

export const FIXTURE_ROOT = path.resolve(__dirname, '../fixtures/knowledge');
export const FILE_2024 = path.join(FIXTURE_ROOT, 'programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md');
export const FILE_2025 = path.join(FIXTURE_ROOT, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');

export interface Loaded {
  index: WorkspaceIndex;
  knowledge: KnowledgeIndex;
  catalog: ProjectCatalog;
  quotas: Quotas;
  files: Map<string, { uri: string; text: string; model: IdeasModel }>;
}

export function loadFixture(): Loaded {
  const index = new WorkspaceIndex();
  const catalog = ProjectCatalog.snapshot();
  const knowledge = KnowledgeIndex.attach(index, () => catalog);
  const files = new Map<string, { uri: string; text: string; model: IdeasModel }>();
  for (const file of [FILE_2024, FILE_2025]) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    const model = parseIdeas(text, { path: file });
    index.set(uri, file, model);
    files.set(file, { uri, text, model });
  }
  return { index, knowledge, catalog, quotas: Quotas.defaults(), files };
}

/** The position of `needle` (its n-th occurrence) in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 0): Pos {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

export function lineOf(text: string, line: number): string {
  return text.split('\n')[line] ?? '';
}
