// The injection grammar scopes labels, handles, e-mails and issue references on proposal lines,
// and leaves ordinary markdown alone.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => JSON.parse(readFileSync(path.join(root, 'syntaxes/project-ideas.injection.tmLanguage.json'), 'utf8')),
  });
  const grammar = await registry.loadGrammar('project-ideas.injection');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** The text of every token that carries a scope containing `scope`. */
function tokensWith(grammar: IGrammar, line: string, scope: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return tokens.filter((t) => t.scopes.some((s) => s.includes(scope))).map((t) => line.slice(t.startIndex, t.endIndex));
}

describe('injection grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('scopes field labels in every bullet and bold form', () => {
    assert.deepEqual(tokensWith(grammar, '- Description: a thing', 'field-label'), ['Description']);
    assert.deepEqual(tokensWith(grammar, '* **Recommended Skills**: Go', 'field-label'), ['Recommended Skills']);
    assert.deepEqual(tokensWith(grammar, '- Upstream Issue (URL): x', 'field-label'), ['Upstream Issue (URL)']);
    assert.deepEqual(tokensWith(grammar, 'Expected Outcome：done', 'field-label'), ['Expected Outcome']);
  });

  it('scopes handles and e-mails of a mentor entry', () => {
    const line = '  - Alice Example (@alice-example, alice@example.org)';
    assert.deepEqual(tokensWith(grammar, line, 'handle'), ['@alice-example']);
    assert.deepEqual(tokensWith(grammar, line, 'email'), ['alice@example.org']);
  });

  it('scopes handles and e-mails on a Mentor(s) label line', () => {
    const line = '- Mentor(s): Bob Sample @bob-sample, bob@example.net';
    assert.deepEqual(tokensWith(grammar, line, 'handle'), ['@bob-sample']);
    assert.deepEqual(tokensWith(grammar, line, 'email'), ['bob@example.net']);
  });

  it('scopes issue URLs and owner/repo#N references on the upstream line', () => {
    const line = '- Upstream Issue: https://github.com/example-org/widget/issues/42 and example-org/widget#7';
    assert.deepEqual(tokensWith(grammar, line, 'link.issue'), ['https://github.com/example-org/widget/issues/42']);
    assert.deepEqual(tokensWith(grammar, line, 'issue-reference'), ['example-org/widget#7']);
  });

  it('leaves ordinary markdown lines alone', () => {
    for (const line of [
      'Write to me at someone@example.org or ping @someone on Slack.',
      'See example-org/widget#7 for details.',
      '- A description of the thing: not a label',
      '# Description',
    ]) {
      const { tokens } = grammar.tokenizeLine(line, INITIAL);
      const scoped = tokens.filter((t) => t.scopes.some((s) => s.endsWith('.project-ideas')));
      assert.deepEqual(scoped, [], `unexpected scopes in: ${line}`);
    }
  });
});
