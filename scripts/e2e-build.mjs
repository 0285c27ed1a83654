#!/usr/bin/env node
// Bundles the real-editor suite for VS Code's extension host: test/e2e/index.ts (with Mocha inside)
// to <outdir>/index.js, and each test/e2e/suite/*.test.ts to <outdir>/suite/*.test.js, which index.js
// hands to Mocha. `vscode` stays external: the extension host provides it.
//
//   node scripts/e2e-build.mjs [--outdir DIR]   (default out/e2e, what the test-electron runner loads)
//
// scripts/e2e-server.mjs calls buildSuite() with a folder of its own run, so concurrent runs never
// rebuild the files another run's editor is loading.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUTDIR = path.join(root, 'out', 'e2e');

/** Builds the suite into `outdir` (emptied first); returns the entry module to pass as extensionTestsPath. */
export async function buildSuite(outdir = DEFAULT_OUTDIR, { quiet = false } = {}) {
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
  if (!quiet) console.log(`[e2e-build] ${path.relative(root, outdir) || outdir}/index.js and ${tests.length} test file(s): ${tests.join(', ')}`);
  return path.join(outdir, 'index.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  await buildSuite(at > 0 ? path.resolve(process.argv[at + 1]) : DEFAULT_OUTDIR);
}
