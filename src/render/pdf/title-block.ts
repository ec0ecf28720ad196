/**
 * The title block opening page 1: the title, a line "Briefing · By <authors> · Published <date>", and a
 * thin accent rule. Also adds the outline's top item, under which section bookmarks go. A title
 * shown in French gets the fallback note above it and the fallback bar beside note and title only.
 */
import { horizontalRule, useFont, type LayoutContext } from './layout.js';
import { writeText } from './inline.js';
import { type GluePiece, planBreaks } from './line-glue.js';
import { artifact, tagBlock, type StructParent } from './tagging.js';
import { themeFont } from './fonts.js';
import { inkExtents } from './glyph-extents.js';
import { collapseSpaces } from './collapse-spaces.js';
import { datelineParts } from '../dateline.js';
import { fallbackNote } from '../fallback-note.js';
import type { FallbackReason } from '../../core/node-data.js';

const TITLE_LINE_HEIGHT = 1.18;

/** A piece of the line under the title: the edition's label, or the dateline and reading time. */
interface MetaPiece extends GluePiece {
  run: { role: 'heading' | 'sans'; color: string };
}

/**
 * The narrowest width that sets `text` in as many lines as `width` does, so a wrapped title
 * is balanced instead of leaving one word on its last line.
 */
function balancedWidth(doc: PDFKit.PDFDocument, text: string, width: number, lineGap: number): number {
  const height = doc.heightOfString(text, { width, lineGap });
  if (height <= doc.heightOfString('X', { width, lineGap }) + 0.5) return width;
  let lo = width / 2;
  let hi = width;
  for (let i = 0; i < 10; i++) {
    const mid = (lo + hi) / 2;
    if (doc.heightOfString(text, { width: mid, lineGap }) > height + 0.5) lo = mid;
    else hi = mid;
  }
  return Math.min(width, Math.ceil(hi) + 2);
}

/** `fallback`: why the title is shown in French, when it is. */
export function renderTitleBlock(ctx: LayoutContext, title: string, parent: StructParent, fallback?: FallbackReason): void {
  const { doc, theme } = ctx;
  const text = collapseSpaces(title);
  const x = ctx.left;
  const width = ctx.width;
  const y = doc.y;
  const size = ctx.compact ? theme.sizes.h2 * 1.25 : theme.sizes.title;
  const ink = inkExtents(themeFont(theme, 'heading'), text, size);
  // A French title is indented like any fallback block, its first letter's ink (not its advance box) where the block's text starts.
  const indent = fallback ? Math.max(theme.spacing.fallbackIndent - ink.left, theme.rules.fallback + 1) : 0;
  const titleY = fallback ? renderFallbackNote(ctx, fallback, x + indent, y, width - indent, parent) : y;

  if (ctx.bookmarks !== false) ctx.outline = doc.outline.addItem(text, { expanded: true });
  // The logo (decoration: an artifact) sits at the top right; the title keeps clear of it.
  let logoWidth = 0;
  if (ctx.logo && !ctx.compact) {
    // openImage is pdfkit API missing from @types/pdfkit: it parses once, for the size and the draw.
    const image = (doc as unknown as { openImage(data: Buffer): { width: number; height: number } }).openImage(ctx.logo);
    const height = theme.sizes.logo;
    logoWidth = (image.width / image.height) * height;
    artifact(ctx, 'Layout', () => void doc.image(image as unknown as Buffer, x + width - logoWidth, y, { height }));
    logoWidth += 18;
  }
  let inkBottom = titleY;
  tagBlock(
    ctx,
    parent,
    'H1',
    () => {
      const lineGap = useFont(ctx, 'heading', size, TITLE_LINE_HEIGHT);
      const titleWidth = balancedWidth(doc, text, width - logoWidth - indent, lineGap);
      doc.fillColor(theme.colors.accent);
      writeText(ctx, 'heading', text, x + indent, titleY, { width: titleWidth, lineGap, align: 'left' });
      // The bar ends at the last line's ink: its baseline plus the title's deepest descender.
      inkBottom = doc.y - doc.currentLineHeight(true) - lineGap + ink.baseline + ink.descent;
    },
    fallback ? { lang: 'fr' } : {},
  );
  if (fallback) fallbackBar(ctx, x, y, inkBottom);

  doc.y += theme.spacing.titleMeta;
  const metaY = doc.y;
  const label = ctx.t('briefing');
  const line = datelineParts(ctx.dateline).join('  ·  ');
  tagBlock(ctx, parent, 'P', () => {
    const reading = ctx.readingMinutes ? `  ·  ${ctx.t('readingTime', { count: ctx.readingMinutes })}` : '';
    // Planned like body text, so a narrow column never ends a line inside the date ("26 | novembre 2026").
    const labelRun = { role: 'heading', color: theme.colors.accent } as const;
    const restRun = { role: 'sans', color: theme.colors.muted } as const;
    const setFont = (piece: MetaPiece) => useFont(ctx, piece.run.role, theme.sizes.meta, 1.3);
    const pieces = planBreaks<MetaPiece>(
      doc,
      [
        { text: label, run: labelRun, clinging: false },
        { text: `  ·  ${line}${reading}`, run: restRun, clinging: false },
      ],
      width,
      setFont,
    );
    pieces.forEach((piece, i) => {
      const lineGap = setFont(piece);
      const options = { width, lineGap, align: 'left', continued: i < pieces.length - 1 && !piece.breakAfter } as const;
      doc.fillColor(piece.run.color);
      if (i === 0) doc.text(piece.text, x, metaY, options);
      else doc.text(piece.text, options);
    });
  });
  const web = ctx.webAddress;
  if (web) {
    // The way back from a printed or downloaded PDF to the page (and its other editions).
    tagBlock(ctx, parent, 'P', () => {
      const lineGap = useFont(ctx, 'sans', theme.sizes.meta, 1.3);
      doc.fillColor(theme.colors.link).text(web, x, doc.y, { width, lineGap, align: 'left', link: web });
    });
  }

  doc.y += theme.spacing.titleRuleGap - ctx.bodyLineGap;
  horizontalRule(ctx, { indent: 0 }, theme.rules.title, theme.colors.accent);
  doc.y += theme.rules.title;
  doc.x = ctx.left;
}

/** The fallback note set at `x`, `y` (tagged as a note); returns where the title starts under it. */
function renderFallbackNote(ctx: LayoutContext, reason: FallbackReason, x: number, y: number, width: number, parent: StructParent): number {
  const { doc, theme } = ctx;
  tagBlock(ctx, parent, 'Note', () => {
    const lineGap = useFont(ctx, 'sansItalic', theme.sizes.note, 1.25);
    doc.fillColor(theme.colors.fallback).text(fallbackNote(ctx.t, reason), x, y, { width, lineGap, align: 'left' });
  });
  return doc.y + theme.spacing.fallbackNote;
}

/** The fallback bar at the column's left edge, from `top` to `bottom` (an artifact). */
function fallbackBar(ctx: LayoutContext, x: number, top: number, bottom: number): void {
  const { doc, theme } = ctx;
  artifact(ctx, 'Layout', () => {
    doc
      .save()
      .rect(x, top, theme.rules.fallback, bottom - top)
      .fill(theme.colors.fallback)
      .restore();
  });
}
