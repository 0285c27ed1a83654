// Recognised by content (issue 11): a copy of a term README or GSoC file outside its repository path
// (no Template block) is an ideas file by its structure; ordinary markdown never is. Invented text.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FILE_GLOBS, hasProposalStructure, hasTemplateBlock, isIdeasFile } from '../../server/src/core/ideasFiles';
import { parseIdeas } from '../../server/src/core/parse';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'parser', name), 'utf8');
const byContent = (text: string, path = '/home/mira/Downloads/copy.md') => isIdeasFile(path, text, { files: DEFAULT_FILE_GLOBS, detectByContent: true });

const GSOC_COPY = `# Google Summer of Code 2099

<!-- TOC -->
- [Acme Mesh](#acme-mesh)
<!-- /TOC -->

#### Acme Mesh

##### Span sampling at the edge

- Description: Sample spans before they leave the node.
- Expected Outcome: A sampler with tests.
- Recommended Skills: Go
- Expected project size: medium (~175 hours)
- Mentor(s):
  - Mira Quell (@mquell, mira@example.org) - primary
  - Tom Berg (@tberg, tom@example.org)
- Upstream Issue (URL): https://github.com/acme-mesh/mesh/issues/44

##### Trace replay

- Description: Replay stored traces.
- Expected Outcome: A replay command.
- Recommended Skills: Go
- Expected project size: large (~350 hours)
- Mentor(s):
  - Tom Berg (@tberg, tom@example.org) - primary
- Upstream Issue (URL): https://github.com/acme-mesh/mesh/issues/45
`;

const OTHER_README = `# widgetkit

A toolkit for widgets.

## Install

\`\`\`sh
npm install widgetkit
\`\`\`

## Tagged template literal

\`\`\`js
const w = widget\`Description: \${text}\`;
\`\`\`

## Options

- Description: the widget's text (string).
- Mentors: not applicable.
- Issue: report bugs on the tracker.

## Maintainers

- Mira Quell (@mquell)
- Tom Berg (@tberg)

## Contributing

See the [issues](https://github.com/example/widgetkit/issues).
`;

const CHANGELOG = `# Changelog

## 2.1.0

### Added

- Description field in the widget schema.
- Mentor(s) list on the about page (thanks @mquell).

### Fixed

- Issue: the upstream URL was dropped (#42).
`;

describe('recognised by content', () => {
  it('takes a copy of a generated term README (no Template block) for an ideas file, with all its proposals', () => {
    const text = fixture('readme-generated.md');
    assert.equal(hasTemplateBlock(text), false);
    assert.equal(byContent(text), true);
    const model = parseIdeas(text, { path: '/home/mira/Downloads/copy.md' });
    assert.equal(model.projects[0].proposals.length, 2);
    assert.equal(model.kind, 'term-readme');
    const noTimeline = text.replace(/## Timeline\n\n- Mentee applications open: Jul 1\n\n/, '');
    assert.notEqual(noTimeline, text);
    assert.equal(parseIdeas(noTimeline, { path: '/home/mira/Downloads/copy.md' }).kind, 'term-readme', 'the generated form says so without a Timeline');
  });

  it('takes a copy of a GSoC file (no Template block) for a GSoC ideas file', () => {
    assert.equal(byContent(GSOC_COPY), true);
    assert.equal(parseIdeas(GSOC_COPY, { path: '/tmp/gsoc-copy.md' }).kind, 'gsoc');
  });

  it('takes a body whose fields are all in blockquotes for an ideas file', () => {
    assert.equal(hasProposalStructure(fixture('readme-quoted.md')), true);
  });

  it('takes no ordinary README, CHANGELOG or template-literal section for an ideas file', () => {
    for (const [name, text] of [['README.md', OTHER_README], ['CHANGELOG.md', CHANGELOG]]) {
      assert.equal(hasTemplateBlock(text), false, name);
      assert.equal(hasProposalStructure(text), false, name);
      assert.equal(byContent(text, `/work/widgetkit/${name}`), false, name);
    }
  });

  it('takes no fenced example of an entry for one, and honours detectByContent', () => {
    const fenced = '# Guide\n\n```md\n### Acme\n\n#### Idea\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Mira Quell (@mquell, mira@example.org)\n```\n';
    assert.equal(byContent(fenced), false);
    assert.equal(isIdeasFile('/tmp/copy.md', GSOC_COPY, { files: DEFAULT_FILE_GLOBS, detectByContent: false }), false);
    assert.equal(isIdeasFile('/tmp/copy.txt', GSOC_COPY, { files: DEFAULT_FILE_GLOBS, detectByContent: true }), false);
  });

  it('keeps an LFX README with one sized proposal an LFX file', () => {
    const text = fixture('readme-generated.md').replace('- Technologies: Go\n', '- Technologies: Go\n- Expected project size: small\n');
    assert.equal(parseIdeas(text, { path: '/tmp/copy.md' }).kind, 'term-readme');
  });
});
