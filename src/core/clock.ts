/**
 * The only place that reads the time. With `SOURCE_DATE_EPOCH` (seconds since 1970, as in
 * reproducible-builds.org) every date a build shows or embeds comes from it, so identical inputs
 * give identical bytes.
 */
import { UsageError } from './errors.js';

/** The build's "now": `SOURCE_DATE_EPOCH` when set, else the system clock. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return new Date();
  if (!/^\d{1,12}$/.test(raw.trim())) {
    throw new UsageError(
      `Invalid SOURCE_DATE_EPOCH "${raw}". Use a whole number of seconds since 1970-01-01 UTC, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct).`,
    );
  }
  return new Date(Number(raw.trim()) * 1000);
}

/**
 * The real time, for the build's own bookkeeping (when a lock was taken, progress) — never
 * written into an output, so `SOURCE_DATE_EPOCH` does not apply.
 */
export function wallClock(): Date {
  return new Date();
}

/** ISO calendar date (UTC) of `time`: `2026-11-26`. */
export function isoDate(time: Date): string {
  return time.toISOString().slice(0, 10);
}
