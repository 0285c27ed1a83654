// The document-kind contract (server/src/lsp/documentKind.ts), in process with an invented kind:
// the first kind that recognises a document owns it, its services answer for it, capabilities are
// announced only for services some kind has, and files over maxFileSize get the outline only.
import { strict as assert } from 'node:assert';
import type { DocumentKindService } from '../../server/src/lsp/documentKind';
import { ideasKind } from '../../server/src/lsp/ideasKind';
import { LspClient } from './lspClient';

const calls: string[] = [];

/** Owns `*.note.md` files; every service says who answered. */
const noteKind: DocumentKindService = {
  id: 'note',
  recognises: ({ path }) => path.endsWith('.note.md'),
  outline: ({ document }) => (calls.push('outline'), [{ name: `note v${document.version}`, kind: 15, range: zero(), selectionRange: zero() }]),
  findings: () => (calls.push('findings'), [{ ruleId: 'note/rule', severity: 'warning', message: 'a note finding', range: zero() }]),
  hover: () => (calls.push('hover'), { contents: { kind: 'markdown', value: 'note hover' } }),
  completion: () => (calls.push('completion'), [{ label: 'note item', data: { note: true } }]),
  resolveCompletion: (item) => ((item.data as { note?: boolean })?.note ? { ...item, detail: 'resolved by note' } : undefined),
  codeLenses: () => (calls.push('codeLenses'), [{ range: zero(), command: { title: 'Note lens', command: 'note.run' } }]),
  inlayHints: () => (calls.push('inlayHints'), [{ position: { line: 0, character: 0 }, label: '1/2' }]),
  commands: { 'note.run': (args) => ({ ran: args }) },
};

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

describe('server: document kinds', function () {
  this.timeout(20_000);
  let client: LspClient;
  const note = 'file:///kinds/a.note.md';
  const plain = 'file:///kinds/plain.md';
  const doc = (uri: string) => ({ textDocument: { uri } });
  const at = (uri: string) => ({ ...doc(uri), position: { line: 0, character: 0 } });

  before(async () => {
    client = await LspClient.start({ settings: { maxFileSize: 10_000 }, server: { kinds: [noteKind, ideasKind] } });
  });
  after(async () => {
    await client?.stop();
  });

  it('announces the services some kind has', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['note.run'] });
    assert.ok(capabilities.codeLensProvider);
    assert.ok(capabilities.inlayHintProvider);
  });

  it('dispatches every request to the kind owning the document', async () => {
    client.open(note, '# A note\n');
    assert.equal((await client.request<any[]>('textDocument/documentSymbol', doc(note)))[0].name, 'note v1');
    const report = await client.request<any>('textDocument/diagnostic', doc(note));
    assert.deepEqual(report.items.map((d: any) => [d.code, d.message, d.data]), [['note/rule', 'a note finding', { ruleId: 'note/rule' }]]);
    assert.equal((await client.request<any>('textDocument/hover', at(note))).contents.value, 'note hover');
    const items = await client.request<any[]>('textDocument/completion', at(note));
    assert.equal((await client.request<any>('completionItem/resolve', items[0])).detail, 'resolved by note');
    assert.equal((await client.request<any[]>('textDocument/codeLens', doc(note)))[0].command.title, 'Note lens');
    assert.equal((await client.request<any[]>('textDocument/inlayHint', { ...doc(note), range: zero() }))[0].label, '1/2');
    assert.deepEqual(await client.request('workspace/executeCommand', { command: 'note.run', arguments: [1] }), { ran: [1] });
  });

  it('leaves a document no kind owns alone', async () => {
    client.open(plain, '# Just markdown\n');
    const before = calls.length;
    assert.deepEqual(await client.request('textDocument/documentSymbol', doc(plain)), []);
    assert.deepEqual((await client.request<any>('textDocument/diagnostic', doc(plain))).items, []);
    assert.equal(await client.request('textDocument/hover', at(plain)), null);
    assert.deepEqual(await client.request('textDocument/codeLens', doc(plain)), []);
    assert.equal(calls.length, before, 'no service of the note kind was called');
  });

  it('gives a file over maxFileSize the outline and one file-too-large finding, no other service', async () => {
    const big = 'file:///kinds/big.note.md';
    client.open(big, `# Big\n${'x'.repeat(20_000)}\n`);
    calls.length = 0;
    assert.equal((await client.request<any[]>('textDocument/documentSymbol', doc(big))).length, 1);
    assert.deepEqual((await client.request<any>('textDocument/diagnostic', doc(big))).items.map((d: any) => d.code), ['file-too-large']);
    assert.equal(await client.request('textDocument/hover', at(big)), null);
    assert.equal(await client.request('textDocument/completion', at(big)), null);
    assert.deepEqual(await client.request('textDocument/codeLens', doc(big)), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', { ...doc(big), range: zero() }), []);
    assert.deepEqual(calls, ['outline']);
  });
});
