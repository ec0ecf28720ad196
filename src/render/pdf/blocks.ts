/**
 * Block-level layout: walks mdast block nodes top to bottom, keeping headings with what follows
 * them and collapsing vertical space at page tops. Lists and quotes live in containers.ts, the
 * depth-1 title block in title-block.ts.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { renderCallout } from './callout.js';
import { renderList, renderQuote } from './containers.js';
import { renderTable } from './table.js';
import { renderFigureBox } from './key-figures-box.js';
import { isKeyFigure } from '../../core/node-data.js';
import { fallbackNote } from '../fallback-note.js';
import { collectRuns, fontFor, measureRuns, writeRuns, writeText, type Run } from './inline.js';
import { hyphenateRuns, limitHyphenatedLines } from './hyphenation.js';
import {
  bodyLineHeight,
  columnWidth,
  columnX,
  ensureSpace,
  horizontalRule,
  openingHeight,
  pageBottom,
  space,
  useFont,
  withLeftBar,
  type Column,
  type LayoutContext,
} from './layout.js';
import { tagBlock, type StructParent } from './tagging.js';
import { renderTitleBlock } from './title-block.js';
import { renderCodeBlock } from './code.js';
import { renderCaption, renderFigure } from './image.js';
import { addNestedBookmark } from './bookmarks.js';
import { noteAsList } from './notes.js';
import { themeFont } from './fonts.js';
import { inkExtents } from './glyph-extents.js';
import { collapseSpaces } from './collapse-spaces.js';
import { trimUnderlinedLineEnds } from './link-line-ends.js';

const SKIPPED = new Set(['html', 'definition', 'yaml', 'toml']);
const HEADING_LINE_HEIGHT = 1.22;

/** True when the node prints something (raw HTML and empty paragraphs do not). */
function printable(node: RootContent): boolean {
  if (SKIPPED.has(node.type)) return false;
  if (node.type === 'paragraph') return node.data?.image === true || collectRuns(node.children).length > 0;
  if (node.type === 'heading') return plainText(node).trim() !== '';
  return true;
}

function isFallback(node: RootContent): boolean {
  return node.data?.fallback === 'fr';
}

/** Vertical space between two consecutive printed blocks. */
export function gapBetween(ctx: LayoutContext, prev: RootContent, next: RootContent, gap: number): number {
  const s = ctx.theme.spacing;
  if (next.type === 'heading') return next.depth <= 2 ? s.beforeH2 : s.beforeH3;
  if (prev.type === 'heading') return prev.depth === 1 ? s.afterTitle : prev.depth === 2 ? s.afterH2 : s.afterH3;
  return gap;
}

/** Lays out `nodes` in `col`, `gap` points apart (headings use the theme's heading spacing). */
export function renderBlocks(ctx: LayoutContext, nodes: readonly RootContent[], parent: StructParent, col: Column, gap = ctx.theme.spacing.paragraph): void {
  trimUnderlinedLineEnds(ctx.doc);
  const blocks = nodes.filter(printable);
  blocks.forEach((node, i) => {
    const prev = blocks[i - 1];
    if (isKeyFigure(node)) {
      // Consecutive key figures make one box, drawn at the first of them.
      if (prev && isKeyFigure(prev)) return;
      let end = i;
      while (end + 1 < blocks.length && isKeyFigure(blocks[end + 1]!)) end++;
      if (prev) space(ctx, gapBetween(ctx, prev, node, gap));
      renderFigureBox(ctx, blocks.slice(i, end + 1).filter(isKeyFigure), parent, col);
      return;
    }
    if (prev) space(ctx, gapBetween(ctx, prev, node, gap));
    // A few blocks ahead: enough for a chain of headings (h2, h3, h4) and the text after it.
    const following = blocks.slice(i + 1, i + 5);
    if (isFallback(node) && ctx.lang !== 'fr') renderFallback(ctx, node, parent, col, following);
    else renderBlock(ctx, node, parent, col, following);
  });
}

function renderBlock(ctx: LayoutContext, node: RootContent, parent: StructParent, col: Column, following: readonly RootContent[] = []): void {
  switch (node.type) {
    case 'heading':
      if (node.depth === 1) renderTitleBlock(ctx, plainText(node), parent);
      else renderHeading(ctx, node, parent, col, following);
      return;
    case 'paragraph':
      if (node.data?.image) renderFigure(ctx, node, parent, col);
      else if (node.data?.caption) renderCaption(ctx, node, parent, col);
      // The standfirst, under the title, is set apart in italics.
      else renderParagraph(ctx, node, parent, node.data?.standfirst ? { ...col, italic: true } : col);
      return;
    case 'list':
      renderList(ctx, node, parent, col, renderBlocks);
      return;
    case 'blockquote':
      if (node.data?.callout) renderCallout(ctx, node, parent, col, renderBlocks);
      else renderQuote(ctx, node, parent, col, renderBlocks);
      return;
    case 'footnoteDefinition':
      renderList(ctx, noteAsList(node), parent, col, renderBlocks);
      return;
    case 'thematicBreak':
      renderThematicBreak(ctx, col);
      return;
    case 'code':
    case 'math':
      renderCodeBlock(ctx, node.value, parent, col);
      return;
    case 'table':
      renderTable(ctx, node, parent, col);
      return;
    default: {
      // Tables and other extensions: printed as plain text rather than dropped.
      const text = plainText(node).trim();
      if (text) renderRuns(ctx, [{ text, style: plainStyle(col), link: null }], parent, col, 'P');
    }
  }
}

