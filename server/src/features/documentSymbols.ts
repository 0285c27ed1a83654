// Outline: project > proposal > fields, with mentors under Mentor(s).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Field, IdeasModel, Mentor, Project, Proposal } from '../core/model';
import { jsonArray, jsonPiece, type JsonPieces } from '../preserialized';
import { contains } from '../core/span';
import { proposalsUnder } from '../core/walk';

const FIELD_KIND = SymbolKind.Field;

function mentorSymbol(mentor: Mentor): DocumentSymbol {
  return {
    name: mentor.name || (mentor.handle ? `@${mentor.handle}` : mentor.email || mentor.raw || '(mentor)'),
    detail: mentor.handle ? `@${mentor.handle}${mentor.primary ? ' (primary)' : ''}` : mentor.primary ? '(primary)' : '',
    kind: SymbolKind.Constant,
    range: mentor.range,
    selectionRange: mentor.range,
  };
}

function fieldSymbol(field: Field, proposal: Proposal): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: field.label || field.key,
    kind: FIELD_KIND,
    range: field.range,
    selectionRange: field.labelRange,
  };
  if (field.key === 'mentors') {
    const inside = proposal.mentors.filter((m) => contains(field.range, m.range));
    if (inside.length) symbol.children = inside.map(mentorSymbol);
  }
  return symbol;
}

function proposalSymbol(proposal: Proposal): DocumentSymbol {
  const handles = proposal.mentors.filter((m) => m.handle).map((m) => `@${m.handle}`);
  return {
    name: proposal.title || '(untitled proposal)',
    detail: handles.join(', '),
    kind: SymbolKind.Method,
    range: proposal.range,
    selectionRange: proposal.titleRange,
    children: proposal.fields.map((f) => fieldSymbol(f, proposal)),
  };
}

function projectSymbol(project: Project): DocumentSymbol {
  const count = proposalsUnder(project).length;
  return {
    name: project.name || '(unnamed project)',
    detail: `${count} proposal${count === 1 ? '' : 's'}`,
    kind: SymbolKind.Module,
    range: project.range,
    selectionRange: project.titleRange,
    children: [...project.proposals.map(proposalSymbol), ...project.subprojects.map(projectSymbol)].sort(
      (a, b) => a.range.start.line - b.range.start.line,
    ),
  };
}

/** A top-level entry's symbol and its JSON, made once per project object (kept while an edit leaves it alone). */
const built = new WeakMap<Project | Proposal, { symbol: DocumentSymbol; json: Buffer }>();

function entry(item: Project | Proposal, make: (x: never) => DocumentSymbol) {
  let found = built.get(item);
  if (!found) {
    const symbol = make(item as never);
    built.set(item, (found = { symbol, json: jsonPiece(symbol) }));
  }
  return found;
}

/** The outline, top-level entries in document order; also its JSON text, assembled from per-entry pieces. */
export function outline(model: IdeasModel): { symbols: DocumentSymbol[]; json: JsonPieces } {
  const entries = [...model.looseProposals.map((p) => entry(p, proposalSymbol)), ...model.projects.map((p) => entry(p, projectSymbol))].sort(
    (a, b) => a.symbol.range.start.line - b.symbol.range.start.line,
  );
  return { symbols: entries.map((e) => e.symbol), json: jsonArray(entries.map((e) => e.json)) };
}

export function documentSymbols(model: IdeasModel): DocumentSymbol[] {
  return outline(model).symbols;
}
