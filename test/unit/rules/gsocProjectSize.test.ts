// gsoc-project-size: GSoC proposals state small, medium or large.
import * as assert from 'node:assert/strict';
import { ALICE, applyFirstFix, BOB, check, cleanFile, GSOC_PATH, GSOC_TEMPLATE, only } from './helpers';

describe('gsoc-project-size', () => {
  const gsoc = (size: string | null) =>
    `${GSOC_TEMPLATE}\n#### Jaeger\n\n##### Adaptive sampling\n\n- Description: Build it.\n- Expected Outcome: Done.\n- Recommended Skills: Go\n${size === null ? '' : `- Expected project size: ${size}\n`}- Mentor(s):\n  - ${ALICE} - primary\n  - ${BOB}\n- Upstream Issue: https://github.com/example-org/example/issues/9\n`;

  it('reports a missing or invalid size and inserts the label', () => {
    const [missing] = only(check(gsoc(null), { path: GSOC_PATH }), 'gsoc-project-size');
    assert.match(missing.message, /has no "Expected project size"/);
    assert.ok(applyFirstFix(gsoc(null), missing).includes('- Recommended Skills: Go\n- Expected project size:\n- Mentor(s):'));
    assert.equal(only(check(gsoc('huge'), { path: GSOC_PATH }), 'gsoc-project-size').length, 1);
  });

  it('accepts small, medium and large', () => {
    for (const size of ['small (~90 hours)', 'Medium', '350 h']) assert.deepEqual(only(check(gsoc(size), { path: GSOC_PATH }), 'gsoc-project-size'), [], size);
    assert.deepEqual(only(check(cleanFile()), 'gsoc-project-size'), [], 'not asked of LFX files');
  });

  it('reports a size whose hours contradict it', () => {
    const [f] = only(check(gsoc('small (~350 hour projects)'), { path: GSOC_PATH }), 'gsoc-project-size');
    assert.match(f?.message ?? '', /says small but ~350 hours/);
    for (const size of ['medium (~175 hours)', 'Large (350 hours)', 'small (~90h)']) assert.deepEqual(only(check(gsoc(size), { path: GSOC_PATH }), 'gsoc-project-size'), [], size);
  });
});
