// Responses whose JSON text is known before they are sent. The outline of a 170 KB file is about
// 230 KB of JSON; serialising it whole on each request cost more than everything else the request
// does. Its pieces are serialised once per project while the project is unchanged
// (features/documentSymbols.ts) and the message is written from them.
import { StreamMessageWriter, type ContentTypeEncoder, type Message } from 'vscode-languageserver/node';

const known = new WeakMap<object, string>();

/** Marks `value` (a handler's result) as serialising to `json`, which must be `JSON.stringify(value)`. */
export function withJson<T extends object>(value: T, json: string): T {
  known.set(value, json);
  return value;
}

/** The JSON text `value` was marked with, if any. */
export function jsonOf(value: object): string | undefined {
  return known.get(value);
}

/** JSON.stringify, except that a response whose result was marked with `withJson` uses that text. */
export function encodeMessage(message: Message): string {
  const response = message as { id?: unknown; result?: unknown };
  const json = response.result !== null && typeof response.result === 'object' ? known.get(response.result) : undefined;
  if (json === undefined) return JSON.stringify(message);
  return `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"id":${JSON.stringify(response.id ?? null)},"result":${json}}`;
}

const encoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message, options) => Promise.resolve(Buffer.from(encodeMessage(message), (options.charset ?? 'utf-8') as BufferEncoding)),
};

/** The stdio writer of the connection, with the encoder above. */
export function stdoutWriter(): StreamMessageWriter {
  return new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: encoder });
}
