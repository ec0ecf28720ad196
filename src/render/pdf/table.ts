/**
 * Tables in the PDF, tagged Table / TR / TH (scope Column) / TD. Column widths fit the column:
 * each column gets its natural width (its widest cell on one line) when all fit, else at least its
 * least width (its longest word, and `DEFAULTS.pdfTable.minColumnWidth`) plus a share of the room
 * left in proportion to what it lacks; text wraps inside its cell. Rows are never split: a row
 * that does not fit goes to the next page, where the header row is drawn again (an artifact: it
 * is in the structure once). Rules between rows, a stronger one under the header row, which is bold.
 */
import type { AlignType, Table } from 'mdast';
import { DEFAULTS } from '../../core/defaults.js';
import { collectRuns, fontFor, measureRuns, writeRuns, type Run, type RunLayout } from './inline.js';
import { columnWidth, columnX, ensureSpace, pageBottom, useFont, type Column, type LayoutContext } from './layout.js';
import { artifact, endGroup, tagBlock, tagGroup, type StructParent } from './tagging.js';

interface CellBox {
  runs: Run[];
  /** Shown in French in another edition (`data.fallback`). */
  french: boolean;
}

const SETTINGS = DEFAULTS.pdfTable;

export function renderTable(ctx: LayoutContext, table: Table, parent: StructParent, col: Column): void {
  const { doc, theme } = ctx;
  const columns = Math.max(table.align?.length ?? 0, ...table.children.map((row) => row.children.length));
  if (columns === 0) return;
  const size = theme.sizes.body * SETTINGS.textScale;
  const rows: CellBox[][] = table.children.map((row, r) =>
    Array.from({ length: columns }, (_, c) => {
      const cell = row.children[c];
      return { runs: collectRuns(cell?.children ?? [], { bold: r === 0, italic: col.italic === true }), french: cell?.data?.fallback === 'fr' };
    }),
  );
  const x = columnX(ctx, col);
  const widths = columnWidths(ctx, rows, columns, columnWidth(ctx, col), size);
  const lefts = widths.map((_, c) => x + widths.slice(0, c).reduce((a, b) => a + b, 0));
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const layoutOf = (c: number): Omit<RunLayout, 'y'> => ({
    x: lefts[c]! + SETTINGS.cellPadding,
    width: widths[c]! - 2 * SETTINGS.cellPadding,
    size,
    color: col.color ?? theme.colors.text,
    family: 'sans',
    align: alignOf(table.align?.[c]),
  });
  const heights = rows.map((cells) => rowHeight(ctx, cells, layoutOf));

  const group = tagGroup(ctx, parent, 'Table', col.lang ? { lang: col.lang } : {});
  const header = rows[0];
  // The header row with at least the first body row.
  ensureSpace(ctx, (heights[0] ?? 0) + (heights[1] ?? 0));
  rows.forEach((cells, r) => {
    const height = heights[r]!;
    if (r > 0 && doc.y + height > pageBottom(ctx) && header) {
      doc.addPage();
      const top = doc.y;
      artifact(ctx, 'Pagination', () => drawRow(ctx, header, top, layoutOf, null, true));
      doc.y = top + heights[0]!;
      rule(ctx, x, tableWidth, true);
    }
    const y = doc.y;
    const tr = tagGroup(ctx, group, 'TR');
    drawRow(ctx, cells, y, layoutOf, tr, r === 0);
    endGroup(tr);
    doc.y = y + height;
    rule(ctx, x, tableWidth, r === 0);
  });
  endGroup(group);
  doc.x = ctx.left;
}

/** Draws one row's cells at `y`, each tagged TH or TD under `tr` (untagged when `tr` is null). */
function drawRow(ctx: LayoutContext, cells: CellBox[], y: number, layoutOf: (c: number) => Omit<RunLayout, 'y'>, tr: StructParent, header: boolean): void {
  cells.forEach((cell, c) => {
    const layout = { ...layoutOf(c), y: y + SETTINGS.cellPadding };
    const options = { ...(header ? { scope: 'Column' as const } : {}), ...(cell.french ? { lang: 'fr' } : {}) };
    tagBlock(ctx, tr, header ? 'TH' : 'TD', () => writeRuns(ctx, cell.runs, layout), options);
  });
}

