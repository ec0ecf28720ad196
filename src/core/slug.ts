/** ASCII-folded slugs for section ids: "Un enjeu stratégique pour l’avenir de l’IA" → "un-enjeu-strategique-pour-l-avenir-de-l-ia". */

// Letters that NFKD does not decompose into ASCII + combining marks.
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', đ: 'd', ł: 'l', Ł: 'l' };

/** Lower-case ASCII slug of `text`; `fallback` when nothing is left (e.g. a heading of emoji). */
export function slugify(text: string, fallback = 'section'): string {
  const folded = text
    .replace(/[œŒæÆßøØđłŁ]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // runs of `-` were collapsed just above
  return folded || fallback;
}

/** Makes ids unique in order of appearance: `a`, `a-2`, `a-3`. */
export function uniqueSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
