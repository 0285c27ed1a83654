// The ideas kind: project-ideas files (LFX project_ideas.md, term READMEs, GSoC year files),
// recognised by the `projectIdeas.files` globs or, with `detectByContent`, by the proposal Template
// block. Its model is the incremental IdeasModel of the document store; its services are the
// features in ../features.
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { analyse } from '../analyse';
import { isIdeasFile } from '../core/ideasFiles';
import type { IdeasModel } from '../core/model';
import { termOfPath } from '../core/term';
import { codeActions } from '../features/codeActions';
import { proposeAgainActions } from '../features/drafts/proposeAgainAction';
import { completion, resolveCompletion } from '../features/completion';
import { outline } from '../features/documentSymbols';
import { proposeAgainLenses } from '../features/drafts/lenses';
import { hover } from '../features/hover';
import { entryInsertion } from '../features/insertEntry';
import { withJson } from '../preserialized';
import { knowledgeView } from '../rules/knowledgeView';
import type { DocumentKindService, KindRequest } from './documentKind';
import { uriToPath } from './documents';

/** The outline per model (one model per document version), with its JSON text: an unchanged version is not rebuilt. */
const outlines = new WeakMap<IdeasModel, DocumentSymbol[]>();

/** A line of the document without its line break ('' before the first line). */
function lineOf(request: KindRequest, n: number): string {
  if (n < 0) return '';
  return request.document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/(?:\r\n|\r|\n)$/, '');
}

export const ideasKind: DocumentKindService = {
  id: 'ideas',

  recognises: ({ path, text }, settings) => isIdeasFile(path, text, settings),

  outline({ document, server }) {
    const model = server.models.modelOf(document);
    let symbols = outlines.get(model);
    if (!symbols) {
      const built = outline(model);
      outlines.set(model, (symbols = withJson(built.symbols, built.json)));
    }
    return symbols;
  },

  findings({ document, settings, server }) {
    const uri = document.uri;
    const state = server.models.stateOf(document);
    const path = uriToPath(uri);
    return analyse(
      {
        uri,
        path,
        text: document.getText(),
        lines: server.models.linesOf(document),
        model: state.model,
        term: server.index.get(uri)?.term ?? termOfPath(path),
        ...(state.moved ? { moved: state.moved } : {}),
      },
      {
        data: server.data.current,
        quotaOverrides: settings.quotas,
        knowledge: knowledgeView(server.index, server.knowledge),
        severities: settings.rules,
        cache: server.analyses.ruleCacheFor(uri),
        onError: (ruleId, error) => server.connection.console.error(`Project Ideas: rule ${ruleId} failed on ${uri}: ${String((error as Error)?.stack ?? error)}`),
      },
    );
  },

  hover({ document, server }, position) {
    const model = server.models.modelOf(document);
    return hover(model, document.uri, server.index.get(document.uri)?.term, position, server) ?? null;
  },

  completion({ document, server }, position) {
    // The cached model (possibly a keystroke old) plus the current line: no parse per keystroke.
    const model = server.models.lastModel(document.uri) ?? server.models.modelOf(document);
    const request = { document, server } as KindRequest;
    return completion(model, position, lineOf(request, position.line), server, lineOf(request, position.line - 1));
  },

  resolveCompletion(item, server) {
    const resolved = resolveCompletion(item, server.knowledge);
    return resolved === item ? undefined : resolved;
  },

  // The findings' fixes; on a proposal's heading, Propose Again (features/drafts).
  codeActions: async ({ document, server }, params) => [
    ...(await codeActions(server, params)),
    ...proposeAgainActions(document.uri, server.models.modelOf(document), params),
  ],

  // Propose Again on each proposal: a new LFX issue-form draft from it (features/drafts).
  codeLenses: ({ document, server }) => proposeAgainLenses(document.uri, server.models.modelOf(document)),

  entrySnippet(request, params) {
    const model = request.server.models.modelOf(request.document);
    const text = (n: number) => (n < 0 || n >= request.document.lineCount ? undefined : lineOf(request, n));
    // Inside a proposal, a new proposal goes after it (the result says where).
    return entryInsertion(model, params.kind, params.position, text);
  },
};
