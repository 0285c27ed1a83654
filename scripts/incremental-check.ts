// Runs random edits over real files and compares the incremental model with a fresh full parse
// after every edit. Reports mismatches (file, seed, edit number) and how often it fell back.
// With --rules, half the edits are typing inside a line, and the rules run with a RuleCache (what
// the server keeps between versions) are compared with a plain run after every edit too.
//
//   npm run incremental-check -- DIR|FILE... [--edits N] [--seeds N] [--rules]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, parseFull, type UpdateStats } from '../server/src/core/incremental';
import { parseIdeas } from '../server/src/core/parse';
import { ProjectCatalog, Quotas } from '../server/src/core/cncfProjects';
import { termOfPath } from '../server/src/core/term';
import { RuleCache, runRules } from '../server/src/rules';
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
  const rules = argv.includes('--rules');
  if (rules) argv.splice(argv.indexOf('--rules'), 1);
  const catalog = ProjectCatalog.snapshot();
  const quotas = Quotas.defaults();
  let ruleMismatches = 0;
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
      const cache = new RuleCache();
      const run = (withCache: boolean) =>
        runRules(
          { uri: `file://${file}`, path: file, text: state.text, lines: state.idx?.lines() ?? state.text.split(/\r\n|\r|\n/), model: state.model, term: termOfPath(file), catalog, quotas, moved: state.moved },
          { cache: withCache ? cache : undefined },
        );
      if (rules) run(true);
      for (let i = 0; i < edits; i++) {
        const edit = rules && r() < 0.5 ? typing(state.text, r) : randomEdit(state.text, r);
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
        if (rules && !isDeepStrictEqual(run(true), run(false))) {
          ruleMismatches++;
          console.log(`RULES MISMATCH ${file} seed ${seed} edit ${i}: ${JSON.stringify(edit).slice(0, 200)}`);
        }
      }
    }
    process.stdout.write('.');
  }
  console.log(`\n${files.length} files, ${checked} edits checked in ${((Date.now() - started) / 1000).toFixed(1)} s: ${mismatches} mismatches.`);
  if (rules) console.log(`rules with a cache vs plain runs: ${ruleMismatches} mismatches.`);
  console.log(`updates: ${modes.incremental} incremental, ${modes.full} full parses; mean ${(incMs / checked).toFixed(2)} ms per update vs ${(fullMs / checked).toFixed(2)} ms per full parse`);
  for (const [reason, n] of reasons) console.log(`  full parse: ${reason} (${n})`);
  process.exit(mismatches || ruleMismatches ? 1 : 0);
}

/** A character or two typed inside a line's text, after its first word (the server's typing path). */
function typing(text: string, r: () => number): { start: number; end: number; text: string } {
  const at = Math.floor(r() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const space = text.indexOf(' ', lineStart + 3);
  const pos = space > 0 && space < lineEnd ? space + Math.floor(r() * (lineEnd - space)) : at;
  return { start: pos, end: pos, text: ['x', 'é', ' ', ', Go', '@', '(', 'TBD'][Math.floor(r() * 7)] };
}

main();
