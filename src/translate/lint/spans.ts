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

/** Absolute URLs (`https://a.b/c?x=1`), `mailto:`, `www.` links and Markdown link destinations `](…)`. */
export function urls(text: string): Range[] {
  const patterns = [/\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"]*/gi, /\bmailto:[^\s<>"]*/gi, /\bwww\.[^\s<>"]*/gi, /\]\([^)\s]*(?:\s+"[^"]*")?\)/g];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m): Range => [m.index, m.index + m[0].length]));
}

export function inside(ranges: readonly Range[], offset: number): boolean {
  return ranges.some(([start, end]) => offset >= start && offset < end);
}
