/**
 * The bilingual PDF: French on the left, English on the right, one pair of blocks at a time.
 * Each pair starts level: the first column is set, then the second from the same page and height;
 * a pair longer than the page continues on the next page in both columns (the second column
 * reuses the pages the first one added). The next pair starts below the longer of the two.
 * Each column is a `Div` with its own `Lang` in the structure tree, read first then second, and
 * pdftotext reads the columns one after the other.
 */
import { addNestedBookmark, type OpenBookmark } from './bookmarks.js';
import type { RootContent } from 'mdast';
import path from 'node:path';
import { toString as plainText } from 'mdast-util-to-string';
import type { BriefingDocument } from '../../core/types.js';
import { isKeyFigure } from '../../core/node-data.js';
import { pairBlocks, type BlockPair } from '../bilingual/pairs.js';
import { gapBetween, renderBlocks } from './blocks.js';
import { blockOpening } from './containers.js';
import { bodyLineHeight, ensureSpace, KEPT_WHOLE_LINES, openingHeight, pageIndex, space, useFont, type LayoutContext } from './layout.js';
import { closePdf, openPdf, type RenderPdfOptions } from './index.js';
import { BUILTIN_TEMPLATES } from '../../core/paths.js';
import { endGroup, tagGroup, type StructParent } from './tagging.js';
import { dateline } from '../dateline.js';
import { hyphenatorFor, type Hyphenator } from './hyphenation.js';
import { linesHeight } from './height-memo.js';

interface ColumnSide {
  ctx: LayoutContext;
  node: (pair: BlockPair) => RootContent;
}

export async function renderBilingualPdf(source: BriefingDocument, target: BriefingDocument, options: RenderPdfOptions): Promise<Buffer> {
  const pairs = pairBlocks(source, target, path.join(options.templatesDir ?? BUILTIN_TEMPLATES, 'briefing.md.hbs'));
  const session = openPdf(
    {
      title: `${source.title} · ${target.title}`,
      lang: source.lang,
      // Page furniture speaks both languages: "Page 1 sur 2 · Page 1 of 2".
      t: (key, vars) => (key === 'page' ? `${source.t(key, vars)} · ${target.t(key, vars)}` : source.t(key, vars)),
      date: source.date,
      ...(source.authors ? { authors: source.authors } : {}),
      ...(source.mark || target.mark ? { mark: [source.mark, target.mark].filter(Boolean).join(' · ') } : {}),
    },
    options,
  );
  const { pdf, ctx, root } = session;
  // Narrow columns leave long gaps at the line ends: hyphenation is on there unless the theme says not.
  const hyphenators = new Map<string, Hyphenator | undefined>();
  for (const lang of [source.lang, target.lang]) hyphenators.set(lang, await hyphenatorFor(pdf, ctx.theme, 'bilingual', lang));
  const hyphenation = (lang: string): { hyphenate?: Hyphenator } => {
    const hyphenate = hyphenators.get(lang);
    return hyphenate ? { hyphenate } : {};
  };
  const gap = ctx.theme.spacing.columnGap;
  const width = (ctx.width - gap) / 2;
  const side = (doc: BriefingDocument, left: number, node: ColumnSide['node']): ColumnSide => ({
    ctx: {
      ...ctx,
      left,
      width,
      lang: doc.lang,
      t: doc.t,
      title: doc.title,
      dateline: dateline(doc),
      ...(doc.readingMinutes ? { readingMinutes: doc.readingMinutes } : {}),
      bookmarks: false,
      compact: true,
      ...hyphenation(doc.lang),
    },
    node,
  });
  const sides = [side(source, ctx.left, (p) => p.source), side(target, ctx.left + width + gap, (p) => p.target)] as const;
  const top = pdf.outline.addItem(`${source.title} / ${target.title}`, { expanded: true });
  const openBookmarks: OpenBookmark[] = [];

  pairs.forEach((pair, i) => {
    const prev = pairs[i - 1];
    if (prev) space(ctx, gapBetween(ctx, prev.source, pair.source, ctx.theme.spacing.paragraph));
    ensureSpace(ctx, Math.max(...sides.map((s) => runStartHeight(s, pairs, i))));
    if (pair.id && pair.source.type === 'heading') {
      const options = { expanded: false, top: pdf.y - 4, left: pdf.page.width } as { expanded: boolean };
      addNestedBookmark(openBookmarks, top, pair.source.depth, `${plainText(pair.source)} / ${plainText(pair.target)}`, options);
    }
    const group = tagGroup(ctx, root, 'Div');
    const start = { page: pageIndex(pdf), y: pdf.y };
    const ends = sides.map((s, column) => {
      pdf.switchToPage(start.page);
      pdf.y = start.y;
      const draw = () => renderColumn(s, pair, group);
      if (column === 0) draw();
      else reusingPages(pdf, draw);
      return { page: pageIndex(pdf), y: pdf.y };
    });
    endGroup(group);
    const page = Math.max(...ends.map((e) => e.page));
    pdf.switchToPage(page);
    pdf.y = Math.max(...ends.filter((e) => e.page === page).map((e) => e.y));
    pdf.x = ctx.left;
  });
  return closePdf(session);
}

