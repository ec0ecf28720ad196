/**
 * `Intl` formatters built once per locale and options for the process: constructing one loads
 * and resolves ICU data (tens of microseconds each, and every figure, date and byline of every
 * edition asked for a new one). Formatters are immutable, so sharing them changes no output.
 */

/** Formatters kept at most, all kinds together: the keys come from code, but a currency or unit may come from an article. */
const MAX_ENTRIES = 256;
const cache = new Map<string, unknown>();

function memo<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const made = make();
  cache.set(key, made);
  return made;
}

/** `new Intl.NumberFormat(locale, options)`, shared. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return memo('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** `new Intl.DateTimeFormat(locale, options)`, shared. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return memo('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** `new Intl.ListFormat(locale, options)`, shared. */
export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return memo('list', locale, options, () => new Intl.ListFormat(locale, options));
}
