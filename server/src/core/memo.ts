// Memoised pure functions of one string. Rules and parsers see the same titles, names, addresses
// and URLs on every keystroke (unchanged projects keep their very strings); recomputing their
// normalised forms was a measurable part of each diagnostics pull (scripts/bench.ts).

/** Entries kept before the memory is dropped and refilled (bounds memory on endless distinct input). */
const LIMIT = 20_000;

export function memoString<T>(fn: (s: string) => T, limit = LIMIT): (s: string) => T {
  let memo = new Map<string, T>();
  return (s: string) => {
    let value = memo.get(s);
    if (value === undefined && !memo.has(s)) {
      value = fn(s);
      if (memo.size >= limit) memo = new Map();
      memo.set(s, value);
    }
    return value as T;
  };
}
