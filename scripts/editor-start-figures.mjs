// Start figures in the real editor (VS Code's server build in headless Chromium, scripts/e2e-host.mjs):
// open a folder of ideas files, open one big file right after the workbench is up, and time until the
// editor shows the file's text, our outline (a field of our provider's tree in the Outline view) and
// the problems count in the status bar. Runs alternate between builds: the extension as it was
// before (a built checkout given with --before), this repository's extension, and none (a stub
// extension that does nothing, so the editor starts the same way; only VS Code's markdown outline).
// Each run records the machine's load (1-minute load average before and after, CPU busy share during).
//
// usage: node scripts/editor-start-figures.mjs FOLDER [--file REL_PATH] [--runs N] [--before DIR]
//        node scripts/editor-start-figures.mjs --arrange CORPUS_DIR OUT_DIR
//   FOLDER      a workspace of ideas files (copied per run; never changed)
//   --file      the file to open, relative to FOLDER (default: the largest .md under FOLDER)
//   --runs      runs per build (default 3)
//   --before    root of a built older checkout (dist/ built), e.g. a git worktree of an older commit
//   --arrange   lays out a flat folder of versioned files (lfx-mentorship_2024_03-Sep-Nov_README__DATE__HASH.md)
//               as programs/lfx-mentorship/2024/03-Sep-Nov/README.md, keeping each file's newest version
// Build first (npm run build). Nothing of FOLDER is written into the repository.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, stageExtension, startHost } from './e2e-host.mjs';

const FIELD_LABELS = ['Description', 'Expected Outcome', 'Recommended Skills', 'Mentor(s)', 'Mentors', 'Upstream Issue', 'LFX URL'];

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function arrange(corpus, out) {
  const newest = new Map();
  for (const name of readdirSync(corpus)) {
    const m = /^(lfx-mentorship)_(\d{4})_(.+?)(_README)?__(\d{4}-\d{2}-\d{2})__([0-9a-f]+)\.md$/.exec(name);
    if (!m) continue;
    const target = path.join('programs', m[1], m[2], m[3], m[4] ? 'README.md' : 'project_ideas.md');
    const seen = newest.get(target);
    if (!seen || seen.key < `${m[5]}${m[6]}`) newest.set(target, { key: `${m[5]}${m[6]}`, name });
  }
  for (const [target, { name }] of newest) {
    mkdirSync(path.dirname(path.join(out, target)), { recursive: true });
    cpSync(path.join(corpus, name), path.join(out, target));
  }
  console.log(`${newest.size} files arranged under ${out}`);
}

function largestMarkdown(folder) {
  let best = { size: -1, rel: '' };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && statSync(full).size > best.size) best = { size: statSync(full).size, rel: path.relative(folder, full) };
    }
  };
  walk(folder);
  return best.rel;
}

/** CPU time counters of the whole machine, for its busy share over a run. */
function cpuTimes() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3] + (n[4] ?? 0);
  return { idle, total: n.reduce((a, b) => a + b, 0) };
}

/** A stub extension: loads like the others, contributes and activates nothing. */
function stubExtension(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'no-extension', publisher: 'figures', version: '0.0.0', engines: { vscode: '*' } }));
  return dir;
}

