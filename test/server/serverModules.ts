// Our modules that go into dist/server.js: server/src/** reachable from server.ts through relative
// imports (static and dynamic). Shared by the safety scan (test/unit/hostile-safety.test.ts) and the
// check of the built bundle (test/server/bundle.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'server/src/server.ts');

/** Our modules reachable from server.ts through relative imports (static and dynamic). */
export function serverModules(): string[] {
  const seen = new Set<string>();
  const pending = [ENTRY];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), m[1]);
      const found = [base, `${base}.ts`, path.join(base, 'index.ts')].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (found) pending.push(found);
    }
  }
  return [...seen].sort();
}
