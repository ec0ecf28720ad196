/**
 * Near twins among locale keys: `sections.le-contxte.1` for `sections.le-contexte.1`, `haeding`
 * for `heading` — a key typed or renamed by hand. Used for "did you mean" and by `extract`, which
 * carries a twin's translation over instead of moving it aside.
 */
import { distance } from 'fastest-levenshtein';

/** Most edits of the one differing key segment, `length` characters long, for two keys to count as twins. */
function maxEdits(length: number): number {
  return Math.max(2, Math.min(4, Math.floor(length / 8)));
}

/**
 * Whether `a` and `b` are near twins: same depth, exactly one segment differs, by a few edits,
 * and not only in digits (`lead.1` and `lead.2` are two paragraphs, not a typo).
 */
function nearTwins(a: string, b: string): boolean {
  if (a === b) return false;
  const left = a.split('.');
  const right = b.split('.');
  if (left.length !== right.length) return false;
  const differing = left.flatMap((segment, i) => (segment === right[i] ? [] : [[segment, right[i]!] as const]));
  if (differing.length !== 1) return false;
  const [x, y] = differing[0]!;
  if (/^\d+$/.test(x) || /^\d+$/.test(y)) return false;
  return distance(x, y) <= maxEdits(Math.max(x.length, y.length));
}

/** The closest near twin of `key` among `candidates` (by edit distance, then order), if any. */
export function nearestTwin(key: string, candidates: Iterable<string>): string | undefined {
  let best: { key: string; edits: number } | undefined;
  for (const candidate of candidates) {
    if (!nearTwins(key, candidate)) continue;
    const edits = distance(key, candidate);
    if (!best || edits < best.edits) best = { key: candidate, edits };
  }
  return best?.key;
}
