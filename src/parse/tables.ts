/**
 * A GFM table → one `Segment` of kind `table`: its French source as `markdown`, and one `cell`
 * unit per cell that has words (`<block key>.r<row>c<col>`, 1-based, the header row is r1). A cell
 * of figures, punctuation or dates only (`12 %`, `2024`, `—`) is no unit: every language shows it
 * as written. Each cell is inline content, escaped as one line that starts a paragraph.
 */
import type { Table, TableCell } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { blocksToMarkdown, inlineToParagraphLine } from '../core/markdown.js';
import type { Place, Segment } from '../core/types.js';

/** A letter anywhere in the cell's text: what makes a cell worth translating. */
const WORDS = /\p{L}/u;

/** The key suffix of the cell at 0-based `row` and `column`: `r1c1` is the first header cell. */
export function cellId(row: number, column: number): string {
  return `r${row + 1}c${column + 1}`;
}

/** One cell's text as a unit string: one line of inline Markdown. */
export function cellMarkdown(cell: TableCell): string {
  return inlineToParagraphLine(cell.children);
}

/** Whether a cell is a translation unit (it has words, not only figures and signs). */
function cellHasWords(cell: TableCell): boolean {
  return WORDS.test(plainText(cell));
}

/** The table's segment, with its cells as parts. */
export function tableSegment(node: Table, key: string, place: Place): Segment {
  const parts = node.children.flatMap((row, r) =>
    row.children.flatMap((cell, c): Segment[] =>
      cellHasWords(cell) ? [{ key: `${key}.${cellId(r, c)}`, kind: 'cell', markdown: cellMarkdown(cell), place: placeOf(cell, place) }] : [],
    ),
  );
  return { key, kind: 'table', markdown: blocksToMarkdown([node]), place, parts };
}

function placeOf(cell: TableCell, fallback: Place): Place {
  const start = cell.position?.start;
  return start ? { line: start.line, column: start.column } : fallback;
}
