// Ctrl+T: projects and proposals of every ideas file in the workspace, from the index (no parsing).
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver/node';
import { allProjectsDeep } from '../core/walk';
import type { WorkspaceIndex } from '../core/workspaceIndex';

const MAX_RESULTS = 500;

/** Case-insensitive subsequence match, as VS Code's own symbol filter does. */
function fuzzyMatch(query: string, name: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbol[] {
  const results: WorkspaceSymbol[] = [];
  const push = (symbol: WorkspaceSymbol) => {
    if (results.length < MAX_RESULTS && fuzzyMatch(query, symbol.name)) results.push(symbol);
  };
  for (const file of index.all()) {
    const where = file.term?.label;
    for (const proposal of file.model.looseProposals) {
      push({ name: proposal.title, kind: SymbolKind.Method, containerName: where, location: { uri: file.uri, range: proposal.titleRange } });
    }
    for (const { project, parent } of allProjectsDeep(file.model)) {
      push({
        name: project.name,
        kind: SymbolKind.Module,
        containerName: [parent?.name, where].filter(Boolean).join(' · ') || undefined,
        location: { uri: file.uri, range: project.titleRange },
      });
      for (const proposal of project.proposals) {
        push({
          name: proposal.title,
          kind: SymbolKind.Method,
          containerName: [project.name, where].filter(Boolean).join(' · '),
          location: { uri: file.uri, range: proposal.titleRange },
        });
      }
    }
    if (results.length >= MAX_RESULTS) break;
  }
  return results;
}
