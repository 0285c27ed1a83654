// The block scan runs remark-parse without inline constructs and takes the text of headings with
// inline syntax from a full parse: every heading must come out as a full remark parse gives it.
import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
import { blocksFromMdast } from '../../server/src/core/parse/headings';
import { LineIndex } from '../../server/src/core/parse/lines';

/** The reference: the full parse (inlines included), headings outside blockquotes, as before. */
function reference(text: string): { level: number; text: string; start: number; end: number; textStart: number; textEnd: number }[] {
  // A BOM is handed to remark as a space (offsets stay put), as the parser does.
  const tree = unified().use(remarkParse).parse(text.replace(/^\ufeff/, ' ')) as Root;
  const out: ReturnType<typeof reference> = [];
  const plain = (node: Nodes, parts: string[]): void => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    else if (node.type === 'image') parts.push(node.alt ?? '');
    else if (node.type === 'break') parts.push(' ');
    else if (node.type !== 'html' && 'children' in node) for (const c of node.children as Nodes[]) plain(c, parts);
  };
  const walk = (node: Nodes, inQuote: boolean): void => {
    if (node.type === 'heading') {
      if (inQuote) return;
      const parts: string[] = [];
      plain(node, parts);
      const first = node.children[0]?.position;
      const last = node.children[node.children.length - 1]?.position;
      out.push({
        level: node.depth,
        text: parts.join('').replace(/\s+/g, ' ').trim(),
        start: node.position!.start.offset!,
        end: node.position!.end.offset!,
        textStart: first ? first.start.offset! : node.position!.end.offset!,
        textEnd: last ? last.end.offset! : node.position!.end.offset!,
      });
      return;
    }
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (const c of node.children as Nodes[]) walk(c, inQuote || node.type === 'blockquote');
    }
  };
  walk(tree, false);
  return out;
}

function check(text: string): void {
  const idx = new LineIndex(text);
  const blocks = blocksFromMdast(idx);
  const expected = reference(text);
  const offset = (p: { line: number; character: number }) => idx.starts[p.line] + p.character;
  const actual = blocks.headings.map((h) => ({
    level: h.level,
    text: h.text,
    start: offset(h.range.start),
    end: offset(h.range.end),
    textStart: offset(h.textRange.start),
    textEnd: offset(h.textRange.end),
  }));
  assert.deepEqual(actual, expected);
  for (const h of blocks.headings) assert.equal(h.title, h.text.replace(/[\s:：]+$/u, '').trim());
}

const TRICKY = [
  '## `kubectl` plugin for *fast* rollouts',
  '### [Linked title](https://example.org/x) and more',
  '### ![logo](x.png) Image title',
  '#### a &amp; b &copy; &#35; &nope;',
  '## <b>bold</b> html and <https://example.org> autolink',
  '## foo\\*bar\\_ \\# escaped',
  '## snake_case_name with __strong__ and _em_',
  '## Unclosed [bracket and `tick and *star',
  '## trailing backslash \\',
  '## closing sequence `code` ##',
  '#### Proposal: [KEP-1234](https://github.com/o/r/issues/1) - *title*:',
  '## [ref link][r] and [collapsed][] and [shortcut]',
  '# Plain heading without syntax',
  '## **Bold** title: ',
];

describe('block scan headings (inline constructs off)', () => {
  it('gives every tricky ATX heading the full parse text and ranges', () => {
    for (const h of TRICKY) check(`${h}\n\nSome text with *emphasis* and a [link](x).\n`);
    check(TRICKY.join('\n\n') + '\n');
  });

  it('resolves reference links in headings against the document definitions', () => {
    check('## [ref link][r] and [shortcut]\n\ntext\n\n[r]: https://example.org/r\n[shortcut]: https://example.org/s\n\n### [not defined][zz]\n');
    check('- [r]: https://example.org/r\n\n## [r] in a heading\n');
  });

  it('handles setext headings, headings in list items and quotes, CRLF and a BOM', () => {
    check('Setext *emphasis*\nsecond `line`  \nthird\\\n===\n\nPlain setext\n---\n');
    check('- ## `code` in a list item\n- item\n  ## *nested* heading\n\n> ## quoted `code`\n');
    check('\ufeff## `first` line\r\n\r\ntext\r\n### [x](y) crlf\r\n');
    check('```\n## `in code`\n```\n## after *code*\n');
    check('<div>\n## *in html*\n\n## after _html_\n');
  });
});
