#!/usr/bin/env node
// Runs the same real-editor suite (out/e2e/index.js) in desktop VS Code via @vscode/test-electron, for
// machines that can reach Microsoft's update servers (a laptop, a public CI runner). It downloads VS Code
// into .vscode-test/ on first use. On Linux without a display run it under xvfb-run:
//   xvfb-run -a npm run test:e2e:electron
// It cannot run on the offline build machines: use `npm run test:e2e` (scripts/e2e-server.mjs) there.
//   env VSCODE_TEST_VERSION   VS Code version to test against (default: stable)
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, WORKSPACE_FIXTURE, requireBuilt } from './e2e-host.mjs';

requireBuilt(['dist/client.js', 'dist/server.js', 'out/e2e/index.js']);
const temp = mkdtempSync(path.join(os.tmpdir(), 'project-ideas-e2e-electron-'));
const workspace = path.join(temp, 'workspace');
cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'e2e', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`[e2e-electron] ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(code);
