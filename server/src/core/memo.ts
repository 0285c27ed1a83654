// Memoised pure functions of one string (or one object). Rules and parsers see the same titles,
// names, addresses and URLs on every keystroke (unchanged projects keep their very strings);
// recomputing their normalised forms was a measurable part of each diagnostics pull (scripts/bench.ts).

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

/** A pure function of an object, computed once per object: for published models, which never change (model.ts). */
export function memoObject<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key: K) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = fn(key)));
    return value;
  };
}