function plainStyle(col: Column): Run['style'] {
  return { bold: false, italic: col.italic === true, code: false, strike: false };
}

function renderParagraph(ctx: LayoutContext, node: Paragraph, parent: StructParent, col: Column): void {
  const runs = collectRuns(node.children, { italic: col.italic === true });
  renderRuns(ctx, hyphenateRuns(runs, ctx.hyphenate, ctx.theme.hyphenation.minWordLength), parent, col, 'P');
}

function renderRuns(ctx: LayoutContext, runs: Run[], parent: StructParent, col: Column, tag: string): void {
  if (runs.length === 0) return;
  const { doc, theme } = ctx;
  const layout = {
    x: columnX(ctx, col),
    y: doc.y,
    width: columnWidth(ctx, col),
    size: theme.sizes.body,
    color: col.color ?? theme.colors.text,
  };
  // Keep short paragraphs whole and never leave a single first line at the foot of a page (orphan).
  const height = measureRuns(ctx, runs, layout);
  const line = bodyLineHeight(ctx);
  ensureSpace(ctx, openingHeight(ctx, height));
  layout.y = doc.y;
  // Nor a single last line at the head of the next (widow): end this page one line early.
  const page = doc.page;
  const bottom = page.margins.bottom;
  if (widowed(ctx, height, layout.y)) page.margins.bottom += line;
  // Hyphenated line ends: not too many in a row, and none ending the page (its last line here).
  const lastOnPage = Math.floor((pageBottom(ctx) - layout.y - doc.currentLineHeight(true)) / line);
  const setFont = (run: Run) => void useFont(ctx, fontFor(run.style), theme.sizes.body);
  const limited = limitHyphenatedLines(doc, runs, layout.width, theme.hyphenation.maxConsecutive, setFont, lastOnPage);
  try {
    tagBlock(ctx, parent, tag, () => writeRuns(ctx, limited, layout), col.lang ? { lang: col.lang } : {});
  } finally {
    page.margins.bottom = bottom;
  }
}

/**
 * Whether a paragraph `height` tall starting at `y` would leave exactly one line on the next page
 * (and at least three here, so moving one over still leaves two). pdfkit starts a line while
 * `y + lineHeight` (without the gap) fits above the bottom margin.
 */
function widowed(ctx: LayoutContext, height: number, y: number): boolean {
  const line = bodyLineHeight(ctx);
  const lines = Math.round(height / line);
  const glyphs = ctx.doc.currentLineHeight(true);
  const fit = Math.floor((pageBottom(ctx) - y - glyphs) / line) + 1;
  return lines > fit && lines - fit === 1 && fit >= 3;
}

/**
 * Rough height of the first lines of what follows a heading (`following`, in order), for keeping
 * the heading with them. A heading right after it (h2 then h3) counts whole, with the lines after
 * that one: the chain moves to the next page together rather than leave a heading at the foot.
 */
function leadingHeight(ctx: LayoutContext, following: readonly RootContent[], col: Column): number {
  const { theme } = ctx;
  const lines = theme.spacing.keepWithNextLines * bodyLineHeight(ctx);
  const [node, ...rest] = following;
  if (!node || (node.type === 'heading' && node.depth === 1)) return 0;
  const note = isFallback(node) && ctx.lang !== 'fr' ? theme.sizes.note * 1.25 + theme.spacing.fallbackNote : 0;
  if (node.type === 'heading') {
    const before = node.depth <= 2 ? theme.spacing.beforeH2 : theme.spacing.beforeH3;
    const after = node.depth === 2 ? theme.spacing.afterH2 : theme.spacing.afterH3;
    return before + note + headingHeight(ctx, node, col) + after + leadingHeight(ctx, rest, col);
  }
  if (node.type !== 'paragraph') return note + lines;
  const runs = collectRuns(node.children);
  const layout = { x: columnX(ctx, col), y: 0, width: columnWidth(ctx, col), size: theme.sizes.body, color: '' };
  // Only the first lines count: the rest of the paragraph is left to its own render.
  const height = measureRuns(ctx, runs, layout, theme.spacing.keepWithNextLines);
  return note + Math.min(height, lines);
}

function headingText(node: Heading): string {
  return collapseSpaces(plainText(node));
}

function headingSize(ctx: LayoutContext, node: Heading): number {
  const sizes = ctx.theme.sizes;
  return node.depth === 2 ? sizes.h2 : node.depth === 3 ? sizes.h3 : sizes.h4;
}

