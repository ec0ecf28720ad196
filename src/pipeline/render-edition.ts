/**
 * Renders one language edition of one article into in-memory files (no disk access). Each format's
 * renderer is imported when a format asks for it (the bundle's chunks): a PDF-only build does not
 * load the HTML renderer (hast, sanitizer, serialiser), an HTML-only one does not load pdfkit.
 */
import type { Article, Briefing, BriefingDocument, Format, Lang } from '../core/types.js';
import type { i18n } from 'i18next';
import { localize } from '../localize/index.js';
import { collectBetweenStages } from '../core/stage-gc.js';
import { buildDocument, renderMarkdown } from '../render/markdown/index.js';
import type { KeyStatus } from '../translate/types.js';
import { attachImages, type ImageAssets } from './images.js';
import { webAddress, type EditionSet } from '../render/html/edition-links.js';

export interface RenderedFile {
  format: Format;
  /** File name inside `output/<slug>/`: `<slug>.<lang>.<ext>`. */
  name: string;
  data: string | Buffer;
  ms: number;
}

export interface EditionResult {
  lang: Lang;
  /** Title of the edition, plain text. */
  title: string;
  files: RenderedFile[];
  /** Keys shown in French because the translation is missing. */
  fallbacks: string[];
  /** The laid-out document, for editions that combine languages (the bilingual edition). */
  doc: BriefingDocument;
  /** The localized briefing it was laid out from (the bilingual edition checks its units pair). */
  briefing: Briefing;
}

export interface EditionOptions {
  formats: readonly Format[];
  templatesDir: string;
  /** Day shown on the briefing (ISO). */
  date: string;
  /** Embedded in the PDF (CreationDate/ModDate). */
  creationDate: Date;
  /** Translation status per key (translated editions): stale units are shown in French. */
  statuses?: ReadonlyMap<string, KeyStatus>;
  /** Keys whose translation is not valid: shown in French like a missing one, marked `invalid`. */
  invalid?: ReadonlySet<string>;
  /** The site's address (`--base-url`), for articles without their own. */
  baseUrl?: string;
  /** The article's local images that can be embedded (./images.ts), by address. */
  images?: ImageAssets;
  /** The preview mark of a draft or embargoed edition (./preview-mark.ts). */
  mark?: string;
  /** The article's published editions, which the HTML page links to (none: a page on its own). */
  editions?: EditionSet;
  /** Characters of the article's text: a large article's render collects its garbage between stages (core/stage-gc.ts). */
  inputChars?: number;
}

export async function renderEdition(article: Article, lang: Lang, i18n: i18n, options: EditionOptions): Promise<EditionResult> {
  const briefing = localize(article, lang, i18n, options.statuses, options.invalid);
  const doc = buildDocument(briefing, {
    templatesDir: options.templatesDir,
    date: options.date,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  });
  if (options.mark !== undefined) doc.mark = options.mark;
  // The template output's parse and typography are garbage now.
  collectBetweenStages(options.inputChars ?? 0);
  attachImages(doc.tree, options.images ?? new Map(), article.meta.url);
  const files: RenderedFile[] = [];
  const web = webAddress(options.editions, { kind: 'edition', lang });
  // Loaded before the clock starts: a file's `ms` is its render, not the module's first load.
  const html = options.formats.includes('html') ? await import('../render/html/index.js') : undefined;
  const pdf = options.formats.includes('pdf') ? await import('../render/pdf/index.js') : undefined;
  for (const format of options.formats) {
    const start = performance.now();
    const data =
      format === 'md'
        ? renderMarkdown(doc)
        : format === 'html'
          ? html!.renderHtml(doc, { templatesDir: options.templatesDir, ...(options.editions ? { editions: options.editions } : {}) })
          : await pdf!.renderPdf(doc, { creationDate: options.creationDate, templatesDir: options.templatesDir, ...(web ? { webAddress: web } : {}) });
    files.push({ format, name: `${article.slug}.${lang}.${format}`, data, ms: performance.now() - start });
  }
  return { lang, title: doc.title, files, fallbacks: briefing.fallbacks, doc, briefing };
}
