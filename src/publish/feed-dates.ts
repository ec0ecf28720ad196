/**
 * The dates of a feed entry. `updated`: the front matter `updated` day when the article gives
 * one, else when the edition's content last changed (remembered in the manifest), else — for a
 * manifest written before content times were remembered — when its files were last built.
 * `published`: the front matter `date` day, when given.
 */
import type { Edition } from './catalogue.js';
import type { EditionEntry } from './manifest.js';

/** RFC 3339 date-times of an entry; `published` absent when the article gives no date. */
export function feedEntryDates(edition: Edition, record: EditionEntry | undefined): { updated: string; published?: string } {
  const built = edition.outputs
    .map((o) => o.builtAt)
    .sort()
    .at(-1)!;
  const updated = record?.updated !== undefined ? dayStart(record.updated) : (record?.changedAt ?? built);
  return { updated, ...(record?.published !== undefined ? { published: dayStart(record.published) } : {}) };
}

/** Midnight UTC of a `YYYY-MM-DD` day, as the date-time Atom requires. */
function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`;
}
