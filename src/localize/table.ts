/**
 * A table in one language, rebuilt from its French structure and its cells: each cell with words
 * is its own unit (translated, or French when the translation is missing or stale), each cell of
 * figures only is shown as written. A cell string is parsed as one line of inline content
 * (./units.ts), so no translation can add a row, a column or a block.
 */
import type { Table } from 'mdast';
import { SOURCE_LANG, type Lang, type LocalizedBlock, type Segment, type UnitState } from '../core/types.js';
import { parseMarkdown } from '../core/markdown.js';
import { cellId, cellMarkdown } from '../parse/tables.js';
import { fallbackState, inlineUnit } from './units.js';

/** A unit's string in the edition's language, or the French it falls back to. */
export interface PickedUnit {
  markdown: string;
  state: UnitState;
  lang: Lang;
}

/**
 * The `lang` edition of a table segment. The block is shown in French as a whole (`lang` French,
 * the usual fallback note) when every cell with words is; otherwise the cells shown in French are
 * listed in `frenchParts`.
 */
export function localizeTable(segment: Segment, lang: Lang, pick: (unit: Segment) => PickedUnit): LocalizedBlock {
  const table = parseMarkdown(segment.markdown).children[0];
  if (table?.type !== 'table') throw new TypeError(`Segment ${segment.key} is not a table: ${JSON.stringify(segment.markdown.slice(0, 40))}`);
  const parts = new Map((segment.parts ?? []).map((part) => [part.key, part]));
  const picked: { key: string; unit: PickedUnit }[] = [];
  const rebuilt: Table = {
    type: 'table',
    align: table.align ?? null,
    children: table.children.map((row, r) => ({
      type: 'tableRow',
      children: row.children.map((cell, c) => {
        const part = parts.get(`${segment.key}.${cellId(r, c)}`);
        const unit = part ? pick(part) : undefined;
        if (part && unit) picked.push({ key: part.key, unit });
        return { type: 'tableCell', children: inlineUnit(unit ? unit.markdown : cellMarkdown(cell)) };
      }),
    })),
  };
  const french = picked.filter(({ unit }) => unit.lang !== lang);
  const whole = picked.length > 0 && french.length === picked.length;
  const state: UnitState = lang === SOURCE_LANG ? 'source' : !whole ? 'translated' : fallbackState(french.map(({ unit }) => unit));
  return {
    key: segment.key,
    nodes: [rebuilt],
    state,
    lang: whole ? SOURCE_LANG : lang,
    ...(!whole && french.length > 0 ? { frenchParts: french.map(({ key }) => key) } : {}),
  };
}
