/**
 * Readers of the front-matter values that decide whether and when an article is published:
 * `embargo:` (an instant) and `briefing: { min-coverage: N }` (its translations' threshold).
 * Same contract as ./front-matter-values.ts: a value, nothing (empty field), or what was expected.
 */
import type { ValueRead } from './front-matter-values.js';

const EMPTY = { empty: true } as const;

/**
 * An ISO 8601 date-time with seconds optional and a zone required (`Z` or `±hh:mm`): without a
 * zone the instant would depend on the machine that builds. Each part starts with a character the
 * part before cannot hold, so the pattern cannot backtrack (tests/regex-safety.test.ts).
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** `embargo: 2026-12-02T09:00:00+01:00` → the instant in UTC (`2026-12-02T08:00:00.000Z`). */
export function readEmbargo(value: unknown): ValueRead<string> {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return EMPTY;
  // A YAML 1.1 timestamp arrives as a Date already resolved to an instant.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { expected: EXPECTED } : { value: value.toISOString() };
  const match = typeof value === 'string' ? INSTANT.exec(value.trim()) : null;
  if (!match) return { expected: EXPECTED };
  const [year, month, day, hours, minutes, seconds] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const valid =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hours < 24 &&
    minutes < 60 &&
    seconds < 60 &&
    Number(match[7] ?? 0) < 24 &&
    Number(match[8] ?? 0) < 60;
  if (!valid) return { expected: 'a date-time that exists (YYYY-MM-DDThh:mm:ss, hours 0–23)' };
  return { value: new Date(String(value).trim()).toISOString() };
}

const EXPECTED = 'a date-time with its offset, such as 2026-12-02T09:00:00+01:00 (or …Z for UTC)';

/** `min-coverage: 50` → 50: a whole percentage from 0 to 100 (a string of digits too, as YAML may quote it). */
export function readMinCoverage(value: unknown): ValueRead<number> {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(number) || number < 0 || number > 100) return { expected: 'a whole percentage from 0 to 100 (min-coverage: 50)' };
  return { value: number };
}
