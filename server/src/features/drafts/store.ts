// The open drafts of one server: each draft's model for its current version and the workspace form
// (parsed once per version and form; a draft is a few kilobytes, so a keystroke re-reads it whole,
// which costs less than a millisecond), and the other open drafts the workspace rules compare with.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../../context';
import { parseDraft, valueOf, type DraftModel } from '../../drafts/draft';
import { FIELD } from '../../drafts/form';
import type { LoadedForm } from '../../drafts/form';
import type { KnownProposal } from '../../drafts/rules/types';
import { knownProposalOfDraft, knownProposalsOfIdeasFile } from '../../drafts/workspace';

export interface OpenDraft {
  uri: string;
  version: number;
  form: LoadedForm;
  text: string;
  lines: readonly string[];
  draft: DraftModel;
}

/** What the other drafts' rules read of a draft: project, term, title and upstream issue. */
function signature(entry: OpenDraft | undefined): string {
  return knownSignature(entry && knownProposalOfDraft(entry.uri, entry.draft));
}

function knownSignature(known: KnownProposal | undefined): string {
  return known ? [known.project, known.term, known.title, known.upstream ?? ''].join('\u0000') : '';
}

/** A draft saved in the workspace and not open: its text, and what it shows the others under a form. */
interface SavedDraft {
  text: string;
  form?: LoadedForm;
  known?: KnownProposal;
  technologies?: string;
}

export class DraftStore {
  private readonly open = new Map<string, OpenDraft>();
  /** Drafts on disk, from the workspace indexer (lsp/draftKind.ts `indexing`); an open draft's editor text wins. */
  private readonly saved = new Map<string, SavedDraft>();
  private accepted: { revision: number; proposals: KnownProposal[] } | undefined;
  /**
   * Counts changes to what a draft shows the others (its signature), drafts closed and saved drafts
   * changed on disk: a draft's
   * findings are reused only while it is unchanged (draftKind.findingsDependOn).
   */
  revision = 0;

  constructor(private readonly server: ServerContext) {}

  /** The draft of a document's current version, read against the workspace's form. */
  of(document: TextDocument): OpenDraft {
    const form = this.server.data.current.form;
    const known = this.open.get(document.uri);
    if (known && known.version === document.version && known.form === form) return known;
    const text = document.getText();
    const entry: OpenDraft = { uri: document.uri, version: document.version, form, text, lines: text.split(/\r\n|\r|\n/), draft: parseDraft(text, form.form) };
    this.open.set(document.uri, entry);
    if (signature(entry) !== signature(known)) this.revision++;
    return entry;
  }

  /**
   * What the workspace rules compare a draft with: the other open drafts and the proposals of the
   * LFX term files in the index (one list per index revision, de-duplicated by term, project and
   * title: a term's project_ideas.md and its README hold the same proposals).
   */
  othersThan(uri: string): KnownProposal[] {
    const drafts: KnownProposal[] = [];
    for (const entry of this.open.values()) {
      if (entry.uri === uri) continue;
      const known = knownProposalOfDraft(entry.uri, entry.draft);
      if (known) drafts.push(known);
    }
    for (const savedUri of this.saved.keys()) {
      if (savedUri === uri || this.open.has(savedUri)) continue;
      const known = this.savedProposal(savedUri);
      if (known) drafts.push(known);
    }
    return [...this.acceptedProposals(), ...drafts];
  }

  /**
   * The Technologies values of the other open drafts (unsaved text included): completion offers
   * them beside the workspace's. Kept out of the knowledge index, so typing in a draft never
   * changes what the ideas files' analyses depend on.
   */
  openTechnologiesExcept(uri: string): string[] {
    const values: string[] = [];
    for (const entry of this.open.values()) {
      const value = entry.uri === uri ? undefined : valueOf(entry.draft, FIELD.technologies);
      if (value) values.push(value);
    }
    return values;
  }

  /** A draft saved on disk (read by the indexer): true when what it shows the others changed. */
  setSaved(uri: string, text: string): boolean {
    const before = this.saved.has(uri) ? this.savedProposal(uri) : undefined;
    this.saved.set(uri, { text });
    const changed = knownSignature(before) !== knownSignature(this.savedProposal(uri));
    // Its Technologies section joins the workspace's vocabulary (completion in the others).
    this.server.knowledge.setTechnologiesOf(uri, this.saved.get(uri)?.technologies);
    if (changed) this.revision++;
    return changed;
  }

  /** A saved draft is gone from disk (or is a draft no longer): true when it counted. */
  deleteSaved(uri: string): boolean {
    if (!this.saved.has(uri)) return false;
    const counted = !!this.savedProposal(uri);
    this.saved.delete(uri);
    this.server.knowledge.setTechnologiesOf(uri, undefined);
    if (counted) this.revision++;
    return counted;
  }

  /** The saved drafts held (the indexer drops those a run no longer finds). */
  savedUris(): IterableIterator<string> {
    return this.saved.keys();
  }

  /** The saved draft as the others see it, parsed once per text and form. */
  private savedProposal(uri: string): KnownProposal | undefined {
    const entry = this.saved.get(uri);
    if (!entry) return undefined;
    const form = this.server.data.current.form;
    if (entry.form !== form) {
      entry.form = form;
      const draft = parseDraft(entry.text, form.form);
      entry.known = knownProposalOfDraft(uri, draft);
      entry.technologies = valueOf(draft, FIELD.technologies);
    }
    return entry.known;
  }

  forget(uri: string): void {
    if (signature(this.open.get(uri))) this.revision++;
    this.open.delete(uri);
  }

  private acceptedProposals(): KnownProposal[] {
    const revision = this.server.index.revision;
    if (this.accepted?.revision === revision) return this.accepted.proposals;
    const seen = new Set<string>();
    const proposals: KnownProposal[] = [];
    for (const file of this.server.index.all()) {
      for (const p of knownProposalsOfIdeasFile(file.uri, file.model, file.term)) {
        const key = `${p.term}\u0000${p.project.toLowerCase()}\u0000${p.title.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        proposals.push(p);
      }
    }
    this.accepted = { revision, proposals };
    return proposals;
  }
}

const stores = new WeakMap<ServerContext, DraftStore>();

/** The draft store of a server (one per ServerContext: in-process tests run several servers). */
export function draftsOf(server: ServerContext): DraftStore {
  let store = stores.get(server);
  if (!store) {
    const created = (store = new DraftStore(server));
    stores.set(server, created);
    server.documents.onDidClose(({ document }) => created.forget(document.uri));
  }
  return store;
}
