/** The cells of a table named by a `fallback-cells` mark: shown in French in another edition. */
import type { Data, Table } from 'mdast';

/** One cell id of the mark's argument: `r2c3` (row, column, 1-based). */
const CELL = /^r(\d{1,6})c(\d{1,6})$/;

/** Calls `mark` on the data of each cell named in `ids` (`r1c2-r3c1`); unknown ids are ignored. */
export function markFallbackCells(table: Table, ids: string, mark: (data: Data) => void): void {
  for (const id of ids.split('-')) {
    const match = CELL.exec(id);
    if (!match) continue;
    const cell = table.children[Number(match[1]) - 1]?.children[Number(match[2]) - 1];
    if (!cell) continue;
    cell.data ??= {};
    mark(cell.data);
  }
}
