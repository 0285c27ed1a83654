// The server never writes a file and makes no network request: every module of ours that goes into
// dist/server.js (server/src/**, found by following imports from server.ts; test/server/bundle.test.ts
// checks the list against the built bundle's source map) is scanned for fs write APIs, network
// modules and process spawning.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { serverModules } from '../server/serverModules';

const ROOT = path.resolve(__dirname, '../..');

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