function renderHeading(ctx: LayoutContext, node: Heading, parent: StructParent, col: Column, following: readonly RootContent[]): void {
  const { doc, theme } = ctx;
  const text = headingText(node);
  const size = headingSize(ctx, node);
  const color = node.depth === 2 ? theme.colors.accent : theme.colors.text;
  const after = node.depth === 2 ? theme.spacing.afterH2 : theme.spacing.afterH3;
  const x = columnX(ctx, col);
  const width = columnWidth(ctx, col);
  const lineGap = useFont(ctx, 'heading', size, HEADING_LINE_HEIGHT);
  const height = doc.heightOfString(text, { width, lineGap });
  ensureSpace(ctx, height + after + leadingHeight(ctx, following, col));
  const y = doc.y;
  // Sections get bookmarks, and subsections (the headings under them that carry a section id).
  if (ctx.bookmarks !== false && (node.depth === 2 || node.data?.id)) {
    // Bookmark to the heading itself (pdfkit computes left as page width minus `left`), nested by depth.
    const options = { expanded: false, top: y - 4, left: doc.page.width } as { expanded: boolean };
    addNestedBookmark(ctx.openBookmarks, ctx.outline, node.depth, text, options);
  }
  tagBlock(
    ctx,
    parent,
    `H${Math.min(node.depth, 6)}`,
    () => {
      useFont(ctx, 'heading', size, HEADING_LINE_HEIGHT);
      doc.fillColor(color);
      writeText(ctx, 'heading', text, x, y, { width, lineGap, align: 'left' });
    },
    col.lang ? { lang: col.lang } : {},
  );
  doc.x = ctx.left;
}

function renderThematicBreak(ctx: LayoutContext, col: Column): void {
  const { theme } = ctx;
  ensureSpace(ctx, 2 * theme.spacing.thematicBreak + bodyLineHeight(ctx));
  space(ctx, theme.spacing.thematicBreak);
  horizontalRule(ctx, col, theme.rules.thematicBreak, theme.colors.rule);
  ctx.doc.y += theme.spacing.thematicBreak;
}

/**
 * A block shown in French in another edition: a small note above it and a bar beside both, one
 * note per block (a heading's too, so a note always sits right before its own block and two
 * identical notes never follow each other). The title has its own (./title-block.ts).
 */
function renderFallback(ctx: LayoutContext, node: RootContent, parent: StructParent, col: Column, following: readonly RootContent[]): void {
  const { doc, theme } = ctx;
  const reason = node.data?.fallbackReason;
  if (node.type === 'heading' && node.depth === 1) {
    renderTitleBlock(ctx, plainText(node), parent, reason ?? 'missing');
    return;
  }
  const inner: Column = { ...col, indent: col.indent + theme.spacing.fallbackIndent, lang: 'fr' };
  const note = fallbackNote(ctx.t, reason);
  const noteGap = useFont(ctx, 'sansItalic', theme.sizes.note, 1.25);
  const noteHeight = doc.heightOfString(note, { width: columnWidth(ctx, inner), lineGap: noteGap });
  // Keep the note with the start of its block; a heading's, with the heading and what follows it.
  const start =
    node.type === 'heading' ? headingHeight(ctx, node, inner) + leadingHeight(ctx, following, inner) : leadingHeight(ctx, [{ ...node, data: {} }], inner);
  ensureSpace(ctx, noteHeight + theme.spacing.fallbackNote + start);
  // The bar stops at the block's last line of ink, not at the line gap under it.
  const trim = node.type === 'heading' ? headingInkTrim(ctx, node) : ctx.bodyLineGap;
  const bar = { x: columnX(ctx, col), width: theme.rules.fallback, color: theme.colors.fallback, trim };
  withLeftBar(ctx, bar, () => {
    const y = doc.y;
    tagBlock(ctx, parent, 'Note', () => {
      useFont(ctx, 'sansItalic', theme.sizes.note, 1.25);
      doc.fillColor(theme.colors.fallback).text(note, columnX(ctx, inner), y, {
        width: columnWidth(ctx, inner),
        lineGap: noteGap,
        align: 'left',
      });
    });
    doc.y += theme.spacing.fallbackNote;
    renderBlock(ctx, node, parent, inner, following);
  });
}

/** Height of a heading's lines (without the space after it). */
function headingHeight(ctx: LayoutContext, node: Heading, col: Column): number {
  const lineGap = useFont(ctx, 'heading', headingSize(ctx, node), HEADING_LINE_HEIGHT);
  return ctx.doc.heightOfString(headingText(node), { width: columnWidth(ctx, col), lineGap });
}

/** From the bottom of a heading's last line box (gap included) up to its letters' lowest ink. */
function headingInkTrim(ctx: LayoutContext, node: Heading): number {
  const size = headingSize(ctx, node);
  const lineGap = useFont(ctx, 'heading', size, HEADING_LINE_HEIGHT);
  const ink = inkExtents(themeFont(ctx.theme, 'heading'), headingText(node), size);
  return ctx.doc.currentLineHeight(true) + lineGap - ink.baseline - ink.descent;
}
