// The LSP-free layers stay LSP-free: core/, rules/ (and drafts/ once it exists) import nothing
// from vscode-languageserver (any subpath, types included) or vscode.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SERVER_SRC = path.resolve(__dirname, '../../server/src');
const LSP_FREE = ['core', 'rules', 'drafts'].map((f) => path.join(SERVER_SRC, f)).filter((f) => fs.existsSync(f));
/** A module specifier naming the editor or the protocol library. */
const FORBIDDEN = /^(?:vscode|vscode-languageserver(?:-[a-z-]+)?)(?:\/.*)?$/;
/** import/export ... from '…', import '…', import('…'), require('…'). */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:ts|mts|cts|js|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

export function forbiddenImports(source: string): string[] {
  return [...source.matchAll(SPECIFIERS)].map((m) => m[2]).filter((s) => FORBIDDEN.test(s));
}

describe('layering', () => {
  it('recognises the forbidden imports in every form', () => {
    const sample = [
      "import { Range } from 'vscode-languageserver';",
      "import type { Position } from 'vscode-languageserver/node';",
      "import { TextDocument } from \"vscode-languageserver-textdocument\";",
      "export * from 'vscode-languageserver-protocol';",
      "import * as vscode from 'vscode';",
      "const x = require('vscode-languageserver/node');",
      "const y = await import('vscode');",
      "import 'vscode-languageserver';",
      "import { parse } from './vscode';",
      "import { visit } from 'unist-util-visit';",
    ].join('\n');
    assert.deepEqual(forbiddenImports(sample), [
      'vscode-languageserver',
      'vscode-languageserver/node',
      'vscode-languageserver-textdocument',
      'vscode-languageserver-protocol',
      'vscode',
      'vscode-languageserver/node',
      'vscode',
      'vscode-languageserver',
    ]);
  });

  it('core/, rules/ and drafts/ import nothing from vscode-languageserver or vscode', () => {
    assert.ok(LSP_FREE.length >= 2, 'server/src/core and server/src/rules exist');
    const offenders: string[] = [];
    for (const folder of LSP_FREE) {
      for (const file of sourceFiles(folder)) {
        for (const spec of forbiddenImports(fs.readFileSync(file, 'utf8'))) offenders.push(`${path.relative(SERVER_SRC, file)}: ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
