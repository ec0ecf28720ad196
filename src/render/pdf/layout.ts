/**
 * The vertical-flow helpers of the block renderers (their shared context is in context.ts):
 * spacing that collapses at the top of a page, explicit page breaks, line gaps derived from
 * the theme's line height, and left bars that follow a block across page breaks.
 */
import type { FontRole } from './fonts.js';
import { artifact } from './tagging.js';
import type { Column, LayoutContext } from './context.js';

export type { Column, LayoutContext } from './context.js';

/** Least width of text, however deep the nesting: indents stop growing there, so text never leaves its column. */
const MIN_TEXT_WIDTH = 40;

export function columnX(ctx: LayoutContext, col: Column): number {
  return ctx.left + Math.max(0, Math.min(col.indent, ctx.width - MIN_TEXT_WIDTH));
}

export function columnWidth(ctx: LayoutContext, col: Column): number {
  return Math.max(MIN_TEXT_WIDTH, ctx.width - col.indent);
}

function pageTop(ctx: LayoutContext): number {
  return ctx.doc.page.margins.top;
}

/** Lowest y text may reach on the current page. */
export function pageBottom(ctx: LayoutContext): number {
  return ctx.doc.page.height - ctx.doc.page.margins.bottom;
}

function atPageTop(ctx: LayoutContext): boolean {
  return ctx.doc.y <= pageTop(ctx) + 0.5;
}

/** Adds vertical space, except at the top of a page (space collapses across page breaks). */
export function space(ctx: LayoutContext, amount: number): void {
  if (!atPageTop(ctx)) ctx.doc.y += amount;
}

/** Starts a new page unless `height` points still fit below the current position. */
export function ensureSpace(ctx: LayoutContext, height: number): void {
  if (atPageTop(ctx)) return;
  if (ctx.doc.y + height > pageBottom(ctx)) {
    ctx.doc.addPage();
  }
}

/** Selects a font and size; returns the line gap giving the theme's line height. */
export function useFont(ctx: LayoutContext, role: FontRole, size: number, lineHeight = ctx.theme.lineHeight): number {
  ctx.doc.font(role).fontSize(size);
  return Math.max(0, size * lineHeight - ctx.doc.currentLineHeight(true));
}

/** Height of one line of body text, line gap included. */
export function bodyLineHeight(ctx: LayoutContext): number {
  return ctx.theme.sizes.body * ctx.theme.lineHeight;
}

/**
 * Room a text block `height` tall needs below the current position before it may start there:
 * all of it when it is three lines or fewer (kept whole), else two lines (no orphan).
 */
export function openingHeight(ctx: LayoutContext, height: number): number {
  const line = bodyLineHeight(ctx);
  return height <= KEPT_WHOLE_LINES * line + 1 ? height : 2 * line;
}

/** Lines of a text block that `openingHeight` keeps whole (measuring more is not needed for it). */
export const KEPT_WHOLE_LINES = 3;

/**
 * Zero-based index of the current page. Not always the last one: the bilingual edition goes back
 * to a pair's first page to set its second column. pdfkit has no public accessor for it.
 */
export function pageIndex(doc: PDFKit.PDFDocument): number {
  const buffered = doc as unknown as { _pageBuffer: unknown[]; _pageBufferStart: number; page: unknown };
  return buffered._pageBufferStart + buffered._pageBuffer.indexOf(buffered.page);
}

/**
 * Runs `draw` and then paints a vertical bar at `x` beside everything it drew, one segment per
 * page when the content broke across pages. `from` is where the bar starts on the first page
 * (defaults to the current y); the bar stops `trim` points above the final y.
 */
export function withLeftBar(
  ctx: LayoutContext,
  bar: { x: number; width: number; color: string; from?: number; trim?: number; opacity?: number },
  draw: () => void,
): void {
  const doc = ctx.doc;
  const segments: { page: number; y0: number; y1: number }[] = [];
  let page = pageIndex(doc);
  let y0 = bar.from ?? doc.y;
  const onPage = (): void => {
    segments.push({ page, y0, y1: pageBottom(ctx) });
    page = pageIndex(doc);
    y0 = pageTop(ctx);
  };
  doc.on('pageAdded', onPage);
  try {
    draw();
  } finally {
    doc.off('pageAdded', onPage);
  }
  segments.push({ page, y0, y1: doc.y - (bar.trim ?? 0) });
  const last = pageIndex(doc);
  for (const s of segments) {
    if (s.y1 - s.y0 < 1) continue;
    if (s.page !== last) doc.switchToPage(s.page);
    artifact(ctx, 'Layout', () => {
      doc.save();
      // Only a tint sets an opacity: plain bars are drawn exactly as before.
      if (bar.opacity !== undefined) doc.fillOpacity(bar.opacity);
      doc
        .rect(bar.x, s.y0, bar.width, s.y1 - s.y0)
        .fill(bar.color)
        .restore();
    });
    if (s.page !== last) doc.switchToPage(last);
  }
}

/** Draws a horizontal rule across the column at the current y (as an artifact). */
export function horizontalRule(ctx: LayoutContext, col: Column, width: number, color: string, y = ctx.doc.y): void {
  const doc = ctx.doc;
  const x = columnX(ctx, col);
  artifact(ctx, 'Layout', () => {
    doc
      .save()
      .moveTo(x, y)
      .lineTo(x + columnWidth(ctx, col), y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()
      .restore();
  });
}
