// The built server bundle holds no module of ours that the safety scan (test/unit/hostile-safety.test.ts)
// does not read: its source map's server/src sources are all reachable from server.ts by import.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, serverModules } from './serverModules';

describe('server bundle', () => {
  it('is made of modules the safety scan reads', () => {
    const map = path.join(ROOT, 'dist/server.js.map');
    assert.ok(existsSync(map), 'dist/server.js.map: npm run build first (test:server does)');
    const sources: string[] = JSON.parse(readFileSync(map, 'utf8')).sources;
    const ours = sources.map((s) => path.resolve(path.dirname(map), s)).filter((s) => s.startsWith(path.join(ROOT, 'server/src')));
    assert.ok(ours.length > 20, `only ${ours.length} modules of ours in the bundle`);
    const modules = serverModules();
    assert.deepEqual(ours.filter((s) => !modules.includes(s) && existsSync(s)), []);
  });
});
