/**
 * Figures in the PDF. An embedded image is drawn with pdfkit `image()` at its size in the HTML
 * page (`DEFAULTS.images.pdfPointsPerPixel`), scaled down to the column's width and to at most
 * `DEFAULTS.images.pdfMaxHeightShare` of the page's height, keeping its aspect ratio, tagged `Figure` with its alt text; an image that is not embedded (remote, or
 * refused) is a light framed box holding its alt text and its address (a link when it is a web
 * address), tagged `Figure` too. The caption paragraph that follows is set small in italics,
 * tagged `Caption`.
 */
import type { Image, Paragraph } from 'mdast';
import { figureImage } from '../../core/figure.js';
import { DEFAULTS } from '../../core/defaults.js';
import { collectRuns, measureRuns, writeRuns, type Run } from './inline.js';
import { artifact, tagBlock, type StructParent } from './tagging.js';
import { bodyLineHeight, columnWidth, columnX, ensureSpace, pageBottom, type Column, type LayoutContext } from './layout.js';

/** Inner padding of an image frame, in points. */
const FRAME_PADDING = 8;

/** Draws the figure held by the image paragraph `node`. */
export function renderFigure(ctx: LayoutContext, node: Paragraph, parent: StructParent, col: Column): void {
  const found = figureImage(node);
  if (!found) return;
  const { image } = found;
  // Only absolute web and mail links become link annotations (as in text).
  const href = found.href !== undefined && /^(?:https?:|mailto:)/i.test(found.href) ? found.href : undefined;
  const asset = image.data?.asset;
  const alt = image.alt ?? '';
  if (!asset) {
    renderFrame(ctx, image, parent, col, href);
    return;
  }
  const { doc } = ctx;
  const page = doc.page;
  const maxWidth = columnWidth(ctx, col);
  const maxHeight = (page.height - page.margins.top - page.margins.bottom) * DEFAULTS.images.pdfMaxHeightShare;
  const scale = Math.min(maxWidth / asset.width, maxHeight / asset.height, DEFAULTS.images.pdfPointsPerPixel);
  const width = asset.width * scale;
  const height = asset.height * scale;
  // With room for a caption line below it.
  ensureSpace(ctx, height + bodyLineHeight(ctx));
  const x = columnX(ctx, col);
  const y = doc.y;
  tagBlock(ctx, parent, 'Figure', () => doc.image(Buffer.from(asset.bytes), x, y, { width, height, ...(href ? { link: href } : {}) }), alt ? { alt } : {});
  doc.x = ctx.left;
  doc.y = y + height;
}

/** A framed box with the alt text and the image's address. */
function renderFrame(ctx: LayoutContext, image: Image, parent: StructParent, col: Column, href: string | undefined): void {
  const { doc, theme } = ctx;
  const web = /^https?:\/\//i.test(image.url);
  const plain = { bold: false, italic: false, code: false, strike: false };
  const runs: Run[] = [];
  if (image.alt) runs.push({ text: image.alt, style: plain, link: href ?? null });
  if (image.url) runs.push({ text: `${runs.length ? '\n' : ''}${image.url}`, style: { ...plain, italic: !web }, link: web ? image.url : null });
  if (runs.length === 0) return;
  const x = columnX(ctx, col);
  const width = columnWidth(ctx, col);
  const layout = { x: x + FRAME_PADDING, y: 0, width: width - 2 * FRAME_PADDING, size: theme.sizes.body, color: theme.colors.text };
  const height = measureRuns(ctx, runs, layout) + 2 * FRAME_PADDING;
  ensureSpace(ctx, Math.min(height, pageBottom(ctx) - ctx.doc.page.margins.top));
  const y = doc.y;
  layout.y = y + FRAME_PADDING;
  tagBlock(ctx, parent, 'Figure', () => writeRuns(ctx, runs, layout), image.alt ? { alt: image.alt } : {});
  const bottom = Math.max(doc.y + FRAME_PADDING, y + height);
  artifact(ctx, 'Layout', () => {
    doc
      .save()
      .lineWidth(0.75)
      .strokeColor(theme.colors.rule)
      .rect(x, y, width, bottom - y)
      .stroke()
      .restore();
  });
  doc.x = ctx.left;
  doc.y = bottom;
}

/** Draws a figure's caption paragraph, small and in italics, under its image. */
export function renderCaption(ctx: LayoutContext, node: Paragraph, parent: StructParent, col: Column): void {
  const { doc, theme } = ctx;
  const runs = collectRuns(node.children, { italic: true });
  if (runs.length === 0) return;
  const layout = {
    x: columnX(ctx, col),
    y: doc.y,
    width: columnWidth(ctx, col),
    size: theme.sizes.note + 1,
    color: theme.colors.muted,
    family: 'sans' as const,
  };
  ensureSpace(ctx, measureRuns(ctx, runs, layout));
  layout.y = doc.y;
  tagBlock(ctx, parent, 'Caption', () => writeRuns(ctx, runs, layout), col.lang ? { lang: col.lang } : {});
  doc.x = ctx.left;
}
