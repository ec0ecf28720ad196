/**
 * Markdown strings parsed once per process: one unit's string is parsed by the article parser,
 * the translation checks, the link warnings and localize, each of which used to run micromark on
 * it again (173 parses of 54 distinct strings for the seed's French edition). Parsing is a pure
 * function of the string and the nesting limit, so a parse is kept by both and each caller gets
 * its own deep copy: callers move positions and edit nodes, and a copy costs a small fraction of
 * a parse. Bounded by entries and by the characters of the strings kept (least recently used
 * dropped first); a string longer than `MAX_TEXT` is never kept (a whole document: parsed once).
 */

const MAX_ENTRIES = 4096;
const MAX_TEXT = 8192;
const MAX_CHARS = 1 << 20;

const kept = new Map<string, unknown>();
let chars = 0;

/**
 * `parse(text)`, from the memo when `text` was parsed the same way (`kind`, with the nesting
 * limit in it) before; always a fresh copy, which the caller may change.
 */
export function memoParse<T>(kind: string, text: string, parse: (text: string) => T): T {
  if (text.length > MAX_TEXT) return parse(text);
  const key = `${kind}\u0000${text}`;
  const hit = kept.get(key);
  if (hit !== undefined) {
    kept.delete(key);
    kept.set(key, hit);
    return copy(hit) as T;
  }
  const tree = parse(text);
  kept.set(key, copy(tree));
  chars += key.length;
  for (const [oldest] of kept) {
    if (kept.size <= MAX_ENTRIES && chars <= MAX_CHARS) break;
    kept.delete(oldest);
    chars -= oldest.length;
  }
  return tree;
}

/** Drops every tree kept: timings of the algorithms themselves (tests/linear-time.test.ts) must not be flattered by it. */
export function forgetParses(): void {
  kept.clear();
  chars = 0;
}

/** Entries kept now (for tests of the bound). */
export function memoSize(): number {
  return kept.size;
}

/** A deep copy of a tree of plain objects and arrays (what mdast-util-from-markdown makes), keys in order. */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}
