/**
 * PDF renderer: lays out a BriefingDocument's mdast tree with pdfkit on A4 pages, using the
 * theme in `templates/pdf/theme.json` and DejaVu fonts. Output is deterministic: identical
 * input and `creationDate` give identical bytes (pdfkit derives the file ID from the info
 * dictionary, and nothing else in the file depends on the clock).
 */
import PDFDocument from 'pdfkit';
import { BUILTIN_TEMPLATES } from '../../core/paths.js';
import { loadLogo } from '../logo.js';
import { limits } from '../../core/limits.js';
import type { BriefingDocument } from '../../core/types.js';
import { renderBlocks } from './blocks.js';
import { registerFonts } from './fonts.js';
import { memoizeDeflate } from './deflate-memo.js';
import { batchDocumentWrites } from './document-writes.js';
import { packObjectStreams } from './object-streams.js';
import { shareShaping } from './shaping-cache.js';
import { memoiseHeights } from './height-memo.js';
import { useFont, type LayoutContext } from './layout.js';
import { addPageFurniture } from './page-furniture.js';
import type { StructParent } from './tagging.js';
import { loadPdfTheme, type PdfTheme } from './theme.js';
import { dateline } from '../dateline.js';
import { hyphenatorFor } from './hyphenation.js';
import { renderTitleBlock } from './title-block.js';

export { loadPdfTheme, PdfThemeError } from './theme.js';

export interface RenderPdfOptions {
  /** Theme to use; read from `<templatesDir>/pdf/theme.json` when absent. */
  theme?: PdfTheme;
  /** Written as CreationDate and ModDate (and so determines the file ID). */
  creationDate: Date;
  /** Templates folder holding `pdf/theme.json`; defaults to the package's own `templates/`. */
  templatesDir?: string;
  /** Emit a tagged PDF (structure tree, artifacts); on by default. */
  tagged?: boolean;
  /** Absolute address of the edition's HTML page, linked under the title (only with a site address). */
  webAddress?: string;
}

export async function renderPdf(doc: BriefingDocument, options: RenderPdfOptions): Promise<Buffer> {
  const session = openPdf(doc, options);
  const { pdf, ctx, root } = session;
  const hyphenate = await hyphenatorFor(pdf, ctx.theme, 'single', doc.lang);
  if (hyphenate) ctx.hyphenate = hyphenate;
  const hasTitle = doc.tree.children.some((node) => node.type === 'heading' && node.depth === 1);
  if (!hasTitle) {
    renderTitleBlock(ctx, doc.title, root);
    pdf.y += ctx.theme.spacing.afterTitle;
  }
  renderBlocks(ctx, doc.tree.children, root, { indent: 0 });
  return closePdf(session);
}

/** An open pdfkit document with its layout context and structure root. */
export interface PdfSession {
  pdf: PDFKit.PDFDocument;
  ctx: LayoutContext;
  root: StructParent;
  done: Promise<Buffer>;
}

/** What the document-level settings are taken from (metadata, page furniture, language). */
export type PdfMeta = Pick<BriefingDocument, 'title' | 'lang' | 't' | 'date' | 'readingMinutes'> &
  Partial<Pick<BriefingDocument, 'authors' | 'published' | 'updated' | 'mark'>>;

export function openPdf(meta: PdfMeta, options: RenderPdfOptions): PdfSession {
  if (!(options.creationDate instanceof Date) || Number.isNaN(options.creationDate.getTime())) {
    throw new TypeError('renderPdf: options.creationDate must be a valid Date');
  }
  const templatesDir = options.templatesDir ?? BUILTIN_TEMPLATES;
  const theme = options.theme ?? loadPdfTheme(templatesDir);
  const logo = loadLogo(templatesDir);
  const tagged = options.tagged ?? true;
  const pdf = new PDFDocument({
    size: theme.page.size,
    margins: { ...theme.page.margins },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged,
    lang: meta.lang,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica; every text call picks a theme font.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Author: meta.authors?.length ? meta.authors.join(', ') : 'Briefing',
      Creator: 'Briefing',
      Producer: 'Briefing',
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
  // Each nested quote or fallback bar listens for new pages while it is drawn (layout.ts
  // withLeftBar): up to `nestingDepth` at once, beyond Node's default warning threshold of 10.
  pdf.setMaxListeners(limits().nestingDepth * 2 + 10);
  // pdfkit pushes the whole file synchronously in `end()` (~400 chunks for the seed); read on
  // 'readable', the stream hands them over in one buffer instead of one 'data' event each.
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('readable', () => {
      for (let chunk: Buffer | null = pdf.read(); chunk !== null; chunk = pdf.read()) chunks.push(chunk);
    });
    pdf.on('end', () => resolve(packObjectStreams(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });

  memoizeDeflate(pdf);
  batchDocumentWrites(pdf);
  registerFonts(pdf, theme);
  shareShaping(pdf);
  memoiseHeights(pdf);
  const ctx: LayoutContext = {
    doc: pdf,
    theme,
    t: meta.t,
    lang: meta.lang,
    title: meta.title,
    dateline: dateline(meta),
    ...(meta.readingMinutes ? { readingMinutes: meta.readingMinutes } : {}),
    tagged,
    left: pdf.page.margins.left,
    width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right,
    bodyLineGap: 0,
    outline: pdf.outline,
    openBookmarks: [],
    ...(logo ? { logo: logo.data } : {}),
    ...(meta.mark ? { mark: meta.mark } : {}),
    ...(options.webAddress ? { webAddress: options.webAddress } : {}),
  };
  ctx.bodyLineGap = useFont(ctx, 'body', theme.sizes.body);

  let root: StructParent = null;
  if (tagged) {
    root = pdf.struct('Document', { lang: meta.lang });
    pdf.addStructure(root);
  }
  return { pdf, ctx, root, done };
}

/** Closes the structure tree, adds headers and footers, and returns the file's bytes. */
export function closePdf(session: PdfSession): Promise<Buffer> {
  session.root?.end();
  addPageFurniture(session.ctx);
  session.pdf.end();
  return session.done;
}
