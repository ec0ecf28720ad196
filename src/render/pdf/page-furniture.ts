/**
 * Page furniture, written once the content is laid out (pages are buffered): a running header
 * with the document title on every page after the first, "Page n of N" in the footer, and on a
 * draft or embargoed edition its mark at the right of the header band of every page (above the
 * text, never over it).
 * Both sit inside the page margins, so the bottom margin is lifted while writing them (text
 * below the margin would otherwise make pdfkit start a new page), and both are artifacts.
 */
import { useFont, type LayoutContext } from './layout.js';
import { artifact } from './tagging.js';

/**
 * Shortens `text` with an ellipsis until it fits `width` in the current font, at a word's end
 * ("Strategic…", not "Strategic Partners" cut to "Partners…") unless one word is all there is.
 */
function fitToWidth(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (text[cut.length] !== ' ' && space > 0) cut = cut.slice(0, space);
  // A separator left at the end (" ·", " :", " —") says nothing before the ellipsis.
  return `${cut.replace(/[\s·:;,—–-]+$/u, '')}…`;
}

/** Colour of the preview mark: a red that reads as "not for publication" in print too. */
const MARK_COLOR = '#b00020';

/** Draws the mark right-aligned at `y`; returns the width it takes, with the gap before it. */
function drawMark(ctx: LayoutContext, mark: string, y: number): number {
  const { doc, theme } = ctx;
  let width = 0;
  artifact(ctx, 'Pagination', () => {
    useFont(ctx, 'heading', theme.sizes.header, 1.2);
    const text = fitToWidth(doc, mark, ctx.width * 0.7);
    width = doc.widthOfString(text);
    doc.fillColor(MARK_COLOR).text(text, ctx.left + ctx.width - width, y, { lineBreak: false });
  });
  return width + theme.sizes.header;
}

export function addPageFurniture(ctx: LayoutContext): void {
  const { doc, theme } = ctx;
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = range.start; i < range.start + pages; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    try {
      const y = margins.top - theme.spacing.headerOffset;
      const markWidth = ctx.mark ? drawMark(ctx, ctx.mark, y) : 0;
      if (i > range.start) {
        artifact(ctx, 'Pagination', () => {
          useFont(ctx, 'sans', theme.sizes.header, 1.2);
          const title = fitToWidth(doc, ctx.title, ctx.width - markWidth);
          doc.fillColor(theme.colors.muted).text(title, ctx.left, y, { lineBreak: false });
          const ruleY = y + theme.sizes.header * 1.2 + 3;
          doc
            .save()
            .moveTo(ctx.left, ruleY)
            .lineTo(ctx.left + ctx.width, ruleY)
            .lineWidth(theme.rules.header)
            .strokeColor(theme.colors.rule)
            .stroke()
            .restore();
        });
      }
      const footer = ctx.t('page', { page: i - range.start + 1, pages });
      const footerY = doc.page.height - bottom + theme.spacing.footerOffset - theme.sizes.footer;
      artifact(ctx, 'Pagination', () => {
        useFont(ctx, 'sans', theme.sizes.footer, 1.2);
        const w = doc.widthOfString(footer);
        doc.fillColor(theme.colors.muted).text(footer, ctx.left + (ctx.width - w) / 2, footerY, { lineBreak: false });
      });
    } finally {
      margins.bottom = bottom;
    }
  }
}
