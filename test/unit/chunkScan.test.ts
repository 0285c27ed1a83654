// The full scan by chunks (core/incremental.ts scanChunked, with its shared cache) must give exactly
// the blocks of one remark scan of the whole text, whatever hides a `#` line.
import { strict as assert } from 'node:assert';
import { parseFull, parseFullAsync } from '../../server/src/core/incremental';
import { chunkCacheStats, clearChunkCache, scanChunked } from '../../server/src/core/parse/chunks';
import { parseIdeas } from '../../server/src/core/parse';
import { blocksFromMdast } from '../../server/src/core/parse/headings';
import { LineIndex } from '../../server/src/core/parse/lines';
import { inventIdeasFile } from './incrementalFixtures';

function same(text: string): void {
  const idx = new LineIndex(text);
  assert.deepStrictEqual(scanChunked(idx), blocksFromMdast(idx));
  // Twice: the second time from the cache.
  assert.deepStrictEqual(scanChunked(idx), blocksFromMdast(idx));
}

const PROSE = 'Some words to make the chunk long enough to be cached by the scanner, and a few more words.\n';

describe('chunked full scan', () => {
  beforeEach(() => clearChunkCache());

  it('equals a whole-text scan on invented files (LF, CRLF, BOM)', () => {
    const text = inventIdeasFile({ seed: 4, projects: 6, maxProposals: 3 });
    same(text);
    same(text.replace(/\n/g, '\r\n'));
    same('\ufeff' + text);
  });

  it('grows a chunk over `#` lines in fences, HTML blocks and setext text', () => {
    same(`# Top\n${PROSE}\`\`\`md\n# in a fence\n${PROSE}## also in the fence\n\`\`\`\n## After the fence\n${PROSE}`);
    same(`# Top\n${PROSE}<div>\n# in html\n${PROSE}\n## after html\n${PROSE}`);
    same(`# Top\n${PROSE}~~~\n# never closed\n${PROSE}## still code\n${PROSE}### and here\n`);
    same(`# A\n${PROSE}#not a heading\n${PROSE}####### seven\n## B\n${PROSE}#\n${PROSE}`);
    same(`# A\n${PROSE}- item\n# heading after a list\n${PROSE}> quote\n# heading after a quote\n${PROSE}`);
  });

  it('scans a text with link reference definitions whole', () => {
    same(`# A [x]\n${PROSE}## B [ref]\n${PROSE}\n[ref]: https://example.org\n## C\n${PROSE}`);
    same(`# A\n${PROSE}## [multi\nline]\n${PROSE}\n[multi\nline]: https://example.org\n`);
  });

  it('reuses chunks across versions of a file, and the models equal the full parse', async () => {
    const text = inventIdeasFile({ seed: 8, projects: 8, maxProposals: 3 });
    const options = { path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/project_ideas.md' };
    const first = parseFull(text, options);
    const before = chunkCacheStats();
    const edited = text.replace('- Description:', '- Description: changed,');
    const second = await parseFullAsync(edited, options, 0);
    const after = chunkCacheStats();
    assert.ok(after.hits - before.hits > 5, `hits ${after.hits - before.hits}`);
    assert.deepStrictEqual(first.model, parseIdeas(text, options));
    assert.deepStrictEqual(second.model, parseIdeas(edited, options));
  });
});
