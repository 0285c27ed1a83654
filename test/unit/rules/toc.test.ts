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

  const threeProposals = () =>
    `\n### Jaeger\n\n${proposal({ title: '[UI] Panel rework' })}\n${proposal({ title: 'Trace sampling' })}\n### Falco\n\n${proposal({ title: 'Rule linting' })}`;
  const tocOf = (toc: string) => LFX_TEMPLATE.replace('## Proposed Project ideas', `## Table of Contents\n\n${toc}\n\n## Proposed Project ideas`) + threeProposals();
  const FULL = '- [Jaeger](#jaeger)\n  - [[UI] Panel rework](#ui-panel-rework)\n  - [Trace sampling](#trace-sampling)\n- [Falco](#falco)\n  - [Rule linting](#rule-linting)';

  it('reads link text holding brackets as an entry: the list goes on after it', () => {
    assert.deepEqual(only(check(tocOf(FULL)), 'toc').map((f) => f.message), []);
  });

  it('reports a listed entry with a broken anchor once, not also as missing', () => {
    const text = tocOf(FULL.replace('#trace-sampling', '#trace-samplin'));
    const found = only(check(text), 'toc');
    assert.deepEqual(found.map((f) => f.message), ['The table of contents links to "#trace-samplin", which no heading has; the heading "Trace sampling" has the anchor "#trace-sampling".']);
  });

  it('keeps a finding on the TOC\'s own lines, even with an unclosed <!-- TOC --> marker', () => {
    const list = FULL.replace('\n- [Falco](#falco)\n  - [Rule linting](#rule-linting)', '');
    const text = LFX_TEMPLATE.replace('## Proposed Project ideas', `<!-- TOC -->\n${list}\n\n## Proposed Project ideas`) + threeProposals();
    const lines = text.split('\n');
    const [f] = only(check(text), 'toc');
    assert.match(f.message, /does not list "Falco", "Rule linting"/);
    assert.equal(lines[f.range.start.line], '- [Jaeger](#jaeger)');
    assert.equal(lines[f.range.end.line], '  - [Trace sampling](#trace-sampling)');
    // The same with a closing marker far below: the finding stays on the list.
    const closedLate = text.replace('<!-- TOC -->', '<!-- TOC -->') + '\n<!-- /TOC -->\n';
    const [g] = only(check(closedLate), 'toc');
    assert.equal(g.range.end.line, f.range.end.line);
  });

  it('is information in a README the upstream generates, a warning elsewhere', () => {
    const text = tocOf(FULL.replace('#trace-sampling', '#trace-samplin'));
    const generated = only(check(text, { path: '/ws/programs/lfx-mentorship/2026/03-Sep-Nov/README.md' }), 'toc');
    assert.deepEqual(generated.map((f) => f.severity), ['information']);
    assert.deepEqual(only(check(text, { path: '/ws/programs/lfx-mentorship/2026/02-Jun-Aug/README.md' }), 'toc').map((f) => f.severity), ['warning']);
  });
});
