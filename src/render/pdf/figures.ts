/**
 * The key-figures box: the content template's `**value** — label` lines (marked `data.figure`)
 * drawn as one tinted box, a row per figure, the value large on the left and its label beside it.
 * Rows read left to right, so extracted text keeps "value label" together in document order.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { columnWidth, columnX, ensureSpace, useFont, type Column, type LayoutContext } from './layout.js';
import { artifact, endGroup, tagBlock, tagGroup, type StructParent } from './tagging.js';

/** Cards per row, and the width of the accent rule on top of each card. */
const PER_ROW = 1;
const RULE = 2;

interface FigureRow {
  value: string;
  label: string;
  /** Why the label is shown in French, if it is. */
  fallback?: 'missing' | 'stale';
}

export function isFigure(node: { data?: unknown }): node is Paragraph {
  return (node.data as { figure?: unknown } | undefined)?.figure === true;
}

/** Splits a figure line into its value (the leading strong) and its label (the rest, minus " — "). */
function figureRow(node: Paragraph): FigureRow {
  const [first, ...rest] = node.children;
  const data = node.data as { fallback?: string; fallbackReason?: 'missing' | 'stale' } | undefined;
  const fallback = data?.fallback === 'fr' ? { fallback: data.fallbackReason ?? 'missing' } : {};
  if (first?.type !== 'strong') return { value: '', label: toString(node), ...fallback };
  const label = toString({ type: 'paragraph', children: rest as PhrasingContent[] }).replace(/^\s*—\s*/, '');
  return { value: toString(first), label, ...fallback };
}

/**
 * Draws the figures as cards, up to three a row, each with its value large above its label (and
 * the fallback note first when the label is in French). pdftotext reads such cards column by
 * column, so each value stays with its label, in document order.
 */
export function renderFigureBox(ctx: LayoutContext, nodes: readonly Paragraph[], parent: StructParent, col: Column): void {
  const { doc, theme } = ctx;
  const rows = nodes.map(figureRow);
  const pad = theme.spacing.figurePadding;
  const gap = theme.spacing.figureRow;
  const x = columnX(ctx, col);
  const perRow = Math.min(PER_ROW, rows.length);
  const cardWidth = (columnWidth(ctx, col) - gap * (perRow - 1)) / perRow;
  const inner = cardWidth - 2 * pad;
  const fonts = {
    value: () => useFont(ctx, 'heading', theme.sizes.figure, 1.15),
    label: () => useFont(ctx, 'sans', theme.sizes.body - 1, 1.3),
    note: () => useFont(ctx, 'sansItalic', theme.sizes.note, 1.25),
  };
  const note = (row: FigureRow) => (row.fallback ? ctx.t(row.fallback === 'stale' ? 'staleNote' : 'fallbackNote') : '');
  const parts = (row: FigureRow) =>
    [
      ...(row.fallback ? [{ text: note(row), font: fonts.note, color: theme.colors.fallback, after: 3 }] : []),
      { text: row.value, font: fonts.value, color: row.fallback ? theme.colors.fallback : theme.colors.accent, after: 2 },
      { text: row.label, font: fonts.label, color: theme.colors.text, after: 0 },
    ] as const;
  const heightOf = (row: FigureRow) =>
    parts(row).reduce((sum, part) => sum + doc.heightOfString(part.text, { width: inner, lineGap: part.font() }) + part.after, 0);

  const group = tagGroup(ctx, parent, 'Div');
  for (let start = 0; start < rows.length; start += perRow) {
    const line = rows.slice(start, start + perRow);
    const height = RULE + 2 * pad + Math.max(...line.map(heightOf));
    if (start > 0) doc.y += gap;
    ensureSpace(ctx, height);
    const top = doc.y;
    line.forEach((row, i) => {
      const left = x + i * (cardWidth + gap);
      artifact(ctx, 'Layout', () => {
        doc.save().rect(left, top, cardWidth, height).fill(theme.colors.figureBackground).restore();
        doc.save().rect(left, top, cardWidth, RULE).fill(row.fallback ? theme.colors.fallback : theme.colors.accent).restore();
      });
      tagBlock(
        ctx,
        group,
        'P',
        () => {
          let y = top + RULE + pad;
          for (const part of parts(row)) {
            const lineGap = part.font();
            doc.fillColor(part.color).text(part.text, left + pad, y, { width: inner, lineGap });
            y = doc.y + part.after;
          }
        },
        row.fallback ? { lang: 'fr' } : {},
      );
    });
    doc.y = top + height;
  }
  endGroup(group);
  doc.x = ctx.left;
}