function rowHeight(ctx: LayoutContext, cells: CellBox[], layoutOf: (c: number) => Omit<RunLayout, 'y'>): number {
  const line = ctx.theme.sizes.body * SETTINGS.textScale * ctx.theme.lineHeight;
  const text = Math.max(line, ...cells.map((cell, c) => cellTextHeight(ctx, cell.runs, { ...layoutOf(c), y: 0 })));
  return text + 2 * SETTINGS.cellPadding;
}

/**
 * Height of a cell's text: measured in each font its runs use, the tallest kept. measureRuns alone
 * measures in the regular face, so a bold header (or an inline-code cell) that wraps one line more
 * when drawn would overlap the row below.
 */
function cellTextHeight(ctx: LayoutContext, runs: readonly Run[], layout: RunLayout): number {
  let height = measureRuns(ctx, runs, layout);
  const text = runs.map((run) => run.text).join('');
  for (const role of new Set(runs.map((run) => fontFor(run.style, layout.family)))) {
    const lineGap = useFont(ctx, role, layout.size, layout.lineHeight);
    height = Math.max(height, ctx.doc.heightOfString(text, { width: layout.width, lineGap, align: 'left' }));
  }
  return height;
}

/** A rule under a row across the table: the header's in the accent colour, thicker. */
function rule(ctx: LayoutContext, x: number, width: number, header: boolean): void {
  const { doc, theme } = ctx;
  artifact(ctx, 'Layout', () => {
    doc
      .save()
      .moveTo(x, doc.y)
      .lineTo(x + width, doc.y)
      .lineWidth(header ? theme.rules.thematicBreak * 1.5 : theme.rules.thematicBreak)
      .strokeColor(header ? theme.colors.accent : theme.colors.rule)
      .stroke()
      .restore();
  });
}

function alignOf(align: AlignType | undefined): 'left' | 'center' | 'right' {
  return align === 'center' || align === 'right' ? align : 'left';
}

/** Widths of the columns, summing to `available` (see the module comment). */
function columnWidths(ctx: LayoutContext, rows: CellBox[][], columns: number, available: number, size: number): number[] {
  const pad = 2 * SETTINGS.cellPadding;
  const natural = new Array<number>(columns).fill(pad);
  const least = new Array<number>(columns).fill(pad);
  for (const cells of rows) {
    cells.forEach((cell, c) => {
      const { line, word } = measureCell(ctx, cell.runs, size);
      natural[c] = Math.max(natural[c]!, line + pad);
      least[c] = Math.max(least[c]!, word + pad);
    });
  }
  const min = least.map((word, c) => Math.min(natural[c]!, Math.max(word, SETTINGS.minColumnWidth)));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  if (sum(natural) <= available) {
    // Room to spare: shared in proportion to the natural widths, so the table spans the column.
    const scale = available / sum(natural);
    return natural.map((width) => width * scale);
  }
  if (sum(min) >= available) return min.map((width) => (width * available) / sum(min));
  const lack = natural.map((width, c) => width - min[c]!);
  const room = available - sum(min);
  return min.map((width, c) => width + (room * lack[c]!) / sum(lack));
}

/** A cell's width on one line and the width of its longest word, each run in its own font. */
function measureCell(ctx: LayoutContext, runs: readonly Run[], size: number): { line: number; word: number } {
  let line = 0;
  let word = 0;
  for (const run of runs) {
    useFont(ctx, fontFor(run.style, 'sans'), size);
    line += ctx.doc.widthOfString(run.text);
    for (const part of run.text.split(/\s+/u)) if (part) word = Math.max(word, ctx.doc.widthOfString(part));
  }
  return { line, word };
}
