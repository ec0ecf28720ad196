/** Ranges of a Markdown string that lint rules must not look into: code spans, URLs. */

export type Range = readonly [start: number, end: number];

/** Inline code spans (`` `a ? b` ``, ``` ``a ` b`` ```): a backtick run closed by a run of the same length. */
export function codeSpans(text: string): Range[] {
  const ranges: Range[] = [];
  const runs = [...text.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const close = runs.slice(i + 1).findIndex((r) => r[0].length === open[0].length);
    if (close === -1) continue;
    const end = runs[i + 1 + close]!;
    ranges.push([open.index, end.index + end[0].length]);
    i += close + 1;
  }
  return ranges;
}

/**
 * An absolute URL, found at its `://` and its scheme read backwards (a lookbehind; the longest
 * scheme, as a forward search would find): searched forwards, every letter of a long `a.a.a.…`
 * would start a scheme read to its end.
 */
const SCHEME_URL = /(?=:\/\/)(?<=\b(?<scheme>[a-z][a-z0-9+.-]*)):\/\/[^\s<>"]*/gi;
/** A Markdown link destination `](…)`, optionally with a title, tried once per run (see `linkDestinations`). */
const DESTINATION = /\]\([^)\s]*(?:\s+"[^"]*")?\)/y;

/** Absolute URLs (`https://a.b/c?x=1`), `mailto:`, `www.` links and Markdown link destinations `](…)`. */
export function urls(text: string): Range[] {
  const schemes = [...text.matchAll(SCHEME_URL)].map((m): Range => [m.index - (m.groups?.scheme ?? '').length, m.index + m[0].length]);
  const others = [/\bmailto:[^\s<>"]*/gi, /\bwww\.[^\s<>"]*/gi].flatMap((re) => [...text.matchAll(re)].map((m): Range => [m.index, m.index + m[0].length]));
  return [...schemes, ...others, ...linkDestinations(text)];
}

/**
 * The `](…)` destinations, as a global search would find them, in one pass: a `](` inside the
 * path of a failed attempt (`](](](…` with no `)`) can only fail the same way, so it is not tried.
 */
function linkDestinations(text: string): Range[] {
  const ranges: Range[] = [];
  let skipUntil = 0;
  for (let at = text.indexOf('](', 0); at >= 0; at = text.indexOf('](', at + 1)) {
    if (at < skipUntil) continue;
    DESTINATION.lastIndex = at;
    const match = DESTINATION.exec(text);
    if (match) {
      ranges.push([at, at + match[0].length]);
      skipUntil = at + match[0].length;
    } else {
      skipUntil = pathEnd(text, at + 2);
    }
  }
  return ranges;
}

/** Where the run of characters other than `)` and white space starting at `from` ends. */
function pathEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== ')' && !/\s/.test(text[end]!)) end++;
  return end;
}

export function inside(ranges: readonly Range[], offset: number): boolean {
  return ranges.some(([start, end]) => offset >= start && offset < end);
}
