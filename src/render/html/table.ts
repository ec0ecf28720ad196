/**
 * Tables in HTML. mdast-util-to-hast writes `<table>` with `<thead>` (the header row) and
 * `<tbody>`, and a column's alignment as the obsolete `align` attribute. Before sanitising, header
 * cells get `scope="col"` and alignment becomes a class (`align-right`), which the sanitiser
 * allows on `th`/`td` and nothing else. After sanitising, each table is put in a
 * `div.table-scroll`, so a table wider than the column scrolls inside it, not the page; the
 * wrapper can take the keyboard focus, so the scrolling works without a mouse.
 */
import type { Element, Nodes } from 'hast';
import { CLASS } from '../../core/class-names.js';
import { isElement } from './outline.js';

/** The alignment classes a table cell may carry (`align-left`, `align-center`, `align-right`). */
export const ALIGN_CLASSES = ['left', 'center', 'right'].map((side) => `align-${side}`);

/** Header cells scoped to their column, alignment as a class: run before sanitising. */
export function prepareTables(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'th' || child.tagName === 'td') prepareCell(child);
    prepareTables(child);
  }
}

function prepareCell(cell: Element): void {
  const align = cell.properties.align;
  delete cell.properties.align;
  if (typeof align === 'string' && ALIGN_CLASSES.includes(`align-${align}`)) {
    const classes = Array.isArray(cell.properties.className) ? cell.properties.className : [];
    cell.properties.className = [...classes, `align-${align}`];
  }
  // mdast-util-to-hast writes `th` for the header row only: every one heads its column.
  if (cell.tagName === 'th') cell.properties.scope = 'col';
}

/** Puts each table in its scrolling wrapper: run after sanitising. */
export function wrapTables(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (!isElement(child)) return child;
    if (child.tagName !== 'table') {
      wrapTables(child);
      return child;
    }
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: [CLASS.tableScroll], tabIndex: 0 },
      children: [child],
    };
    return wrapper;
  }) as typeof node.children;
}
