/**
 * Where a missing key belongs in a locale file: after the key before it (in the article's order)
 * when that one is in the same object, else at the opening brace of its object, else after the
 * nearest key before it, else at the brace of its nearest existing ancestor — never a blind 1:1.
 */
import type { Place } from '../core/types.js';
import type { LocaleFile } from '../i18n/locale-file.js';

const parentOf = (key: string) => key.slice(0, Math.max(0, key.lastIndexOf('.')));

/** Places of the keys of `order` that `target` lacks, keyed by key (one pass over `order`). */
export function missingPlaces(order: readonly string[], target: LocaleFile): Map<string, Place> {
  const present = new Map(target.entries.map((entry) => [entry.key, entry.place]));
  const objects = target.objects ?? new Map<string, Place>();
  const places = new Map<string, Place>();
  let previous: { key: string; place: Place } | undefined;
  for (const key of order) {
    const place = present.get(key);
    if (place !== undefined) {
      previous = { key, place };
      continue;
    }
    const parent = parentOf(key);
    places.set(
      key,
      (previous && parentOf(previous.key) === parent ? previous.place : objects.get(parent)) ?? previous?.place ?? ancestorPlace(parent, objects),
    );
  }
  return places;
}

/** The opening brace of the nearest existing ancestor object (the file's start when none). */
function ancestorPlace(key: string, objects: Map<string, Place>): Place {
  let current = key;
  for (;;) {
    const place = objects.get(current);
    if (place) return place;
    if (current === '') return { line: 1, column: 1 };
    current = parentOf(current);
  }
}
