// Safe output: document text shown in hovers and completion documentation is escaped. A proposal
// holding a command link, raw HTML or a remote image must not render as such; no markdown is trusted.
// Each card is rendered with markdown-it (HTML allowed, the most permissive renderer) and the HTML is
// checked for live links, images and tags.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { ProjectCatalog, Quotas } from '../../server/src/core/cncfProjects';
import { KnowledgeIndex } from '../../server/src/core/knowledge';
import type { Pos } from '../../server/src/core/model';
import { parseIdeas } from '../../server/src/core/parse';
import { termOfPath } from '../../server/src/core/term';
import { WorkspaceIndex } from '../../server/src/core/workspaceIndex';
import { completion } from '../../server/src/features/completion';
import { hover, mentorCard, projectCard, upstreamCard } from '../../server/src/features/hover';
import { unsafeMarkdown } from '../../scripts/fuzz';
import { escapeMarkdown } from '../../server/src/core/markdown';

const COMMAND = '[x](command:workbench.action.terminal.new)';
const HTML = '<img src=x onerror=alert(1)>';
const IMAGE = '![](https://evil.example/x.png)';

const HOSTILE_PATH = '/ws/programs/lfx-mentorship/2024/03-Sep-Nov/project_ideas.md';
const HOSTILE = `## Proposed Project ideas

### ${IMAGE} Widgetry ${HTML}

#### Add a dry-run mode ${COMMAND} ${HTML} ${IMAGE}

- Description: ${COMMAND} ${HTML} ${IMAGE}
- Expected Outcome: <script>alert(1)</script>
- Recommended Skills: Go, ${COMMAND}, ${HTML}, ${IMAGE}
- Mentor(s):
  - ${HTML} ${COMMAND} (@evil-mentor, evil@example.invalid)
  - ${IMAGE} Second (@second-mentor, <img src=x onerror=alert(2)>@example.invalid)
- Upstream Issue: https://github.com/acme-invented/widget/issues/1)${HTML}

#### Another ${COMMAND}

- Description: x
- Recommended Skills: ${COMMAND}
- Mentor(s):
  - Plain Name (@evil-mentor, evil@example.invalid)
- Upstream Issue: [issue](command:workbench.action.terminal.new)
`;

const CURRENT_PATH = '/ws/programs/lfx-mentorship/2025/01-Mar-May/project_ideas.md';
const CURRENT = `## Proposed Project ideas

### Widgetry

#### Current proposal

- Description: x
- Recommended Skills: 
- Mentor(s):
  - Plain Name (@evil-mentor, evil@example.invalid)
  - @
- Upstream Issue: https://github.com/acme-invented/widget/issues/1
`;

const md = new MarkdownIt({ html: true, linkify: false });

