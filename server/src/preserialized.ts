// Responses whose JSON text is known before they are sent. The outline of a 170 KB file is about
// 240 KB of JSON; serialising and encoding it whole on each request cost more than everything else
// the request does. Its pieces are serialised and UTF-8 encoded once per project while the project
// is unchanged (features/documentSymbols.ts; diagnostics likewise per finding), and the message is
// written by copying them.
import { StreamMessageWriter, type ContentTypeEncoder, type Message } from 'vscode-languageserver/node';

/** JSON text as UTF-8 pieces: their concatenation is the text. */
export type JsonPieces = readonly Buffer[];

const known = new WeakMap<object, JsonPieces>();
const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/** One value's JSON text, UTF-8 encoded. */
export function jsonPiece(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** The JSON array of values whose JSON texts are `items`. */
export function jsonArray(items: readonly Buffer[]): JsonPieces {
  const out: Buffer[] = [OPEN];
  items.forEach((item, i) => (i ? out.push(COMMA, item) : out.push(item)));
  out.push(CLOSE);
  return out;
}

/** The text of some pieces (tests). */
export function jsonText(pieces: JsonPieces): string {
  return Buffer.concat(pieces).toString('utf8');
}

/** Marks `value` (a handler's result) as serialising to `json`, which must be `JSON.stringify(value)`. */
export function withJson<T extends object>(value: T, json: JsonPieces): T {
  known.set(value, json);
  return value;
}

/** The JSON text `value` was marked with, if any. */
export function jsonOf(value: object): JsonPieces | undefined {
  return known.get(value);
}

/** The message as UTF-8 JSON: JSON.stringify, except that a result marked with `withJson` is copied from its pieces. */
export function encodeMessage(message: Message): Buffer {
  const response = message as { id?: unknown; result?: unknown };
  const json = response.result !== null && typeof response.result === 'object' ? known.get(response.result) : undefined;
  if (json === undefined) return Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.from(`{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(response.id ?? null)},"result":`, 'utf8');
  return Buffer.concat([head, ...json, Buffer.from('}')]);
}

// The writer below is made with charset utf-8: the encoder writes UTF-8 only.
const encoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => Promise.resolve(encodeMessage(message)),
};

/** The stdio writer of the connection (or a writer on another stream: in-process tests), with the encoder above. */
export function stdoutWriter(stream: NodeJS.WritableStream = process.stdout): StreamMessageWriter {
  return new StreamMessageWriter(stream, { charset: 'utf-8', contentTypeEncoder: encoder });
}
