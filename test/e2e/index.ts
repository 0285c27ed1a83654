// Entry of the real-editor suite: VS Code's extension host loads this module (extensionTestsPath) and
// awaits run(), with this extension under development and test/e2e/workspace as the open folder.
// The same module runs under both hosts: the VS Code server build in headless Chromium
// (scripts/e2e-server.mjs) and desktop VS Code via @vscode/test-electron (scripts/e2e-electron.mjs).
// Each suite/*.test.ts is bundled on its own to out/e2e/suite/*.test.js; Mocha is bundled in here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Marks the suite's own output, so the server-build runner can tell it from the workbench's log. */
export const OUTPUT_MARK = '[mocha] ';

// The workbench forwards the extension host's console with its arguments joined, not formatted:
// hand it whole lines. Mocha's reporters write through Base.consoleLog.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
  const text = format(...args).replace(/\x1b\[[0-9;]*m/g, ''); // ANSI colours (log-symbols adds its own)
  console.log(OUTPUT_MARK + text.split('\n').join(`\n${OUTPUT_MARK}`));
};

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false, // the output travels through the workbench's log, not a terminal
    reporter: 'spec',
    // A generous bound per test (hooks included): tests wait for effects with their own deadlines
    // (60 s each, helpers.ts pollUntil), and a test that edits a fixture also waits for its restore.
    timeout: 240_000,
    slow: 10_000,
  });
  // Optional filter, e.g. PROJECT_IDEAS_E2E_GREP=outline: the extension host inherits the environment
  // of the process that starts it (the VS Code server, or desktop VS Code).
  const grep = process.env.PROJECT_IDEAS_E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));

  const dir = path.join(__dirname, 'suite');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort() : [];
  if (!files.length) throw new Error(`no compiled real-editor tests in ${dir} (run node scripts/e2e-build.mjs)`);
  for (const file of files) mocha.addFile(path.join(dir, file));

  // No ANSI colours in the editor's log, whatever the environment (CI=true makes Mocha want them).
  Mocha.reporters.Base.useColors = false;
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} real-editor test${failures === 1 ? '' : 's'} failed`);
}