/** What a renderer would make live: links to commands, images, HTML tags from the document. */
function renderedProblems(markdown: string): string[] {
  const html = md.render(markdown);
  const problems: string[] = [];
  if (/href="command:/i.test(html)) problems.push('command link rendered');
  if (/<img\b/i.test(html)) problems.push('image rendered');
  if (/<script\b|onerror=/i.test(html.replace(/&lt;[^&]*&gt;/g, ''))) problems.push('HTML rendered');
  if (/href="(?!https?:|file:)/i.test(html)) problems.push(`link with another scheme: ${html.match(/href="[^"]*"/)![0]}`);
  const unsafe = unsafeMarkdown(markdown);
  if (unsafe) problems.push(`markdown: ${unsafe}`);
  return problems;
}

describe('safe output: hostile document text in hovers and completion', function () {
  this.timeout(60_000);

  const index = new WorkspaceIndex();
  const catalog = ProjectCatalog.snapshot();
  const knowledge = KnowledgeIndex.attach(index, () => catalog);
  const hostileModel = parseIdeas(HOSTILE, { path: HOSTILE_PATH });
  const currentModel = parseIdeas(CURRENT, { path: CURRENT_PATH });
  index.set('file:///ws/hostile.md', HOSTILE_PATH, hostileModel);
  index.set('file:///ws/current.md', CURRENT_PATH, currentModel);
  const deps = { knowledge, catalog, quotas: Quotas.defaults() };

  function everyHover(text: string, model: typeof hostileModel, uri: string, path: string): string[] {
    const cards: string[] = [];
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character += 3) {
        const pos: Pos = { line, character };
        const result = hover(model, uri, termOfPath(path), pos, deps);
        if (result) {
          assert.equal((result.contents as { isTrusted?: boolean }).isTrusted, undefined, 'never trusted');
          cards.push(result.contents.value);
        }
      }
    }
    return [...new Set(cards)];
  }

  it('the hostile file is read as intended (the test exercises real cards)', () => {
    const proposal = hostileModel.projects[0]?.proposals[0];
    assert.ok(proposal, 'a proposal');
    assert.ok(proposal.mentors.some((m) => m.handle === 'evil-mentor'));
  });

  it('hovers over the hostile file render no command link, image or HTML', () => {
    const cards = everyHover(HOSTILE, hostileModel, 'file:///ws/hostile.md', HOSTILE_PATH);
    assert.ok(cards.length >= 4, `${cards.length} distinct cards`);
    for (const card of cards) assert.deepEqual(renderedProblems(card), [], card);
  });

  it('hovers in another file that list the hostile proposals render nothing live', () => {
    const cards = everyHover(CURRENT, currentModel, 'file:///ws/current.md', CURRENT_PATH);
    const mentorCard = cards.find((c) => c.includes('evil') && c.includes('dry'));
    assert.ok(mentorCard, `the mentor card lists the hostile proposal: ${cards.join('\n---\n')}`);
    for (const card of cards) assert.deepEqual(renderedProblems(card), [], card);
  });

  it('completion documentation and labels from hostile text render nothing live', () => {
    const lines = CURRENT.split('\n');
    const docs: string[] = [];
    let items = 0;
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character++) {
        const list = completion(currentModel, { line, character }, lines[line], deps, line ? lines[line - 1] : '');
        for (const item of list.items) {
          items++;
          const doc = item.documentation;
          if (doc && typeof doc === 'object') {
            assert.equal((doc as { isTrusted?: boolean }).isTrusted, undefined);
            docs.push(doc.value);
          }
        }
      }
    }
    assert.ok(items > 0 && docs.length > 0, 'completion offered documented items');
    for (const doc of new Set(docs)) assert.deepEqual(renderedProblems(doc), [], doc);
  });

  it('cards built from hostile names, titles, terms and URLs render nothing live', () => {
    const evil = `${COMMAND} ${HTML} ${IMAGE} <https://evil.example> javascript:alert(1)`;
    const term = { id: '2024/x', label: evil, year: 2024, program: 'lfx' as const };
    const ref = { uri: `file:///ws/${encodeURIComponent(evil)}.md`, term, project: evil, subproject: evil, title: evil, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const record = knowledge.mentor('evil-mentor')!;
    const cards = [
      mentorCard({ name: evil, handle: 'evil-mentor', email: `${HTML}@example.invalid` }, record),
      mentorCard({ name: evil, handle: `${COMMAND}`, email: evil }, undefined),
      upstreamCard({ url: `command:workbench.action.terminal.new`, raw: evil, kind: 'other', range: ref.range }, [ref], term),
      upstreamCard({ url: `https://evil.example/x.png)${HTML}`, raw: evil, owner: evil, repo: evil, number: 1, kind: 'issue', range: ref.range }, [ref, ref], undefined),
      upstreamCard({ url: `javascript:alert(1)`, raw: evil, kind: 'other', range: ref.range }, [], term),
      projectCard(evil, 9, { name: evil, slug: evil, maturity: evil, homepage: `javascript:alert(1)`, repository: `https://evil.example/${HTML}` }, 4, [{ term, count: 2 }], term, evil),
    ];
    for (const card of cards) {
      assert.match(card, /onerror|command|javascript|evil/, 'the hostile text reaches the card');
      assert.deepEqual(renderedProblems(card), [], card);
    }
  });

  it('escapeMarkdown neutralises links, images, HTML and autolinks', () => {
    for (const text of [COMMAND, HTML, IMAGE, '<https://evil.example>', '<script>alert(1)</script>', '[a]: command:x', '`code`', '&lt;img&gt;']) {
      const escaped = escapeMarkdown(text);
      assert.deepEqual(renderedProblems(escaped), [], escaped);
      assert.doesNotMatch(md.render(escaped), /<a |<img|<script/);
    }
  });
});
