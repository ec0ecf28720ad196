/**
 * The table of contents shows two levels: sections, and under each its subsections. Deeper
 * headings (level 4) are left out of it; they still have their anchors and PDF bookmarks.
 */

/** A TOC entry with the subsections listed under it. */
export type TocItem<T> = T & { children: T[] };

/**
 * Nests depth-3 entries under the depth-2 entry before them and drops deeper ones. A depth-3
 * entry with no section before it (a template of its own may write one) stays at the top.
 */
export function tocLevels<T extends { depth: number }>(entries: readonly T[]): TocItem<T>[] {
  const top: TocItem<T>[] = [];
  for (const entry of entries) {
    const parent = top.at(-1);
    if (entry.depth <= 2 || (entry.depth === 3 && !parent)) top.push({ ...entry, children: [] });
    else if (entry.depth === 3 && parent) parent.children.push(entry);
  }
  return top;
}
