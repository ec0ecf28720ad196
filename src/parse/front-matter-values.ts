/**
 * Readers of front-matter values as static-site generators write them (Jekyll, Hugo, Eleventy,
 * Quarto, Docusaurus, VuePress): each takes the YAML value (and, for dates, the text the author
 * typed) and returns what the article keeps, nothing for an empty field, or what was expected.
 */

/** What a reader found: a value, nothing (the field is empty: absent, not an error), or a problem. */
export type ValueRead<T> = { value: T } | { empty: true } | { expected: string };

const EMPTY = { empty: true } as const;

/**
 * A calendar date, `YYYY-MM-DD`. Accepts a date, an ISO 8601 date-time with `Z` or an offset, and
 * YAML 1.1 timestamps (`2024-05-01 10:00:00 +02:00`, `2024-05-01t10:00:00.5-5`). The calendar
 * date is the one written, that is the date in the offset given: `2024-05-01T23:30:00-05:00` is
 * 1 May. `typed` is the scalar's source text: a YAML 1.1 document gives a `Date` already moved to
 * UTC, whose day may differ from the one written.
 */
export function readCalendarDate(value: unknown, typed: string | undefined): ValueRead<string> {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return EMPTY;
  const text = value instanceof Date ? typed : typeof value === 'string' ? value : undefined;
  const match = text === undefined ? null : DATE_TIME.exec(text.trim());
  if (!match) return { expected: 'a date as YYYY-MM-DD, or a date-time such as 2024-05-01T10:00:00+02:00' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { expected: 'a date that exists in the calendar (YYYY-MM-DD)' };
  }
  const [hours, minutes, seconds] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if (hours > 24 || minutes > 59 || seconds > 60) return { expected: 'a date-time whose time is a time of day (hh:mm:ss)' };
  return { value: `${match[1]}-${match[2]}-${match[3]}` };
}

/**
 * `YYYY-MM-DD`, then optionally a time (after `T`, `t` or spaces), fractions of a second, and a
 * zone (`Z`, `+02:00`, `+0200`, `-5`) after optional spaces. Each part starts with a character the
 * part before cannot hold, so the pattern cannot backtrack (tests/regex-safety.test.ts).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[Tt]| +)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)? *(?:[Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/** Text on one line: a string, or a number or boolean written bare (`title: 1984`). */
export function readText(value: unknown): ValueRead<string> {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
  if (typeof value !== 'string') return { expected: 'text' };
  const text = value.replace(/\s+/g, ' ').trim();
  return text ? { value: text } : EMPTY;
}

/**
 * People: a name, a list of names, or objects with a `name` (Docusaurus and Quarto write
 * `authors: [{name: …, url: …}]`; Hugo and Jekyll lists of strings). Empty entries are skipped.
 */
export function readPeople(value: unknown): ValueRead<string[]> {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    const name = typeof item === 'object' && item !== null && !(item instanceof Date) && !Array.isArray(item) ? (item as Record<string, unknown>).name : item;
    const read = readText(name);
    if ('expected' in read) return { expected: 'a name, a list of names, or a list of entries with a name (- name: …)' };
    if ('value' in read) names.push(read.value);
  }
  return names.length ? { value: names } : EMPTY;
}
