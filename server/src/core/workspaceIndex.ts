// Every ideas file of the workspace with its model, kept current file by file (never a rescan).
// Knowledge derived from it (mentors, skills, upstream targets) is added per file, so an update
// removes one file's contribution and adds the new one.
import type { IdeasModel } from './model';
import { termOfPath, type Term } from './term';

export interface IndexedFile {
  uri: string;
  /** Path used for the term and for display. */
  path: string;
  term?: Term;
  model: IdeasModel;
}

type Listener = (uri: string) => void;

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly listeners: Listener[] = [];
  private changes = 0;
  /** Changes per uri, so a file can tell the others' changes from its own. */
  private readonly changesOf = new Map<string, number>();

  /** Adds or replaces a file's model. */
  set(uri: string, path: string, model: IdeasModel): IndexedFile {
    const file: IndexedFile = { uri, path, term: termOfPath(path), model };
    this.files.set(uri, file);
    this.emit(uri);
    return file;
  }

  delete(uri: string): void {
    if (this.files.delete(uri)) this.emit(uri);
  }

  /** Removes every file under a folder uri (a deleted folder is reported once, for the folder). */
  deleteUnder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of [...this.files.keys()]) if (uri.startsWith(prefix)) this.delete(uri);
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  all(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Counts every add, replace and removal: equal counts mean an unchanged index, so results derived
   * from it (diagnostics) can be reused without comparing models.
   */
  get revision(): number {
    return this.changes;
  }

  /**
   * `revision` not counting `uri`'s own changes: what a file's diagnostics depend on (the rules
   * reading the workspace skip the file's own entry, which lags its editor text while typing).
   */
  revisionExcept(uri: string): number {
    return this.changes - (this.changesOf.get(uri) ?? 0);
  }

  /** Called with the uri of every file added, replaced or removed. */
  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  private emit(uri: string): void {
    this.changes++;
    this.changesOf.set(uri, (this.changesOf.get(uri) ?? 0) + 1);
    for (const listener of this.listeners) listener(uri);
  }
}
