// Runs random edits over real files and compares the incremental model with a fresh full parse
// after every edit. Reports mismatches (file, seed, edit number) and how often it fell back.
//
//   npm run incremental-check -- DIR|FILE... [--edits N] [--seeds N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, parseFull, type UpdateStats } from '../server/src/core/incremental';
import { parseIdeas } from '../server/src/core/parse';
import { randomEdit, rng } from '../test/unit/incrementalFixtures';

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (flag: string, dflt: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return dflt;
    const v = Number(argv[i + 1]);
    argv.splice(i, 2);
    return v;
  };
  const edits = opt('--edits', 30);
  const seeds = opt('--seeds', 2);
  const files: string[] = [];
  for (const a of argv) {
    const st = fs.statSync(a);
    if (st.isDirectory()) for (const f of fs.readdirSync(a).sort()) { if (/\.(md|txt)$/.test(f)) files.push(path.join(a, f)); }
    else files.push(a);
  }
  if (!files.length) {
    console.error('usage: npm run incremental-check -- DIR|FILE... [--edits N] [--seeds N]');
    process.exit(2);
  }
  let mismatches = 0;
  let checked = 0;
  const modes = { incremental: 0, full: 0 };
  const reasons = new Map<string, number>();
  let incMs = 0;
  let fullMs = 0;
  const started = Date.now();
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8');
    // Corpus files are flattened names: keep them as paths the kind detection understands.
    const options = { path: file };
    for (let seed = 1; seed <= seeds; seed++) {
      const r = rng(seed * 7919 + original.length);
      let state = parseFull(original, options);
      for (let i = 0; i < edits; i++) {
        const edit = randomEdit(state.text, r);
        let t = performance.now();
        state = applyEdits(state, [edit], {
          stats: (s: UpdateStats) => {
            modes[s.mode]++;
            if (s.reason) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
          },
        });
        incMs += performance.now() - t;
        t = performance.now();
        const full = parseIdeas(state.text, options);
        fullMs += performance.now() - t;
        checked++;
        if (!isDeepStrictEqual(state.model, full)) {
          mismatches++;
          console.log(`MISMATCH ${file} seed ${seed} edit ${i}: ${JSON.stringify(edit).slice(0, 200)}`);
          state = parseFull(state.text, options); // continue from the truth
        }
      }
    }
    process.stdout.write('.');
  }
  console.log(`\n${files.length} files, ${checked} edits checked in ${((Date.now() - started) / 1000).toFixed(1)} s: ${mismatches} mismatches.`);
  console.log(`updates: ${modes.incremental} incremental, ${modes.full} full parses; mean ${(incMs / checked).toFixed(2)} ms per update vs ${(fullMs / checked).toFixed(2)} ms per full parse`);
  for (const [reason, n] of reasons) console.log(`  full parse: ${reason} (${n})`);
  process.exit(mismatches ? 1 : 0);
}

main();
