/**
 * The key-figures box: the content template's key figures (paragraphs carrying `data.figure`)
 * drawn as one tinted box, a card per figure, laid out from the figure's value and label as data.
 * Cards read top to bottom, so extracted text keeps "value label" together in document order.
 */
import { toString as plainText } from 'mdast-util-to-string';
import type { FallbackReason, KeyFigureParagraph } from '../../core/node-data.js';
import { fallbackNote } from '../fallback-note.js';
import { columnWidth, columnX, ensureSpace, useFont, type Column, type LayoutContext } from './layout.js';
import { artifact, endGroup, tagBlock, tagGroup, type StructParent } from './tagging.js';

/** Width of the accent rule on top of each card. */
const RULE = 2;

interface FigureRow {
  value: string;
  label: string;
  /** Why the label is shown in French, if it is. */
  fallback?: FallbackReason;
}

/** A card's text, from the figure's data: the PDF sets the label as plain text. */
function figureRow({ data }: KeyFigureParagraph): FigureRow {
  const row: FigureRow = { value: data.figure.value, label: plainText({ type: 'paragraph', children: data.figure.label }) };
  if (data.fallback === 'fr') row.fallback = data.fallbackReason ?? 'missing';
  return row;
}

/**
 * Draws each figure as a card the width of the column: the value large above its label (and the
 * fallback note first when the label is in French). Cards are stacked, not set side by side:
 * pdftotext then reads each value with its label, in document order. In narrow columns
 * (`ctx.compact`) value and label are one line of text: "2030 — extension of the partnership".
 */
export function renderFigureBox(ctx: LayoutContext, nodes: readonly KeyFigureParagraph[], parent: StructParent, col: Column): void {
  const { doc, theme } = ctx;
  const pad = theme.spacing.figurePadding;
  const x = columnX(ctx, col);
  const width = columnWidth(ctx, col);
  const inner = width - 2 * pad;
  const fonts = {
    value: () => (ctx.compact ? useFont(ctx, 'heading', theme.sizes.body - 1, 1.3) : useFont(ctx, 'heading', theme.sizes.figure, 1.15)),
    label: () => useFont(ctx, 'sans', theme.sizes.body - 1, 1.3),
    note: () => useFont(ctx, 'sansItalic', theme.sizes.note, 1.25),
  };
  const parts = (row: FigureRow) =>
    [
      ...(row.fallback ? [{ text: fallbackNote(ctx.t, row.fallback), font: fonts.note, color: theme.colors.fallback, after: 3, continued: false }] : []),
      { text: row.value, font: fonts.value, color: row.fallback ? theme.colors.fallback : theme.colors.accent, after: 2, continued: ctx.compact === true },
      { text: ctx.compact ? ` — ${row.label}` : row.label, font: fonts.label, color: theme.colors.text, after: 0, continued: false },
    ] as const;
  // Parts chained on one line (`continued`) are measured together, in the last part's font.
  const heightOf = (row: FigureRow) => {
    let height = 0;
    let chain = '';
    for (const part of parts(row)) {
      chain += part.text;
      if (part.continued) continue;
      height += doc.heightOfString(chain, { width: inner, lineGap: part.font() }) + part.after;
      chain = '';
    }
    return height;
  };

  const group = tagGroup(ctx, parent, 'Div');
  nodes.map(figureRow).forEach((row, i) => {
    const height = RULE + 2 * pad + heightOf(row);
    if (i > 0) doc.y += theme.spacing.figureRow;
    ensureSpace(ctx, height);
    const top = doc.y;
    artifact(ctx, 'Layout', () => {
      doc.save().rect(x, top, width, height).fill(theme.colors.figureBackground).restore();
      doc
        .save()
        .rect(x, top, width, RULE)
        .fill(row.fallback ? theme.colors.fallback : theme.colors.accent)
        .restore();
    });
    tagBlock(
      ctx,
      group,
      'P',
      () => {
        let y = top + RULE + pad;
        let chained = false;
        for (const part of parts(row)) {
          const lineGap = part.font();
          doc.fillColor(part.color);
          if (chained) doc.text(part.text, { width: inner, lineGap, continued: part.continued });
          else doc.text(part.text, x + pad, y, { width: inner, lineGap, continued: part.continued });
          chained = part.continued;
          if (!chained) y = doc.y + part.after;
        }
      },
      row.fallback ? { lang: 'fr' } : {},
    );
    doc.y = top + height;
  });
  endGroup(group);
  doc.x = ctx.left;
}
