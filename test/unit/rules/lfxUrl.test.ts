// lfx-url: an accepted README proposal without its LFX URL, where LFX URLs are expected.
import * as assert from 'node:assert/strict';
import { check, lfxFile, only, proposal } from './helpers';

describe('lfx-url', () => {
  const README_2025 = '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md';
  const GENERATED = '/ws/programs/lfx-mentorship/2026/03-Sep-Nov/README.md';
  const withLfx = (title: string, url: string | null) => proposal({ title }) + (url === null ? '' : `- LFX URL: ${url}\n`);
  const readme = (...urls: (string | null)[]) =>
    lfxFile([{ project: 'Jaeger', proposals: urls.map((u, i) => withLfx(`Trace idea ${i + 1}`, u)) }]);

  it('notes a proposal without an LFX URL in an accepted README whose others have theirs', () => {
    const found = only(check(readme('https://mentorship.lfx.linuxfoundation.org/project/0001', 'https://mentorship.lfx.linuxfoundation.org/project/0002', ''), { path: README_2025 }), 'lfx-url');
    assert.deepEqual(found.map((f) => [f.severity, f.message]), [['information', '"Trace idea 3" has no LFX URL; the accepted projects of this README link their LFX Mentorship page, where applicants apply.']]);
  });

  it('says nothing in a draft, nor in a hand-written README without LFX URLs', () => {
    assert.deepEqual(only(check(readme('', null)), 'lfx-url'), []);
    assert.deepEqual(only(check(readme('', null), { path: README_2025 }), 'lfx-url'), []);
  });

  it('notes every missing one in a README generated from the issue forms', () => {
    assert.equal(only(check(readme(null, ''), { path: GENERATED }), 'lfx-url').length, 2);
  });
});
