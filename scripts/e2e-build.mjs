#!/usr/bin/env node
// Bundles the real-editor suite for VS Code's extension host: test/e2e/index.ts (with Mocha inside)
// to out/e2e/index.js, and each test/e2e/suite/*.test.ts to out/e2e/suite/*.test.js, which index.js
// hands to Mocha. `vscode` stays external: the extension host provides it.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'e2e');
const suiteDir = path.join(root, 'test', 'e2e', 'suite');
const tests = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha loads test files with a computed require(), meant to stay a runtime require; its parallel
  // mode (unused here) require.resolve()s worker files, which only matters when that mode runs.
  logOverride: { 'unsupported-require-call': 'silent', 'require-resolve-not-external': 'silent' },
  absWorkingDir: root,
};

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({ ...common, entryPoints: { index: 'test/e2e/index.ts' }, outdir });
await esbuild.build({
  ...common,
  entryPoints: Object.fromEntries(tests.map((f) => [f.replace(/\.ts$/, ''), `test/e2e/suite/${f}`])),
  outdir: path.join(outdir, 'suite'),
});
console.log(`[e2e-build] out/e2e/index.js and ${tests.length} test file(s): ${tests.join(', ')}`);
