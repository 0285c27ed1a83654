#!/usr/bin/env node
// Runs the real-editor suite in VS Code's server build inside headless Chromium, with this extension
// under development (a copy of what ships) and a copy of test/e2e/workspace open. Prints the test
// output from the extension host and exits with the suite's exit code. `npm run test:e2e` builds the
// extension first; this script bundles the suite itself, into the run's own folder: several runs may
// go at once (free port, temp folders, nothing shared that is written).
//
//   --verbose        print every log line (the workbench's and the server's), not just the relevant ones
//   env PROJECT_IDEAS_E2E_TIMEOUT   global timeout in seconds (default 600)
//   env PROJECT_IDEAS_E2E_GREP      run only the tests whose title matches
//   --oldest         run on the oldest supported VS Code (scripts/e2e-install.mjs OLDEST_CODE_SERVER),
//                    installed on first use (`npm run test:e2e:oldest`)
//   env PROJECT_IDEAS_E2E_CODE_SERVER  any other code-server version to run on
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite } from './e2e-build.mjs';
import { ROOT, requireBuilt, saveLogs, startHost } from './e2e-host.mjs';

const verbose = process.argv.includes('--verbose');
const timeoutSeconds = Number(process.env.PROJECT_IDEAS_E2E_TIMEOUT || 600);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[e2e] ${msg}`);

// The suite's own output (Mocha's reporter) carries this mark: see test/e2e/index.ts.
const MOCHA_MARK = '[mocha] ';
// Known noise of an offline editor: telemetry, the extension gallery, GitHub sign-in, the service
// worker the server build does not ship, chat and agent services with no account.
const NOISE = [
  /telemetry/i,
  /gallery|marketplace|open-vsx|update\.code\.visualstudio/i,
  /github(\.com)?[- ]?(auth|authentication|sign)|api\.github\.com|No signed-in session|authentication provider/i,
  /ENOTFOUND|EAI_AGAIN|getaddrinfo|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/,
  /Service Worker|serviceWorker|Creation of workbench contribution/,
  /ChatModelSelection|AgentHost|AccountPolicyGate|Copilot|chat\.|languageModel|No default agent contributed/i,
];
// Otherwise shown: errors and warnings, and whatever names this extension.
const OURS = /project-ideas|projectIdeas|Project Ideas/;

function onLog(level, text) {
  if (verbose) {
    console.log(`[${level}] ${text}`);
    return;
  }
  if (text.startsWith(MOCHA_MARK)) {
    console.log(text.split('\n').map((line) => (line.startsWith(MOCHA_MARK) ? line.slice(MOCHA_MARK.length) : line)).join('\n'));
    return;
  }
  if (NOISE.some((re) => re.test(text))) return;
  if (level === 'error' || level === 'warn' || OURS.test(text)) console.log(`[editor ${level}] ${text}`);
}

async function main() {
  requireBuilt(['dist/client.js', 'dist/server.js']);
  const suiteDir = mkdtempSync(path.join(os.tmpdir(), 'project-ideas-e2e-suite-'));
  try {
    const extensionTestsPath = await buildSuite(suiteDir, { quiet: true });
    return await runSuite(extensionTestsPath);
  } finally {
    rmSync(suiteDir, { recursive: true, force: true });
  }
}

async function runSuite(extensionTestsPath) {
  say('starting VS Code server build and headless Chromium');
  const host = await startHost({ extensionTestsPath, onLog, verbose });
  say(`editor up after ${elapsed()} (code-server ${host.codeServer}); running the suite`);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ code: 1, logs: [], error: `global timeout: no result after ${timeoutSeconds} s` }), timeoutSeconds * 1000);
  });
  const result = await Promise.race([host.exited, timeout]);
  clearTimeout(timer);
  if (result.error || result.code !== 0) {
    // One folder per run: runs at the same time do not overwrite each other's evidence.
    const evidence = path.join(ROOT, 'test-results', `e2e-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    const shot = path.join(evidence, 'failure.png');
    await host.page.screenshot({ path: shot }).catch(() => {});
    const logDir = saveLogs(result.logs, path.join(evidence, 'logs'));
    if (result.error) console.error(`[e2e] ${result.error}`);
    console.error(`[e2e] screenshot of the editor: ${path.relative(ROOT, shot)}${logDir ? `; editor logs: ${path.relative(ROOT, logDir)}` : ''}`);
    if (!verbose) console.error(`[e2e] last lines of the VS Code server:\n${host.serverOutput}`);
  }
  await host.stop();
  say(`${result.code === 0 ? 'passed' : `FAILED (exit code ${result.code})`} in ${elapsed()}`);
  return result.code === 0 ? 0 : result.code || 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.stack || error.message : error}`);
    process.exit(1);
  },
);
