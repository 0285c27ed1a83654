// The outline of a draft: the program's LFX title holding the sections, Mentors holding each mentor.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { draftOutline, type DraftSymbol } from '../../drafts/outline';
import type { DraftModel } from '../../drafts/draft';

const KIND: Record<DraftSymbol['kind'], SymbolKind> = {
  program: SymbolKind.Module,
  section: SymbolKind.Field,
  mentor: SymbolKind.Constant,
};

function toSymbol(symbol: DraftSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toSymbol),
  };
}

const outlines = new WeakMap<DraftModel, DocumentSymbol[]>();

/** Built once per draft model (one per version). */
export function draftSymbols(draft: DraftModel): DocumentSymbol[] {
  let symbols = outlines.get(draft);
  if (!symbols) outlines.set(draft, (symbols = draftOutline(draft).map(toSymbol)));
  return symbols;
}
