/**
 * Heading depths of the source → section levels. A heading's level is one more than the level of
 * the nearest heading above it with a smaller source depth, so levels never skip (an article that
 * starts its sections at `###` still gets level-2 sections, `#` sections with a front-matter title
 * work too), and the level stops at {@link DEFAULTS.deepestSectionLevel}: deeper headings stay
 * headings of that level (text, id and translation keys kept).
 */
import type { SectionLevel } from '../core/types.js';
import { DEFAULTS } from '../core/defaults.js';

/** Where one heading sits: its level and the id of the section it belongs to (none at level 2). */
export interface SectionPlace {
  level: SectionLevel;
  parent?: string;
}

/**
 * A function to call with each heading in reading order (its source depth and section id).
 * Its memory is the headings still open, at most six (the Markdown heading depths).
 */
export function sectionNesting(): (depth: number, id: string) => SectionPlace {
  const open: { depth: number; id: string; level: SectionLevel }[] = [];
  return (depth, id) => {
    while ((open.at(-1)?.depth ?? 0) >= depth) open.pop();
    const level = Math.min((open.at(-1)?.level ?? 1) + 1, DEFAULTS.deepestSectionLevel) as SectionLevel;
    const parent = open.findLast((heading) => heading.level < level);
    open.push({ depth, id, level });
    return parent ? { level, parent: parent.id } : { level };
  };
}
