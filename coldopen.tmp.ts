import { readFileSync } from 'node:fs';
const root = process.argv[2];
const { LspClient } = require(`${root}/test/server/lspClient`);
(async () => {
  const text = readFileSync('/work/shared/seeds/002_dde2481ecac1b054.txt', 'utf8');
  const client = await (LspClient.spawn ? LspClient.spawn({ settings: {} }) : LspClient.start({ settings: {} }));
  const fresh = (i: number) => text.replace(/^(#{1,6}[ \t][^\r\n]*)/gm, `$1 r${i}`);
  const sym: number[] = [], diag: number[] = [];
  for (let i = 0; i < 16; i++) {
    const u = `file:///bench/programs/lfx-mentorship/2024/01-Mar-May/c${i}/project_ideas.md`;
    const t = performance.now();
    client.open(u, fresh(i));
    await client.request('textDocument/documentSymbol', { textDocument: { uri: u } });
    const t1 = performance.now();
    await client.request('textDocument/diagnostic', { textDocument: { uri: u } });
    const t2 = performance.now();
    if (i >= 4) { sym.push(t1 - t); diag.push(t2 - t1); }
    client.close(u);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
  console.log(root, 'open->symbols', med(sym), 'then diagnostics', med(diag));
  await client.stop();
})();
