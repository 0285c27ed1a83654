// Hover cards on the invented two-term workspace: mentors, upstream references, project headings,
// field labels; markdown escaped, no command links, no HTML.
import assert from 'node:assert/strict';
import { hover } from '../../server/src/features/hover';
import { parseIdeas } from '../../server/src/core/parse';
import { termOfPath } from '../../server/src/core/term';
import { FILE_2024, FILE_2025, loadFixture, positionOf, type Loaded } from './knowledgeFixture';
import { escapeMarkdown, safeUrl } from '../../server/src/core/markdown';

describe('hover', () => {
  let w: Loaded;
  before(() => {
    w = loadFixture();
  });
  const at = (file: string, needle: string, offset = 1, occurrence = 0) => {
    const f = w.files.get(file)!;
    const term = w.index.get(f.uri)?.term;
    return hover(f.model, f.uri, term, positionOf(f.text, needle, offset, occurrence), w);
  };

  it('shows a mentor card on the handle: name, profile link, proposals in terms, first and last term', () => {
    const h = at(FILE_2025, '@alice-example', 2);
    assert.ok(h);
    const v = h.contents.value;
    assert.match(v, /\*\*Alice Example\*\*/);
    assert.match(v, /\[@alice\\-example\]\(https:\/\/github\.com\/alice-example\)/);
    assert.match(v, /Address: alice@example\\\.org/);
    assert.match(v, /Mentor of \*\*2 proposals\*\* in \*\*2 terms\*\*/);
    assert.match(v, /First term: LFX 2024 03\\-Sep\\-Nov · last term: LFX 2025 01\\-Mar\\-May/);
    assert.match(v, /\[Trace sampling playground\]\(file:\/\/\/[^)]*2024\/03-Sep-Nov\/project_ideas\.md#L25\)/);
    assert.match(v, /\[Adaptive sampling dashboard\]\(file:[^)]*#L25\)/);
  });

  it('says so when one handle carries several addresses, also when hovering the name', () => {
    const h = at(FILE_2024, 'Bob Sample (@bob-sample, bob@example.net)', 1);
    assert.ok(h);
    assert.match(h.contents.value, /\*\*2 addresses\*\* for this handle: bob\\\.sample@example\\\.com, bob@example\\\.net/);
  });

  it('shows the upstream target and every other proposal pointing at it, this term and earlier', () => {
    const h = at(FILE_2025, 'https://github.com/Widgetry-IO', 10);
    assert.ok(h);
    const v = h.contents.value;
    assert.match(v, /\*\*Widgetry\\-IO\/widgetry\\#101\*\* · issue/);
    assert.match(v, /\(https:\/\/github\.com\/Widgetry-IO\/widgetry\/issues\/101\)/);
    assert.match(v, /Also the target of 1 other proposal this term/);
    assert.match(v, /Widget\\-aware scheduler plugin/);
    assert.match(v, /Target of 1 proposal in earlier terms/);
    assert.match(v, /Trace sampling playground/);
    assert.doesNotMatch(v, /Adaptive sampling dashboard\]/, 'the hovered proposal itself is not listed');
  });

  it('shows the catalogue facts, the quota and earlier terms on a project heading', () => {
    const h = at(FILE_2025, '### Jaeger', 5);
    assert.ok(h);
    const v = h.contents.value;
    assert.match(v, /\*\*Jaeger\*\* · CNCF graduated/);
    assert.match(v, /Homepage: \[/);
    assert.match(v, /Repository: \[/);
    assert.match(v, /1 proposal this term \(LFX 2025 01\\-Mar\\-May\), quota 4\./);
    assert.match(v, /2 proposals in 1 earlier term/);
    const k = at(FILE_2025, '### Kubernetes', 5)!;
    assert.match(k.contents.value, /2 proposals this term .*quota 8\./);
    const unknown = at(FILE_2024, '### Widgetry', 5)!;
    assert.match(unknown.contents.value, /Not in the CNCF project list/);
  });

  it('explains a field label and its rules', () => {
    const h = at(FILE_2025, '- Mentor(s):', 3, 1);
    assert.ok(h);
    assert.match(h.contents.value, /Mentor\\\(s\\\)\*\* — Mentor\\\(s\\\) field/);
    assert.match(h.contents.value, /at most 4/);
    const u = at(FILE_2025, '- Upstream Issue:', 3, 1)!;
    assert.match(u.contents.value, /Each proposal has its own issue/);
    assert.doesNotMatch(u.contents.value, /normalis|scheme|fragment|lowercase/, 'what the field is for, not how URLs are compared');
  });

  it('fits a GSoC file: no LFX quota on the project, no LFX platform on the mentors', () => {
    const path = '/ws/programs/summerofcode/2025.md';
    const text = [
      '# Google Summer of Code 2025', '', '## Proposals', '', '#### Jaeger', '', '##### Span export', '',
      '- Description: Export spans.', '- Expected Outcome: An exporter.', '- Recommended Skills: Go', '- Expected project size: medium (~175 hours)',
      '- Mentor(s):', '  - Mira Quell (@mquell, mira@example.org) - primary', '  - Tobin Vale (@tvale, tobin@example.net)',
      '- Upstream Issue: https://github.com/example-org/jaeger/issues/21', '',
    ].join('\n');
    const model = parseIdeas(text, { path });
    const term = termOfPath(path);
    const project = hover(model, 'file://' + path, term, positionOf(text, '#### Jaeger', 6), w)!;
    assert.match(project.contents.value, /1 proposal this year \(GSoC 2025\)\./);
    assert.doesNotMatch(project.contents.value, /quota/i);
    const mentors = hover(model, 'file://' + path, term, positionOf(text, '- Mentor(s)', 3), w)!;
    assert.doesNotMatch(mentors.contents.value, /LFX/);
    assert.match(mentors.contents.value, /one marked primary/);
  });

  it('answers nothing on plain text', () => {
    assert.equal(at(FILE_2025, 'A dashboard for adaptive', 3), undefined);
  });

  it('never emits HTML, command links or unescaped document text', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('[x](command:workbench.action.quit)'), '\\[x\\]\\(command\\:workbench\\.action\\.quit\\)');
    assert.equal(safeUrl('command:workbench.action.quit'), undefined);
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('https://example.org/a(b)'), 'https://example.org/a%28b%29');
    for (const file of [FILE_2024, FILE_2025]) {
      const f = w.files.get(file)!;
      for (let line = 0; line < f.model.lineCount; line++) {
        for (const character of [0, 3, 6, 10, 20]) {
          const h = hover(f.model, f.uri, w.index.get(f.uri)?.term, { line, character }, w);
          if (!h) continue;
          assert.doesNotMatch(h.contents.value, /<[a-z!/]/i);
          assert.doesNotMatch(h.contents.value, /\]\((?!https?:|file:)/);
        }
      }
    }
  });
});

describe('hover while the workspace is still being indexed', () => {
  it('says so instead of "No proposals in earlier terms", and on mentor and upstream cards', () => {
    const w = loadFixture();
    const f = w.files.get(FILE_2024)!;
    const term = w.index.get(f.uri)?.term;
    const at = (needle: string, offset: number, indexing: boolean) => hover(f.model, f.uri, term, positionOf(f.text, needle, offset), { ...w, indexing })!.contents.value;
    assert.match(at('### Widgetry', 5, false), /No proposals in earlier terms/);
    const busy = at('### Widgetry', 5, true);
    assert.doesNotMatch(busy, /No proposals in earlier terms/);
    assert.match(busy, /still being indexed/);
    assert.match(at('@alice-example', 2, true), /still being indexed/);
    assert.doesNotMatch(at('@alice-example', 2, false), /still being indexed/);
  });
});