async function measure(build, folder, file, firstHeading) {
  const load = { before: os.loadavg()[0] };
  const cpuStart = cpuTimes();
  const host = await startHost({
    workspace: folder,
    extensionPath: build.path,
    workspaceSettings: { 'outline.collapseItems': 'alwaysExpand', 'workbench.startupEditor': 'none' },
  });
  const { page } = host;
  const out = { build: build.name };
  try {
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 120_000 });
    // The Outline view is open before the file, as a user keeping it open would have it.
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Outline: Focus on Outline View');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.outline-pane').first().waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(file);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    const deadline = t0 + 120_000;
    const wantsOurs = build.name !== 'none';
    while (Date.now() < deadline && (out.outline === undefined || (wantsOurs && (out.ours === undefined || out.problems === undefined)))) {
      const state = await page.evaluate(
        ({ heading, fields }) => {
          const labels = [...document.querySelectorAll('.outline-pane .monaco-list-row .label-name')].map((e) => (e.textContent || '').trim());
          const status = document.querySelector('[id="status.problems"]');
          return {
            text: [...document.querySelectorAll('.editor-instance .view-line')].some((l) => (l.textContent || '').trim() !== ''),
            outline: labels.some((l) => l.replace(/^#+\s*/, '') === heading), // VS Code's markdown rows read `### Heading`
            ours: labels.some((l) => fields.includes(l)),
            problems: status?.getAttribute('aria-label') ?? status?.textContent ?? '',
          };
        },
        { heading: firstHeading, fields: FIELD_LABELS },
      );
      const now = Date.now() - t0;
      if (state.text) out.text ??= now;
      if (state.outline) out.outline ??= now;
      if (state.ours) out.ours ??= now;
      if (/[1-9]/.test(state.problems) && out.problems === undefined) {
        out.problems = now;
        out.problemsLabel = state.problems;
      }
      await page.waitForTimeout(25);
    }
    if (process.env.START_FIGURES_SHOT) await page.screenshot({ path: `${process.env.START_FIGURES_SHOT}-${build.name}.png` });
  } finally {
    await host.stop();
  }
  const cpuEnd = cpuTimes();
  load.after = os.loadavg()[0];
  load.busy = 1 - (cpuEnd.idle - cpuStart.idle) / Math.max(1, cpuEnd.total - cpuStart.total);
  return { ...out, load };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (ms) => (ms === undefined ? '-' : (ms / 1000).toFixed(2));

async function main() {
  if (process.argv.includes('--arrange')) return arrange(path.resolve(arg('--arrange')), path.resolve(process.argv[process.argv.indexOf('--arrange') + 2]));
  const folder = process.argv[2] && !process.argv[2].startsWith('--') ? path.resolve(process.argv[2]) : undefined;
  if (!folder) throw new Error('usage: node scripts/editor-start-figures.mjs FOLDER [--file REL_PATH] [--runs N] [--before DIR]');
  const file = arg('--file') ?? largestMarkdown(folder);
  const runs = Number(arg('--runs', '3'));
  const firstHeading = /^#{2,4}\s+(.+?)\s*$/m.exec(readFileSync(path.join(folder, file), 'utf8').split('\n').filter((l) => !/^#{1,2}\s/.test(l)).join('\n'))?.[1];
  if (!firstHeading) throw new Error(`${file} has no ### or #### heading to find in the outline`);

  const staging = mkdtempSync(path.join(os.tmpdir(), 'start-figures-'));
  const builds = [];
  const before = arg('--before');
  if (before) builds.push({ name: 'before', path: stageExtension(path.join(staging, 'before'), path.resolve(before)) });
  builds.push({ name: 'current', path: stageExtension(path.join(staging, 'current'), ROOT) });
  builds.push({ name: 'none', path: stubExtension(path.join(staging, 'none')) });

  console.log(`file: ${file} (${statSync(path.join(folder, file)).size} bytes), outline waits for "${firstHeading}"; ${os.cpus().length} cores`);
  const results = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const build of builds) {
        const result = await measure(build, folder, file, firstHeading);
        results.push(result);
        console.log(
          `run ${run} ${build.name.padEnd(7)} text ${seconds(result.text)} s, outline ${seconds(result.outline)} s, ours ${seconds(result.ours)} s, problems ${seconds(result.problems)} s` +
            ` (${result.problemsLabel ?? 'no count'}); load ${result.load.before.toFixed(2)} -> ${result.load.after.toFixed(2)}, CPU busy ${(result.load.busy * 100).toFixed(0)}%`,
        );
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  console.log('\nseconds from opening the file (median, min-max):');
  // "markdown outline": the file's first heading in VS Code's own group, seen only when ours (listed
  // first, expanded) does not push it out of the view's visible rows, i.e. in practice with no extension.
  console.log('build    | text shown         | markdown outline        | our outline        | problems count     | load avg (1 min) | CPU busy');
  for (const build of builds) {
    const mine = results.filter((r) => r.build === build.name);
    const cell = (key) => {
      const xs = mine.map((r) => r[key]).filter((x) => x !== undefined);
      const missing = mine.length - xs.length;
      return xs.length ? `${seconds(median(xs))} (${seconds(Math.min(...xs))}-${seconds(Math.max(...xs))})${missing ? ` ${missing} none` : ''}` : '-';
    };
    const loads = mine.flatMap((r) => [r.load.before, r.load.after]);
    const busy = mine.map((r) => r.load.busy * 100);
    console.log(
      `${build.name.padEnd(8)} | ${cell('text').padEnd(18)} | ${cell('outline').padEnd(23)} | ${cell('ours').padEnd(18)} | ${cell('problems').padEnd(18)} | ${`${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`.padEnd(16)}` +
        ` | ${Math.min(...busy).toFixed(0)}-${Math.max(...busy).toFixed(0)}%`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
