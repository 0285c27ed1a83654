// mentor-email-consistency: one handle, one address across the term's files.
import * as assert from 'node:assert/strict';
import { BOB, check, cleanFile, GSOC_PATH, GSOC_TEMPLATE, lfxFile, only, proposal } from './helpers';

describe('mentor-email-consistency', () => {
  it('reports a handle with another address in another file of the term', () => {
    const other = lfxFile([{ project: 'Envoy', proposals: [proposal({ title: 'Rate limits', mentors: ['Alice Example (@alice-example, alice@work.example)', BOB] })] }]);
    const found = only(check(cleanFile(), { others: { '/ws/programs/lfx-mentorship/2025/01-Mar-May/README.md': other } }), 'mentor-email-consistency');
    assert.equal(found.length, 1, 'one finding per handle and file, not one per occurrence');
    assert.equal(found[0].severity, 'warning');
    assert.ok(found[0].related!.some((r) => /README\.md$/.test(r.uri)));
  });

  it('is quiet when the addresses agree', () => {
    const other = lfxFile([{ project: 'Envoy', proposals: [proposal({ title: 'Rate limits' })] }]);
    assert.deepEqual(only(check(cleanFile(), { others: { '/ws/programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md': other } }), 'mentor-email-consistency'), []);
  });

  const GSOC_OTHER = '/ws/programs/summerofcode/2025.md';
  const mira = (email: string) => `Mira Quell (@mquell, ${email})`;
  const TOBIN = 'Tobin Vale (@tvale, tobin@example.net)';
  const lfxWith = (...emails: string[]) =>
    lfxFile([{ project: 'Jaeger', proposals: emails.map((e, i) => proposal({ title: `Trace idea ${i + 1}`, mentors: [mira(e), TOBIN] })) }]);

  it('gives one finding per handle and file, on the entry that differs from the most recent address, the others as related', () => {
    const text = lfxWith('mira@old.example', 'mira@old.example', 'mira@new.example');
    const found = only(check(text), 'mentor-email-consistency');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.equal(found[0].range.start.line, text.split('\n').findIndex((l) => l.includes('mira@old.example')));
    assert.match(found[0].message, /@mquell is written with mira@old\.example here but with mira@new\.example elsewhere in this file/);
    assert.equal(found[0].related!.length, 2);
    assert.ok(found[0].related!.some((r) => /most recent/.test(r.message)));
  });

  it('does not compare an LFX address with the GSoC one of the same person', () => {
    const gsoc = GSOC_TEMPLATE + `\n#### Jaeger\n\n${proposal({ title: 'Span storage', level: 5, size: 'medium (~175 hours)', mentors: [`${mira('mira@gsoc.example')} - primary`, TOBIN] })}`;
    assert.deepEqual(only(check(lfxWith('mira@example.org'), { others: { [GSOC_OTHER]: gsoc } }), 'mentor-email-consistency'), []);
  });

  it('does not hold an older term against a later one, but a later term\'s address is shown in an older file', () => {
    const older = '/ws/programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md';
    const later = '/ws/programs/lfx-mentorship/2025/02-Jun-Aug/project_ideas.md';
    assert.deepEqual(only(check(lfxWith('mira@example.org'), { others: { [older]: lfxWith('mira@old.example') } }), 'mentor-email-consistency'), []);
    const [f] = only(check(lfxWith('mira@example.org'), { others: { [later]: lfxWith('mira@new.example') } }), 'mentor-email-consistency');
    assert.equal(f.severity, 'information');
    assert.match(f.message, /but with mira@new\.example in LFX 2025 02-Jun-Aug/);
  });

  it('speaks of the file, not the LFX platform, in a GSoC file', () => {
    const gsoc = GSOC_TEMPLATE + `\n#### Jaeger\n\n${proposal({ title: 'Span storage', level: 5, size: 'medium (~175 hours)', mentors: [`${mira('mira@a.example')} - primary`, TOBIN] })}\n${proposal({ title: 'Span export', level: 5, size: 'medium (~175 hours)', mentors: [`${mira('mira@b.example')} - primary`, TOBIN] })}`;
    const [f] = only(check(gsoc, { path: GSOC_PATH }), 'mentor-email-consistency');
    assert.ok(f, 'the two addresses are reported');
    assert.doesNotMatch(f.message, /LFX/);
  });
});
