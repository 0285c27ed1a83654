#!/usr/bin/env node
// Opens the real editor (the same VS Code server build + headless Chromium as the real-editor tests)
// on the sample workspace test/e2e/workspace and saves README pictures into docs/images/:
//   outline.png      the Outline view with our "Project Ideas" group, an ideas file open
//   hover.png        the hover card on a mentor's handle
//   completion.png   the completion list after typing `@` in a Mentor(s) field
//   problems.png     the Problems panel
//   draft.png        an LFX proposal draft: its room-left hints, code lenses and problems
//   propose-again.png  the Propose Again lens on an ideas file's proposal, asking for the term
// It drives the UI the way a user would (command palette, Go to Line, typing), so each picture shows
// whatever the extension does today. `npm run screenshots` builds first.
//   --only=outline,hover   take only these;  --verbose   print the editor's log
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, WORKSPACE_FIXTURE, requireBuilt, startHost } from './e2e-host.mjs';

const OUT = path.join(ROOT, 'docs', 'images');
const FILE = 'programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';
const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name) => !only || only.includes(name);
const say = (msg) => console.log(`[screenshots] ${msg}`);

const DRAFT = 'drafts/defects.lfx-proposal.md';
/** 1-based line and column of the first line of `file` containing `needle`, at the needle (plus `offset`). */
function locateIn(file, needle, offset = 0) {
  const fileLines = readFileSync(path.join(WORKSPACE_FIXTURE, file), 'utf8').split('\n');
  const index = fileLines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in ${file}`);
  return { line: index + 1, column: fileLines[index].indexOf(needle) + 1 + offset };
}
const locate = (needle, offset = 0) => locateIn(FILE, needle, offset);

async function main() {
  requireBuilt(['dist/client.js', 'dist/server.js']);
  mkdirSync(OUT, { recursive: true });
  const host = await startHost({
    verbose,
    onLog: verbose ? (level, text) => console.log(`[${level}] ${text}`) : undefined,
    viewport: { width: 1280, height: 800 },
    workspaceSettings: {
      'outline.collapseItems': 'alwaysExpand',
      'editor.minimap.enabled': false,
      'workbench.colorTheme': 'Default Light Modern',
      'window.commandCenter': false,
      'workbench.layoutControl.enabled': false,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'breadcrumbs.enabled': true,
    },
  });
  const { page } = host;
  const shot = async (name) => {
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    say(`saved ${path.relative(ROOT, file)}`);
  };
  const settle = (ms = 600) => page.waitForTimeout(ms); // let an animation finish before a picture
  const escape = async () => {
    await page.keyboard.press('Escape');
    await settle(200);
  };

  /** Runs a command by its palette title, as a user would with F1 (only when the palette offers it). */
  async function command(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row').first();
    const label = await row
      .waitFor({ timeout: 10_000 })
      .then(() => row.getAttribute('aria-label'))
      .catch(() => null);
    if (!label?.toLowerCase().includes(title.toLowerCase())) {
      say(`warning: no command "${title}" in the palette (first entry: ${label ?? 'none'})`);
      await escape();
      return false;
    }
    await page.keyboard.press('Enter');
    await settle(400);
    return true;
  }

  async function goTo({ line, column }) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await settle(300);
  }

  try {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: 'programs' }).first().waitFor({ timeout: 30_000 });
    await settle(1500); // the workbench keeps restoring for a moment after the tree shows
    // Open the ideas file through Quick Open (retried: an early keystroke can land before it is ready).
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      const ok = await input
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => page.keyboard.type(FILE.split('/').slice(-3).join('/')))
        .then(() => page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 }))
        .then(() => true, () => false);
      if (ok) break;
      if (attempt === 3) throw new Error(`Quick Open did not find ${FILE}`);
      await escape();
    }
    await settle(300);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    if (await page.locator('.part.auxiliarybar').first().isVisible().catch(() => false)) await command('View: Toggle Secondary Side Bar Visibility');
    await page.locator('.part.banner .codicon-close, .part.banner .codicon-banner-close').first().click({ timeout: 2_000 }).catch(() => {});

    if (wanted('outline')) {
      await command('Explorer: Focus on Outline View');
      // Wait for the language server: the Outline lists a proposal only once our provider answered.
      await page
        .locator('.outline-pane, .pane-body')
        .getByText('Metrics dashboard for Lanternd')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => say('warning: no proposal in the Outline after 30 s; the picture shows what is there'));
      // Give the Outline the whole side bar: collapse the folder tree's pane.
      await page.locator('.pane-header').filter({ hasText: /^workspace/i }).first().click().catch(() => {});
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(locate('Metrics dashboard for Lanternd'));
      await settle(800);
      await shot('outline');
    }

    if (wanted('hover')) {
      await goTo(locate('@alice-example', 2));
      await command('Show or Focus Hover');
      await page
        .locator('.monaco-hover')
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .catch(() => say('warning: no hover card appeared'));
      await settle(800);
      await shot('hover');
      await escape();
    }

    if (wanted('completion')) {
      // A new mentor line under "Structured logging…"'s Mentor(s), then `@`.
      await goTo(locate('Carol Placeholder (@carol-placeholder)'));
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      // Whatever indentation or list marker the editor continued with, start the line afresh.
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type('  - ', { delay: 30 });
      await page.keyboard.type('@', { delay: 30 });
      const suggest = page.locator('.suggest-widget.visible, .editor-widget.suggest-widget[monaco-visible-content-widget="true"]');
      const shown = await suggest.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (!shown) {
        await page.keyboard.press('Control+Space'); // `@` is not a trigger character (yet): ask
        await suggest.first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => say('warning: no completion list appeared'));
      }
      await settle(800);
      await shot('completion');
      await escape();
      // Undo the typing so the next pictures show the file as it is on disk.
      for (let i = 0; i < 8; i++) await page.keyboard.press('Control+Z');
      await settle(300);
    }

    if (wanted('propose-again')) {
      // The lens above a proposal of the ideas file; clicking it asks for the term of the new draft.
      await goTo(locate('Metrics dashboard for Lanternd'));
      const lens = page.locator('.codelens-decoration a', { hasText: 'Propose Again' }).first();
      const clicked = await lens
        .waitFor({ timeout: 30_000 })
        .then(() => lens.click())
        .then(() => true, () => false);
      if (!clicked) say('warning: no Propose Again lens appeared');
      await page.locator('.quick-input-widget').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => say('warning: no term quick pick'));
      await settle(800);
      await shot('propose-again');
      await escape();
    }

    if (wanted('draft')) {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type(DRAFT.split('/').pop());
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
      await settle(300);
      await page.keyboard.press('Enter');
      await settle(800);
      await command('View: Focus Problems (Errors, Warnings, Infos)');
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 }).catch(() => say('note: no problems listed for the draft'));
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(locateIn(DRAFT, '### Program Name'));
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(':1');
      await page.keyboard.press('Enter');
      // The room-left hints come from the server: wait for one (e.g. `25/71`).
      await page.locator('.monaco-editor').getByText(/\d+\/71/).first().waitFor({ timeout: 30_000 }).catch(() => say('warning: no room-left hint appeared'));
      await settle(800);
      await shot('draft');
    }

    if (wanted('problems')) {
      await command('View: Focus Problems (Errors, Warnings, Infos)');
      await page.locator('.markers-panel').first().waitFor({ timeout: 10_000 }).catch(() => say('warning: no Problems panel'));
      // Diagnostics arrive from the server: wait for a row, but take the picture either way.
      await page
        .locator('.markers-panel .monaco-list-row')
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => say('note: the Problems panel is empty'));
      await settle(800);
      await shot('problems');
    }
  } catch (error) {
    const file = path.join(ROOT, 'test-results', 'screenshots-failure.png');
    await page.screenshot({ path: file }).catch(() => {});
    say(`failed; the editor at that moment: ${path.relative(ROOT, file)}`);
    throw error;
  } finally {
    await host.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[screenshots] ${error instanceof Error ? error.stack || error.message : error}`);
    process.exit(1);
  },
);
