// Shared by the hover and completion protocol tests: the invented two-term workspace and helpers.
import * as path from 'node:path';
import type { LspClient } from './lspClient';

export const KNOWLEDGE_WORKSPACE = path.resolve(__dirname, '../fixtures/knowledge');
export const KNOWLEDGE_2025 = path.join(KNOWLEDGE_WORKSPACE, 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md');

/** Zero-based position of the n-th `needle` in `text`, plus `offset`. */
export function positionIn(text: string, needle: string, offset = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  const before = text.slice(0, at + offset);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** Collects `$/progress` values (jsonrpc hands them to onUnhandledProgress, not onNotification). */
export function trackProgress(client: LspClient): { kind: string; percentage?: number; message?: string }[] {
  const values: { kind: string; percentage?: number; message?: string }[] = [];
  client.connection.onUnhandledProgress((params: any) => values.push(params.value));
  return values;
}

