// Precision runner: npm run precision -- DIR [--sample N] [--rule ID] [--wide N]
// Runs every rule over the ideas files in DIR (as `project-ideas check` does) and prints, per rule,
// the findings by severity, how many are distinct (one message in one logical file: the corpus holds
// many versions of a file), how many underline more than --wide lines (default 3), and a sample of
// findings (file:line, the underlined text, the message) to read as a reviewer would: is it true, is
// the message right for the file's program, does the squiggle cover only what it is about?
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { check, parseArgs } from '../server/src/cli';
import { RULES } from '../server/src/rules';
import { logicalKey, splitLines } from '../server/src/rules/util';

const args = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const valued = new Set(['--sample', '--rule', '--wide']);
const dirs = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
if (!dirs.length) {
  console.error('usage: npm run precision -- DIR [--sample N] [--rule ID] [--wide LINES]');
  process.exit(2);
}
const sample = Number(value('--sample') ?? 8);
const only = value('--rule');
const wide = Number(value('--wide') ?? 3);

async function main(): Promise<void> {
  const result = await check(parseArgs(['check', ...dirs]));
  const texts = new Map<string, string[]>();
  const linesOf = (file: string) => {
    let lines = texts.get(file);
    if (!lines) texts.set(file, (lines = splitLines(readFileSync(file, 'utf8'))));
    return lines;
  };
  const order = [...RULES.map((r) => r.id), 'file-too-large'];
  const byRule = new Map<string, typeof result.findings>();
  for (const f of result.findings) {
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  console.log(`${result.files} files, ${result.findings.length} findings`);
  console.log('');
  console.log(`${'rule'.padEnd(26)}${'error'.padStart(7)}${'warning'.padStart(9)}${'info'.padStart(7)}${'hint'.padStart(6)}${'distinct'.padStart(10)}${`>${wide} lines`.padStart(11)}`);
  for (const id of order) {
    const list = byRule.get(id) ?? [];
    const n = (s: string) => list.filter((f) => f.severity === s).length;
    const distinct = new Set(list.map((f) => `${logicalKey(f.file)}\u0000${f.message}`)).size;
    const wideCount = list.filter((f) => f.range.end.line - f.range.start.line >= wide).length;
    console.log(`${id.padEnd(26)}${String(n('error')).padStart(7)}${String(n('warning')).padStart(9)}${String(n('information')).padStart(7)}${String(n('hint')).padStart(6)}${String(distinct).padStart(10)}${String(wideCount).padStart(11)}`);
  }
  if (sample <= 0) return;
  for (const id of order) {
    if (only && id !== only) continue;
    const list = byRule.get(id) ?? [];
    if (!list.length) continue;
    // Distinct findings first (one per message and logical file), then an even spread over them.
    const seen = new Set<string>();
    const distinct = list.filter((f) => {
      const key = `${logicalKey(f.file)}\u0000${f.message}`;
      return !seen.has(key) && !!seen.add(key);
    });
    const step = Math.max(1, Math.floor(distinct.length / sample));
    console.log('');
    console.log(`== ${id}: ${list.length} findings, ${distinct.length} distinct; sample:`);
    for (let i = 0, shown = 0; i < distinct.length && shown < sample; i += step, shown++) {
      const f = distinct[i];
      const lines = linesOf(f.file);
      const { start, end } = f.range;
      const text = start.line === end.line ? (lines[start.line] ?? '').slice(start.character, end.character) : `${(lines[start.line] ?? '').slice(start.character)} …[${end.line - start.line} more lines]`;
      console.log(`  ${basename(f.file)}:${start.line + 1}:${start.character + 1} ${f.severity}`);
      console.log(`    under: ${JSON.stringify(text.length > 120 ? `${text.slice(0, 119)}…` : text)}`);
      console.log(`    says:  ${f.message}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
