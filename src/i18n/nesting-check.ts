/**
 * Bounds on `$t(…)` nesting in interface strings (common.json), checked when the file is read so
 * that build, serve and check are all covered: i18next 26 expands `$t(key)` recursively with no
 * depth limit and only catches a key nesting itself directly, so `a: "$t(b) $t(b)"`,
 * `b: "$t(c) $t(c)"`… doubles at each level (a 2 KB file rendered a 73 MB page) and a loop
 * through two keys never ends. The expanded length of each string is computed from the file
 * (lengths only, memoised: linear in the number of references); a string over a bound is an
 * error at its value and is left out of the resources, so nothing can expand it.
 */
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { Limits } from '../core/defaults.js';
import type { Place } from '../core/types.js';

/** One string of the file, as locale-file.ts reads it (its `LocaleEntry`). */
interface LocaleEntry {
  key: string;
  value: string;
  place: Place;
}

/** `$t(key)` or `$t(key, {options})`, with i18next's default prefix and separator. */
const NESTING = /\$t\(([^,)]*)/g;

interface Expansion {
  chars: number;
  depth: number;
}

/** Diagnostics for each entry whose `$t(…)` nesting goes over the limits; their keys in `rejected`. */
export function checkNesting(
  entries: readonly LocaleEntry[],
  file: string,
  limits: Pick<Limits, 'nestingCalls' | 'expandedChars'>,
): { diagnostics: Diagnostic[]; rejected: Set<string> } {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const done = new Map<string, Expansion | { cycle: string }>();
  const diagnostics: Diagnostic[] = [];
  const rejected = new Set<string>();
  for (const entry of entries) {
    if (!entry.value.includes('$t(')) continue;
    const result = expand(entry.key, byKey, done);
    const params =
      'cycle' in result
        ? ({ key: entry.key, problem: 'cycle', through: result.cycle } as const)
        : result.depth > limits.nestingCalls
          ? ({ key: entry.key, problem: 'depth', limit: limits.nestingCalls } as const)
          : result.chars > limits.expandedChars
            ? ({ key: entry.key, problem: 'length', chars: result.chars, limit: limits.expandedChars } as const)
            : undefined;
    if (params) {
      diagnostics.push(ruleDiagnostic('briefing:nesting-limit', file, params, entry.place));
      rejected.add(entry.key);
    }
  }
  return { diagnostics, rejected };
}

/**
 * Expanded length and depth of `key`, by an explicit stack (a chain may be long): each key is
 * finished once its references are. A reference to an unknown key counts as its own text.
 */
function expand(start: string, byKey: ReadonlyMap<string, LocaleEntry>, done: Map<string, Expansion | { cycle: string }>): Expansion | { cycle: string } {
  const onPath = new Set<string>();
  const stack: { key: string; refs: string[] }[] = [];
  const push = (key: string) => {
    onPath.add(key);
    stack.push({ key, refs: [...(byKey.get(key)?.value ?? '').matchAll(NESTING)].map((m) => (m[1] ?? '').trim()) });
  };
  push(start);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const pending = top.refs.find((ref) => byKey.has(ref) && !done.has(ref));
    if (pending !== undefined) {
      if (onPath.has(pending)) {
        for (const frame of stack) done.set(frame.key, { cycle: pending });
        return { cycle: pending };
      }
      push(pending);
      continue;
    }
    const own = byKey.get(top.key)?.value.length ?? top.key.length;
    let chars = own;
    let depth = 0;
    let cycle: string | undefined;
    for (const ref of top.refs) {
      const sub = done.get(ref);
      if (sub === undefined) chars += ref.length;
      else if ('cycle' in sub) cycle = sub.cycle;
      else {
        chars += sub.chars;
        depth = Math.max(depth, sub.depth + 1);
      }
    }
    if (depth === 0 && top.refs.length > 0) depth = 1;
    // Capped so that a doubling chain stays a finite, printable number.
    done.set(top.key, cycle ? { cycle } : { chars: Math.min(chars, 1e15), depth });
    onPath.delete(top.key);
    stack.pop();
  }
  return done.get(start)!;
}
