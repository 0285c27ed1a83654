import { readFileSync } from 'node:fs';
const root = process.argv[2];
const { parseIdeas } = require(`${root}/server/src/core/parse`);
const text = readFileSync('/work/shared/seeds/002_dde2481ecac1b054.txt', 'utf8');
const fresh = (i: number) => text.replace(/^(#{1,6}[ \t][^\r\n]*)/gm, `$1 r${i}`);
const xs: number[] = [];
for (let i = 0; i < 25; i++) { const t = fresh(i); const s = performance.now(); parseIdeas(t, { path: '/ws/programs/lfx-mentorship/2024/01-Mar-May/project_ideas.md' }); xs.push(performance.now() - s); }
xs.splice(0, 5); xs.sort((a, b) => a - b);
console.log(root, 'parse p50', xs[10].toFixed(1), 'min', xs[0].toFixed(1));
