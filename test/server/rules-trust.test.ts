// Findings a reviewer agrees with, over the protocol (issue 11), on an invented workspace: a GSoC file
// whose table of contents has an unclosed marker, bracketed link text and a missing entry; an LFX
// README generated from the issue forms; the same mentor in LFX and GSoC with two addresses.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';

const proposal = (title: string, level: number, extra: string[], mentors: string[], upstream: string) =>
  [`${'#'.repeat(level)} ${title}`, '', '- Description: Build it.', '- Expected Outcome: Done.', '- Recommended Skills: Go', ...extra, '- Mentor(s):', ...mentors.map((m) => `  - ${m}`), `- Upstream Issue: ${upstream}`, ''];

const MIRA = 'Mira Quell (@mquell, mira@example.org)';
const TOBIN = 'Tobin Vale (@tvale, tobin@example.net)';

const GSOC = [
  '# Google Summer of Code 2025',
  '',
  '<!-- TOC -->',
  '- [Jaeger](#jaeger)',
  '  - [[UI] Panel rework](#ui-panel-rework)',
  '  - [Span export](#span-export)',
  '',
  '## Proposals',
  '',
  '#### Jaeger',
  '',
  ...proposal('[UI] Panel rework', 5, ['- Expected project size: small (~350 hour projects)'], [`${MIRA} - primary`, 'TODO (@todo, todo@mail)'], 'https://github.com/owner/repo/issues/1'),
  ...proposal('Span export', 5, ['- Expected project size: medium (~175 hours)'], [`Mira Quell (@mquell, mira@gsoc.example) - primary`, TOBIN], 'https://github.com/example-org/jaeger/issues?q=label:gsoc'),
  '#### Falco',
  '',
  ...proposal('Rule linting', 5, ['- Expected project size: large (~350 hours)'], [`${TOBIN} - primary`, MIRA], 'https://github.com/example-org/falco/issues/7'),
].join('\n');

const GENERATED = [
  '# LFX Mentorship 2026 Term 3',
  '',
  '## Table of Contents',
  '',
  '- [Jaeger](#jaeger)',
  '  - [Trace idea 1](#trace-idea-one)',
  ...[2, 3, 4, 5].map((n) => `  - [Trace idea ${n}](#trace-idea-${n})`),
  '',
  '## Projects',
  '',
  '### Jaeger',
  '',
  ...[1, 2, 3, 4, 5].flatMap((n) => [
    ...proposal(`Trace idea ${n}`, 4, [], [MIRA, TOBIN], `https://github.com/example-org/jaeger/issues/${100 + n}`).slice(0, -1),
    `- LFX URL: ${n === 5 ? '' : `https://mentorship.lfx.linuxfoundation.org/project/000${n}`}`,
    '',
  ]),
].join('\n');

describe('server: findings that fit the file (issue 11)', function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: string;
  let gsocUri: string;
  let readmeUri: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rules-trust-'));
    const gsocPath = path.join(dir, 'programs/summerofcode/2025.md');
    const readmePath = path.join(dir, 'programs/lfx-mentorship/2026/03-Sep-Nov/README.md');
    for (const [p, t] of [[gsocPath, GSOC], [readmePath, GENERATED]]) {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, t);
    }
    gsocUri = fileUri(gsocPath);
    readmeUri = fileUri(readmePath);
    client = await LspClient.start({ folders: [dir] });
    client.open(gsocUri, GSOC);
    client.open(readmeUri, GENERATED);
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pull = async (uri: string) => (await client.request<any>('textDocument/diagnostic', { textDocument: { uri } })).items as any[];
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  it('keeps the TOC finding on the TOC\'s lines and offers its fix only there', async () => {
    const items = await pull(gsocUri);
    const toc = items.filter((d) => d.code === 'toc');
    assert.equal(toc.length, 1, JSON.stringify(toc));
    assert.match(toc[0].message, /does not list "Falco", "Rule linting"/);
    assert.deepEqual([toc[0].range.start.line, toc[0].range.end.line], [lineOf(GSOC, '- [Jaeger]'), lineOf(GSOC, '- [Span export]')]);
    // Ctrl+. as the editor asks it: the diagnostics on the cursor's line.
    const actionsOn = async (line: number) => {
      const here = items.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      return (await client.request<any[]>('textDocument/codeAction', { textDocument: { uri: gsocUri }, range, context: { diagnostics: here, only: ['quickfix'] } })).map((a) => a.title);
    };
    assert.ok((await actionsOn(lineOf(GSOC, '- [Span export]'))).includes('Regenerate the table of contents'));
    for (const needle of ['#### Falco', '- Expected project size: large', 'TODO (@todo']) {
      assert.ok(!(await actionsOn(lineOf(GSOC, needle))).includes('Regenerate the table of contents'), needle);
    }
  });

  it('reports the GSoC defects once each, in words that fit a GSoC file', async () => {
    const items = await pull(gsocUri);
    const messages = items.map((d) => `${d.code}: ${d.message}`);
    assert.ok(messages.some((m) => /^gsoc-project-size: .*says small but ~350 hours/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^template-placeholder: The mentor placeholder "TODO \(@todo, todo@mail\)"/.test(m)));
    assert.ok(messages.some((m) => /^template-placeholder: The Upstream Issue is still the placeholder/.test(m)));
    assert.ok(!items.some((d) => /^mentor-(?:email|handle|format)$/.test(d.code) && d.range.start.line === lineOf(GSOC, 'TODO (@todo')), 'the placeholder is not also a mentor finding');
    const search = items.find((d) => d.code === 'upstream-issue');
    assert.equal(search?.severity, 3, 'a filtered issue search is information');
    const consistency = items.filter((d) => d.code === 'mentor-email-consistency');
    assert.equal(consistency.length, 1, 'one finding per handle and file');
    assert.ok(consistency[0].relatedInformation?.length >= 1);
    for (const d of items) assert.doesNotMatch(d.message, /LFX|nbsp|fullwidth|affiliation/, d.message);
  });

  it('does not hold the GSoC address against the LFX one, and eases what a generated README cannot change', async () => {
    // Wait until the workspace index knows the GSoC file (the mentor card lists its term).
    const at = { line: lineOf(GENERATED, '@mquell'), character: GENERATED.split('\n')[lineOf(GENERATED, '@mquell')].indexOf('@mquell') + 2 };
    await client.waitFor(async () => /GSoC 2025/.test((await client.request<any>('textDocument/hover', { textDocument: { uri: readmeUri }, position: at }))?.contents?.value ?? ''));
    const items = await pull(readmeUri);
    const by = (code: string) => items.filter((d) => d.code === code);
    assert.deepEqual(by('mentor-email-consistency'), [], 'mira@gsoc.example is a GSoC address');
    assert.deepEqual(by('toc').map((d) => d.severity), [3], 'a regenerated TOC: information');
    assert.deepEqual(by('quota').map((d) => d.severity), [3], 'accepted proposals: information');
    const emptyLfxUrl = GENERATED.split('\n').findIndex((l) => l === '- LFX URL: ');
    assert.deepEqual(by('lfx-url').map((d) => [d.severity, d.range.start.line]), [[3, emptyLfxUrl]]);
  });

  it('hovers a GSoC project without the LFX quota', async () => {
    const line = lineOf(GSOC, '#### Jaeger');
    const h = await client.request<any>('textDocument/hover', { textDocument: { uri: gsocUri }, position: { line, character: 7 } });
    assert.ok(h, 'a project card');
    assert.doesNotMatch(h.contents.value, /quota/i);
  });
});
