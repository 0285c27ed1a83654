// THE list of document kinds, and the one place that finds a document's kind. Adding a kind is one
// entry here (its service: lsp/documentKind.ts); the handlers in lsp/configure.ts dispatch by kind.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { Settings } from '../settings';
import type { DocumentKindService, KindRequest } from './documentKind';
import { uriToPath } from './documents';
import { draftKind } from './draftKind';
import { ideasKind } from './ideasKind';
import { movedNoticeKind } from './movedNoticeKind';

/**
 * Every kind, in the order they are asked: the first that recognises a document owns it. A moved-
 * proposals notice before the ideas kind (its globs match it); drafts before the ideas kind too (a
 * draft is recognised by its globs or by the bot's test, both cheap).
 */
export const DOCUMENT_KINDS: readonly DocumentKindService[] = [movedNoticeKind, draftKind, ideasKind];

/** The kind of each open document, recognised once per version and settings. */
export class DocumentKinds {
  private readonly known = new Map<string, { version: number; settings: Settings; kind: DocumentKindService | undefined }>();

  constructor(
    private readonly server: ServerContext,
    readonly all: readonly DocumentKindService[] = DOCUMENT_KINDS,
  ) {}

  /** The kind owning an open document under its settings (undefined: none, the server stays silent). */
  async kindOf(document: TextDocument): Promise<DocumentKindService | undefined> {
    const settings = await this.server.settings.for(document.uri);
    return this.recognise(document, settings);
  }

  /** The request for a service of the document's kind: the open document, its settings and its kind. */
  async request(uri: string): Promise<(KindRequest & { kind: DocumentKindService }) | undefined> {
    const document = this.server.documents.get(uri);
    if (!document) return undefined;
    const settings = await this.server.settings.for(uri);
    const kind = this.recognise(document, settings);
    return kind && { document, settings, server: this.server, kind };
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }

  private recognise(document: TextDocument, settings: Settings): DocumentKindService | undefined {
    const known = this.known.get(document.uri);
    if (known && known.version === document.version && known.settings === settings) return known.kind;
    const file = { path: uriToPath(document.uri), text: document.getText() };
    let kind: DocumentKindService | undefined;
    for (const candidate of this.all) {
      try {
        if (candidate.recognises(file, settings)) {
          kind = candidate;
          break;
        }
      } catch {
        // A kind that cannot tell does not own the document.
      }
    }
    this.known.set(document.uri, { version: document.version, settings, kind });
    return kind;
  }
}
