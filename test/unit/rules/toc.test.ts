// toc: the table of contents matches the headings.
import * as assert from 'node:assert/strict';
import { applyFirstFix, check, LFX_TEMPLATE, only, proposal } from './helpers';

describe('toc', () => {
  const withToc = (toc: string) =>
    LFX_TEMPLATE.replace('## Proposed Project ideas', `## Table of Contents\n\n${toc}\n\n## Proposed Project ideas`) +
    `\n### Jaeger\n\n${proposal({ title: 'Adaptive sampling' })}\n${proposal({ title: 'Storage: v2 & more' })}\n### Envoy\n\n${proposal({ title: 'Rate limits' })}`;

  it('reports a broken anchor and a missing entry, and regenerates the list in place', () => {
    const text = withToc('- [Jaeger](#jaeger)\n  - [Adaptive sampling](#adaptive-sampling)\n  - [Storage: v2 & more](#storage-v2-more)');
    const found = only(check(text), 'toc');
    assert.equal(found.length, 1 + 1, found.map((f) => f.message).join('\n'));
    const fixed = applyFirstFix(text, found[0]);
    assert.ok(
      fixed.includes('## Table of Contents\n\n- [Jaeger](#jaeger)\n  - [Adaptive sampling](#adaptive-sampling)\n  - [Storage: v2 & more](#storage-v2--more)\n- [Envoy](#envoy)\n  - [Rate limits](#rate-limits)\n\n## Proposed'),
      fixed.slice(0, 2000),
    );
    assert.deepEqual(only(check(fixed), 'toc'), []);
    assert.equal(fixed.replace(/## Table of Contents[\s\S]*?## Proposed/, ''), text.replace(/## Table of Contents[\s\S]*?## Proposed/, ''));
  });
});