function renderColumn(side: ColumnSide, pair: BlockPair, group: StructParent): void {
  const column = tagGroup(side.ctx, group, 'Div', { lang: side.ctx.lang });
  renderBlocks(side.ctx, [side.node(pair)], column, { indent: 0, lang: side.ctx.lang });
  endGroup(column);
}

/**
 * Runs `draw` with pdfkit's page breaks going to the page after the current one when it exists
 * (the first column already added it), and to a new page only past the last.
 */
function reusingPages(pdf: PDFKit.PDFDocument, draw: () => void): void {
  const own = pdf.addPage;
  const patched = pdf as unknown as { addPage: typeof pdf.addPage };
  patched.addPage = function (this: PDFKit.PDFDocument, options?: PDFKit.PDFDocumentOptions) {
    const next = pageIndex(pdf) + 1;
    const range = pdf.bufferedPageRange();
    if (next >= range.start + range.count) return own.call(pdf, options);
    pdf.switchToPage(next);
    pdf.x = pdf.page.margins.left;
    pdf.y = pdf.page.margins.top;
    pdf.emit('pageAdded');
    return pdf;
  };
  try {
    draw();
  } finally {
    delete (patched as { addPage?: unknown }).addPage;
  }
}

/**
 * Room pair `i` needs in side `s` at the foot of a page: a heading followed by a heading (a section
 * opening on a subsection) keeps with it and the lines after it, so it is never left alone there.
 */
function runStartHeight(s: ColumnSide, pairs: readonly BlockPair[], i: number): number {
  const node = s.node(pairs[i]!);
  const following = pairs[i + 1];
  const next = following && s.node(following);
  if (node.type !== 'heading' || node.depth === 1 || next?.type !== 'heading') return startHeight(s.ctx, node);
  const ownLines = s.ctx.theme.spacing.keepWithNextLines * bodyLineHeight(s.ctx);
  return startHeight(s.ctx, node) - ownLines + runStartHeight(s, pairs, i + 1);
}

/**
 * Room a block needs at the foot of a page before it may start there, so both columns of a pair
 * make the same choice: a heading with three lines after it, a short paragraph whole, otherwise
 * two lines; a list its first item's opening lines; a title block whole.
 */
function startHeight(ctx: LayoutContext, node: RootContent): number {
  const { doc, theme } = ctx;
  const line = bodyLineHeight(ctx);
  if (node.type === 'heading') {
    if (node.depth === 1) return theme.sizes.title * 4 + theme.spacing.afterTitle;
    const lineGap = useFont(ctx, 'heading', node.depth === 2 ? theme.sizes.h2 : theme.sizes.h3);
    return doc.heightOfString(plainText(node), { width: ctx.width, lineGap }) + theme.spacing.afterH2 + theme.spacing.keepWithNextLines * line;
  }
  const lineGap = useFont(ctx, 'body', theme.sizes.body);
  const text = plainText(node);
  if (isKeyFigure(node)) return doc.heightOfString(text, { width: ctx.width, lineGap }) + theme.sizes.figure * 2 + 2 * theme.spacing.figurePadding;
  // `openingHeight` only compares with KEPT_WHOLE_LINES lines: the first lines decide (first-lines.ts).
  const height = linesHeight(doc, text, { width: ctx.width, lineGap }, KEPT_WHOLE_LINES);
  // A list also needs its first item's opening lines, as containers.ts decides in each column.
  if (node.type === 'list') return Math.max(openingHeight(ctx, height), blockOpening(ctx, node.children[0]?.children[0], { indent: theme.spacing.listIndent }));
  return openingHeight(ctx, height);
}
