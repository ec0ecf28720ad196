/** The bilingual edition of an article (`<slug>.fr-en.html|pdf`) from its two laid-out documents. */
import { BILINGUAL_FORMATS, type BriefingDocument, type Format } from '../core/types.js';
import { renderBilingualHtml } from '../render/html/bilingual.js';
import { renderBilingualPdf } from '../render/pdf/bilingual.js';
import type { RenderedFile } from './render-edition.js';


export interface BilingualOptions {
  formats: readonly Format[];
  templatesDir: string;
  creationDate: Date;
}

/** `<slug>.fr-en.<ext>`: the source language first, as on the page. */
export function bilingualName(slug: string, source: BriefingDocument, target: BriefingDocument, format: Format): string {
  return `${slug}.${source.lang}-${target.lang}.${format}`;
}

export async function renderBilingualEdition(source: BriefingDocument, target: BriefingDocument, options: BilingualOptions): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const format of options.formats.filter((f) => BILINGUAL_FORMATS.includes(f))) {
    const start = performance.now();
    const data =
      format === 'html'
        ? renderBilingualHtml(source, target, { templatesDir: options.templatesDir })
        : await renderBilingualPdf(source, target, { creationDate: options.creationDate, templatesDir: options.templatesDir });
    files.push({ format, name: bilingualName(source.slug, source, target, format), data, ms: performance.now() - start });
  }
  return files;
}
