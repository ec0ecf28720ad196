/** The layout context shared by the PDF block renderers: the document, theme, column and what the title block shows. */
import type { BriefingDocument, Lang } from '../../core/types.js';
import type { PdfTheme } from './theme.js';
import type { OpenBookmark } from './bookmarks.js';
import type { Dateline } from '../dateline.js';

export interface LayoutContext {
  doc: PDFKit.PDFDocument;
  theme: PdfTheme;
  t: BriefingDocument['t'];
  lang: Lang;
  /** Title (running header) and the line under it (authors, date). */
  title: string;
  dateline: Dateline;
  /** Reading-time estimate in minutes, if any. */
  readingMinutes?: number;
  tagged: boolean;
  /** Left edge and width of the text column (page margins applied). */
  left: number;
  width: number;
  /** Extra space below the last line of a body-text block (half-leading), for bar trimming. */
  bodyLineGap: number;
  /** Outline node section bookmarks go under (the title's item, or the root). */
  outline: PDFKit.PDFOutline;
  /** Section bookmarks still open, so subsections nest under them (./bookmarks.ts). */
  openBookmarks: OpenBookmark[];
  /** Whether headings add bookmarks (default true; the bilingual edition adds one per pair itself). */
  bookmarks?: boolean;
  /**
   * Narrow columns (the bilingual edition): a smaller title, and key figures set at text size so
   * each value and its label stay one block for text extraction.
   */
  compact?: boolean;
  /** The team's logo (templates/logo.png), drawn at the top right of the title block. */
  logo?: Buffer;
  /** The preview mark of a draft or embargoed edition, drawn in the header band of every page. */
  mark?: string;
  /** The address of this edition's HTML page (with `--base-url`): a link under the title block. */
  webAddress?: string;
  /** Hyphenates body paragraphs and list items when the theme turns it on for this edition (./hyphenation.ts). */
  hyphenate?: (word: string) => string;
}

/**
 * Where and how a run of blocks is set: `indent` points from the column's left edge, with
 * optional text colour, italics and language (for structure elements) inherited by children.
 */
export interface Column {
  indent: number;
  color?: string;
  italic?: boolean;
  lang?: string;
  /** Nesting depth of lists (alternates bullet shapes). */
  listLevel?: number;
}
