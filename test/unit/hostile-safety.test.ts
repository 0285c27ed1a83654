// The server never writes a file and makes no network request: every module of ours that goes into
// dist/server.js (server/src/**, found by following imports from server.ts, and cross-checked against
// the bundle's source map when it is built) is scanned for fs write APIs, network modules and
// process spawning.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'server/src/server.ts');

/** Our modules reachable from server.ts through relative imports (static and dynamic). */
function serverModules(): string[] {
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

const WRITE_APIS = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rmdir', 'rmdirSync',
  'rmSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cpSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'chmod',
  'chmodSync', 'chown', 'chownSync', 'truncate', 'truncateSync', 'utimes', 'utimesSync', 'writeSync', 'write',
].join('|');

/** What a module of the server must never contain. */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  // Called on an fs namespace (`fs.`, `fsp.`, `promises.`), or imported by name from fs.
  { what: 'fs write API', pattern: new RegExp(`\\b(?:fs|fsp|fsPromises|promises)\\.(?:${WRITE_APIS})\\s*\\(`) },
  { what: 'fs write API imported', pattern: new RegExp(`import\\s*(?:type\\s*)?\\{[^}]*\\b(?:${WRITE_APIS})\\b[^}]*\\}\\s*from\\s*['"](?:node:)?fs(?:/promises)?['"]`) },
  { what: 'fs.rm / fs.cp', pattern: /\b(?:fs|fsp|fsPromises|promises)\.(?:rm|cp)\s*\(/ },
  { what: 'fs.open for writing', pattern: /\bopen(?:Sync)?\s*\([^)]*,\s*['"](?!r['"])[^'"]*['"]/ },
  { what: 'network module', pattern: /['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/ },
  { what: 'fetch / XMLHttpRequest / WebSocket', pattern: /\b(?:fetch|XMLHttpRequest|WebSocket)\s*\(|new\s+(?:XMLHttpRequest|WebSocket)\b/ },
  { what: 'child process', pattern: /['"](?:node:)?child_process['"]|\bworker_threads\b/ },
];

describe('safety: the server writes no file and makes no network request', () => {
  const modules = serverModules();

  it('finds the server modules by their imports', () => {
    assert.ok(modules.length > 20, `only ${modules.length} modules`);
    for (const expected of ['core/parse.ts', 'features/hover.ts', 'features/diagnostics.ts', 'context.ts']) {
      assert.ok(modules.some((m) => m.endsWith(expected)), expected);
    }
  });

  it('covers every module of ours in the built bundle (when built)', function () {
    const map = path.join(ROOT, 'dist/server.js.map');
    if (!existsSync(map)) this.skip();
    const sources: string[] = JSON.parse(readFileSync(map, 'utf8')).sources;
    const ours = sources.map((s) => path.resolve(path.dirname(map), s)).filter((s) => s.startsWith(path.join(ROOT, 'server/src')));
    assert.ok(ours.length > 0);
    const missing = ours.filter((s) => !modules.includes(s) && existsSync(s));
    assert.deepEqual(missing, []);
  });

  for (const module of modules) {
    it(`${path.relative(ROOT, module)}: no fs writes, network or processes`, () => {
      // Comments may mention what the code never does.
      const code = readFileSync(module, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      const found = FORBIDDEN.filter(({ pattern }) => pattern.test(code)).map(({ what, pattern }) => `${what}: ${code.match(pattern)![0]}`);
      assert.deepEqual(found, []);
    });
  }

  it('the scan catches what it looks for', () => {
    const hits = (code: string) => FORBIDDEN.filter(({ pattern }) => pattern.test(code)).map(({ what }) => what);
    assert.deepEqual(hits('await fs.writeFile(file, text)'), ['fs write API']);
    assert.deepEqual(hits("import { writeFileSync } from 'node:fs'"), ['fs write API imported']);
    assert.deepEqual(hits('this.unlink(uri, c)'), []);
    assert.deepEqual(hits("fs.open(file, 'w')"), ['fs.open for writing']);
    assert.deepEqual(hits("fs.open(file, 'r')"), []);
    assert.deepEqual(hits("import * as https from 'node:https'"), ['network module']);
    assert.deepEqual(hits('const r = await fetch(url)'), ['fetch / XMLHttpRequest / WebSocket']);
    assert.deepEqual(hits("import { spawn } from 'child_process'"), ['child process']);
  });
});
