// Proof for the chunked full scan with its shared cache (core/incremental.ts): every file of a
// folder parsed with parseFull (chunks cached across files, as the workspace indexer does) must
// give a model deep-equal to parseIdeas (one remark scan of the whole text).
//
//   npx tsx scripts/chunk-check.ts DIR...
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseFull } from '../server/src/core/incremental';
import { chunkCacheStats } from '../server/src/core/parse/chunks';
import { parseIdeas } from '../server/src/core/parse';

const files: string[] = [];
for (const a of process.argv.slice(2)) {
  if (fs.statSync(a).isDirectory()) {
    for (const f of fs.readdirSync(a).sort()) if (/\.(md|txt)$/.test(f) && fs.statSync(path.join(a, f)).isFile()) files.push(path.join(a, f));
  } else files.push(a);
}
if (!files.length) {
  console.error('usage: npx tsx scripts/chunk-check.ts DIR|FILE...');
  process.exit(2);
}
let full = 0;
let chunked = 0;
let differ = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  let t = performance.now();
  const expected = parseIdeas(text, { path: file });
  full += performance.now() - t;
  t = performance.now();
  const actual = parseFull(text, { path: file }).model;
  chunked += performance.now() - t;
  if (!isDeepStrictEqual(actual, expected)) {
    differ++;
    console.log(`DIFFERS: ${file}`);
  }
}
const { hits, misses } = chunkCacheStats();
console.log(`files=${files.length} differ=${differ} chunk cache hits=${hits} misses=${misses}; parseIdeas ${full.toFixed(0)} ms, parseFull (chunked, cached) ${chunked.toFixed(0)} ms`);
process.exit(differ ? 1 : 0);
