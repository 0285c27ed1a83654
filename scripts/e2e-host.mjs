// The real editor for tests and screenshots on machines without Microsoft's download servers: VS Code's
// own server build (from the npm package code-server, run on the Node it asks for) in headless Chromium
// driven by playwright-core. Installed by scripts/e2e-install.mjs; used by scripts/e2e-server.mjs (the
// Mocha suite) and scripts/screenshots.mjs.
//
// Runs never share anything writable, so several may run at once (and beside a build): each has a free
// port and its own temp folder holding the user, server and extension data, a copy of the workspace,
// and a copy of the extension as it ships (the files .vscodeignore lets through, dist/ included), so a
// concurrent `npm run build` cannot change the extension under a running editor.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, ensureHost } from './e2e-install.mjs';

export { ROOT };
export const WORKSPACE_FIXTURE = path.join(ROOT, 'test', 'e2e', 'workspace');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Copies the extension as it ships (the `!path` and `!dir/**` entries of .vscodeignore) into `dest`:
 * the editor loads that copy, so a file the package leaves out is missing in the tests too.
 */
export function stageExtension(dest, root = ROOT) {
  const entries = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1));
  mkdirSync(dest, { recursive: true });
  for (const entry of entries) {
    const folder = entry.endsWith('/**') ? entry.slice(0, -3) : undefined;
    if (/[*?[\]{}]/.test(folder ?? entry)) throw new Error(`.vscodeignore: cannot stage the pattern ${entry} (use a path or dir/**)`);
    const from = path.join(root, folder ?? entry);
    if (!existsSync(from)) continue; // e.g. an icon not made yet
    cpSync(from, path.join(dest, folder ?? entry), { recursive: true });
  }
  for (const needed of ['package.json', 'dist/client.js', 'dist/server.js']) {
    if (!existsSync(path.join(dest, needed))) throw new Error(`the staged extension has no ${needed} (run npm run build)`);
  }
  return dest;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Recent lines of a stream, for reporting when something goes wrong. */
