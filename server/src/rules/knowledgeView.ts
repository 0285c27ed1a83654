// Adapts the workspace index and its KnowledgeIndex to what the cross-file rules read (KnowledgeView).
import type { KnowledgeIndex } from '../core/knowledge';
import type { WorkspaceIndex } from '../core/workspaceIndex';
import type { KnowledgeView } from './types';

export function knowledgeView(index: WorkspaceIndex, knowledge: KnowledgeIndex): KnowledgeView {
  return {
    versionExcept(uri) {
      return knowledge.generationExcept(uri);
    },
    mentorEmails(handle) {
      return knowledge.mentorEmails(handle);
    },
    proposalsForTarget(normalizedUrl) {
      return knowledge.proposalsForTarget(normalizedUrl, { all: true });
    },
    fileInfo(uri) {
      const file = index.get(uri);
      return file ? { path: file.path, kind: file.model.kind, term: file.term } : undefined;
    },
  };
}
