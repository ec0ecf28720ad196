/**
 * Where a French number may start, for the figure rules that begin with one (key-figures.ts
 * `NUMBER`: "1 000", "2 500 000,75", "1,5", "2019"). Pure: no I/O.
 *
 * A *run* is a maximal stretch of ASCII digit groups joined by single spaces (space, U+00A0,
 * U+202F): "1 000 000". Tried at every digit, a `NUMBER …` pattern rescans the rest of the run
 * from each group, which is quadratic on a long run that is not followed by a unit. But inside a
 * run only one start can succeed: whatever follows the number (`%`, a scale, a currency, `de`)
 * never starts with a digit, so a number must end at the run's last group — a number ending
 * before it is followed by a space and a digit. The one start that reaches that group first
 * (and so is the leftmost possible match) is the first group that may begin a number
 * (`(?<![\p{L}\p{N},.])`), has at most 3 digits and is followed only by groups of exactly 3 —
 * else the last group itself. Trying the pattern there only gives the same matches as trying it
 * everywhere (tests/linear-time.test.ts compares both on generated texts), in one pass.
 */

/** A character before which a number may start: not a letter, a digit, `,` or `.` (NUMBER's lookbehind). */
const MAY_START = /(?<![\p{L}\p{N},.])/uy;
const SPACE = /[ \u00a0\u202f]/;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The offsets, ascending, where a figure pattern starting with a French number is worth trying. */
export function numberRunStarts(text: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    // The groups of one run: [start, end) of each.
    const groups: [number, number][] = [];
    let at = i;
    for (;;) {
      const start = at;
      while (isDigit(text[at])) at++;
      groups.push([start, at]);
      if (!(SPACE.test(text[at] ?? '') && isDigit(text[at + 1]))) break;
      at++;
    }
    starts.push(...runStart(text, groups));
    i = at;
  }
  return starts;
}

/** The one start worth trying in a run (none when even the last group may not begin a number). */
function runStart(text: string, groups: readonly [number, number][]): number[] {
  const last = groups.length - 1;
  // From the end: groups after `tail` all have exactly 3 digits, so any group from `tail` on reaches the last one.
  let tail = last;
  while (tail > 0 && groups[tail]![1] - groups[tail]![0] === 3) tail--;
  for (let k = tail; k <= last; k++) {
    const [start, end] = groups[k]!;
    if (k !== last && end - start > 3) continue; // "2019 100": no number starts at "2019" and goes on
    MAY_START.lastIndex = start;
    if (MAY_START.test(text)) return [start];
  }
  return [];
}