class Tail {
  constructor(max = 80) {
    this.max = max;
    this.lines = [];
  }
  push(text) {
    for (const line of text.split(/\r?\n/)) if (line.trim()) this.lines.push(line);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  toString() {
    return this.lines.join('\n');
  }
}

/**
 * Starts the VS Code server and a headless Chromium page on it, with this extension under development.
 * Options:
 *   workspace           folder to copy and open (default test/e2e/workspace); the copy lives in a temp dir
 *   workspaceSettings   settings merged into the copy's .vscode/settings.json
 *   extensionTestsPath  compiled suite entry (runs the tests; the workbench reports their exit code)
 *   env                 extra environment for the VS Code server (and so the extension host)
 *   onLog(level, text)  receives the workbench's log lines, extension host output included
 *   viewport            page size (default 1400 x 900)
 *   verbose             echo the server's own output
 *   extensionPath       a folder staged already (e.g. an older build) to load instead of this repository's
 * The extension under development is a copy of the shipped files (stageExtension) in the run's folder.
 * Returns { page, exited, url, workspacePath, serverOutput, codeServer, stop() }; `exited` resolves with
 * { code, logs } when the extension host exits (after the tests, when extensionTestsPath is given).
 */
export async function startHost(options = {}) {
  const host = ensureHost();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'project-ideas-e2e-'));
  const workspacePath = path.join(temp, 'workspace');
  cpSync(options.workspace ?? WORKSPACE_FIXTURE, workspacePath, { recursive: true });
  if (options.workspaceSettings) {
    const file = path.join(workspacePath, '.vscode', 'settings.json');
    const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...current, ...options.workspaceSettings }, null, 2));
  }
  for (const dir of ['user-data', 'server-data', 'extensions']) mkdirSync(path.join(temp, dir));
  const extensionPath = options.extensionPath ?? stageExtension(path.join(temp, 'extension'));
  // Machine-wide settings of the server: quiet, no update checks, no trust prompt.
  const machineSettings = path.join(temp, 'server-data', 'data', 'Machine');
  mkdirSync(machineSettings, { recursive: true });
  writeFileSync(
    path.join(machineSettings, 'settings.json'),
    JSON.stringify({ 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'update.mode': 'none' }, null, 2),
  );

  const serverOutput = new Tail();
  // Older code-server builds' server-main.js only exports loadCodeWithNls(): start it as code-server does.
  const startsItself = /\.listen\(/.test(readFileSync(host.serverMain, 'utf8'));
  const entry = startsItself ? [host.serverMain] : [path.join(ROOT, 'scripts', 'e2e-vscode-server.mjs'), host.serverMain];
  const spawnServer = (port) =>
    spawn(
      host.node,
      [
        ...entry,
        '--host', '127.0.0.1',
        '--port', String(port),
        '--without-connection-token',
        '--accept-server-license-terms',
        '--enable-smoke-test-driver',
        '--disable-telemetry',
        '--user-data-dir', path.join(temp, 'user-data'),
        '--server-data-dir', path.join(temp, 'server-data'),
        '--extensions-dir', path.join(temp, 'extensions'),
      ],
      { cwd: temp, env: { ...process.env, ...options.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
  let port;
  let server;
  let browser;
  // The server runs in its own process group (so it and its extension hosts can be stopped together):
  // make sure an interrupted or crashed runner does not leave it behind.
  const killGroup = (signal) => {
    try {
      if (server?.pid) process.kill(-server.pid, signal);
    } catch {}
  };
  const onExit = () => killGroup('SIGKILL');
  const onSignal = (signal) => {
    console.error(`[e2e] ${signal}: stopping the editor`);
    void stop().finally(() => process.exit(130));
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let stopping;
  const stop = () => (stopping ??= stopNow()); // every caller waits for the same, single stop
  const stopNow = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await browser?.close().catch(() => {});
    if (server && server.exitCode === null && server.signalCode === null) {
      killGroup('SIGTERM'); // the server and the extension hosts it forked
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          killGroup('SIGKILL');
          resolve();
        }, 5000);
        server.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    killGroup('SIGKILL'); // stragglers of the group (an extension host that ignored SIGTERM)
    process.off('exit', onExit);
    // Extension hosts may still be writing their logs for a moment after the server went away.
    for (let attempt = 0; attempt < 10 && existsSync(temp); attempt++) {
      try {
        rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  };

  try {
    // Another run may take the free port before this server binds it: then try another one.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      server = spawnServer(port);
      const outcome = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(`VS Code server did not start within 120 s:\n${serverOutput}`), 120_000);
        const onData = (chunk) => {
          const text = chunk.toString();
          serverOutput.push(text);
          if (options.verbose) process.stderr.write(`[server] ${text}`);
          if (text.includes(`Server bound to 127.0.0.1:${port}`)) {
            clearTimeout(timer);
            resolve('ready');
          }
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.once('exit', (code, signal) => {
          clearTimeout(timer);
          resolve(`VS Code server exited (${code ?? signal}) before it was ready:\n${serverOutput}`);
        });
      });
      if (outcome === 'ready') break;
      killGroup('SIGKILL');
      if (attempt < 3 && /EADDRINUSE/.test(outcome)) continue;
      throw new Error(outcome);
    }

    // Signals are ours to handle (see onSignal): Playwright's own handlers would exit before the cleanup.
    browser = await chromium.launch({
      executablePath: host.chromium,
      headless: true,
      args: CHROMIUM_FLAGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const viewport = options.viewport ?? { width: 1400, height: 900 };
    const page = await browser.newPage({ viewport });
    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    // Both must exist before the workbench loads: it looks for them at startup.
    await page.exposeFunction('codeAutomationLog', (level, text) => options.onLog?.(String(level), String(text)));
    await page.exposeFunction('codeAutomationExit', (code, logs) => resolveExit({ code: Number(code), logs: logs ?? [] }));
    server.once('exit', (code, signal) => resolveExit({ code: 1, logs: [], error: `VS Code server exited (${code ?? signal})` }));
    page.on('crash', () => resolveExit({ code: 1, logs: [], error: 'the browser page crashed' }));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
    if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
    payload.push(['skipWelcome', 'true']);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { page, exited, url, workspacePath, serverOutput, codeServer: host.codeServer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Writes the logs the workbench hands over at exit (window, extension host, server) for inspection. */
export function saveLogs(logs, dir) {
  if (!logs?.length) return undefined;
  rmSync(dir, { recursive: true, force: true });
  for (const { relativePath, contents } of logs) {
    const file = path.join(dir, relativePath.replace(/^[/\\]+/, '').replace(/\.\.(?=[/\\])/g, '_'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents ?? '');
  }
  return dir;
}

export function requireBuilt(files) {
  const missing = files.filter((f) => !existsSync(path.join(ROOT, f)));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')} (run npm run build && node scripts/e2e-build.mjs)`);
}
