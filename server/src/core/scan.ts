// Finds project-ideas files under a folder, without following symlinks or entering .git and node_modules.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isIdeasFile, matchesIdeasGlobs, type IdeasFileOptions } from './ideasFiles';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** Yields absolute paths of markdown files under `root`. Unreadable folders are skipped. */
export async function* markdownFilesUnder(root: string): AsyncGenerator<string> {
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) yield full;
    }
  }
}

/** Yields absolute paths of ideas files under `root`. Unreadable entries are skipped. */
export async function* findIdeasFiles(root: string, options: IdeasFileOptions): AsyncGenerator<string> {
  for await (const full of markdownFilesUnder(root)) {
    if (matchesIdeasGlobs(full, options.files)) {
      yield full;
    } else if (options.detectByContent) {
      const head = await readHead(full);
      if (head !== undefined && isIdeasFile(full, head, options)) yield full;
    }
  }
}

/** The first 20 KB of a file (what detection by content reads), or undefined when unreadable. */
export async function readHead(file: string): Promise<string | undefined> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(20_000);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
