/** The bilingual edition of an article (`<slug>.fr-en.html|pdf`) from its two laid-out documents. */
import path from 'node:path';
import { BILINGUAL_FORMATS, type Briefing, type BriefingDocument, type Format } from '../core/types.js';
import { renderBilingualHtml } from '../render/html/bilingual.js';
import { renderBilingualPdf } from '../render/pdf/bilingual.js';
import { mismatchedUnit, pairBlocks, PairingError } from '../render/bilingual/pairs.js';
import type { ArticleStatus } from '../translate/types.js';
import type { RenderedFile } from './render-edition.js';
import { webAddress, type EditionSet } from '../render/html/edition-links.js';

export interface BilingualOptions {
  formats: readonly Format[];
  templatesDir: string;
  creationDate: Date;
  /** The article's published editions, which the page links to. */
  editions?: EditionSet;
}

/** One language of the bilingual edition: its laid-out document and the briefing it came from. */
export interface BilingualSide {
  doc: BriefingDocument;
  briefing: Briefing;
}

/** The translated side also has its status: where each translation is in its locale file. */
export interface TranslatedSide extends BilingualSide {
  status?: ArticleStatus;
}

/** `<slug>.fr-en.<ext>`: the source language first, as on the page. */
function bilingualName(slug: string, source: BriefingDocument, target: BriefingDocument, format: Format): string {
  return `${slug}.${source.lang}-${target.lang}.${format}`;
}

/** @throws PairingError at the translation or template that keeps the two editions from pairing. */
export async function renderBilingualEdition(source: BilingualSide, target: TranslatedSide, options: BilingualOptions): Promise<RenderedFile[]> {
  checkPairing(source, target, options.templatesDir);
  const files: RenderedFile[] = [];
  for (const format of options.formats.filter((f) => BILINGUAL_FORMATS.includes(f))) {
    const start = performance.now();
    const data =
      format === 'html'
        ? renderBilingualHtml(source.doc, target.doc, {
            templatesDir: options.templatesDir,
            ...(options.editions ? { editions: options.editions } : {}),
          })
        : await renderBilingualPdf(source.doc, target.doc, {
            creationDate: options.creationDate,
            templatesDir: options.templatesDir,
            ...(webAddress(options.editions, { kind: 'bilingual' }) ? { webAddress: webAddress(options.editions, { kind: 'bilingual' })! } : {}),
          });
    files.push({ format, name: bilingualName(source.doc.slug, source.doc, target.doc, format), data, ms: performance.now() - start });
  }
  return files;
}

/**
 * The renderers refuse editions that do not pair, naming the content template. When a
 * translation is the cause (its blocks differ from the French), say so at its key instead.
 */
function checkPairing(source: BilingualSide, target: TranslatedSide, templatesDir: string): void {
  try {
    pairBlocks(source.doc, target.doc, path.join(templatesDir, 'briefing.md.hbs'));
  } catch (error) {
    const mismatch = error instanceof PairingError && target.status ? mismatchedUnit(source.briefing, target.briefing) : undefined;
    if (!mismatch || !target.status) throw error;
    const place = target.status.units.find((unit) => unit.key === mismatch.key)?.place;
    throw new PairingError(target.status.file, { cause: 'translation', ...mismatch }, place);
  }
}
