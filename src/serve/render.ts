/**
 * Renders one served file from the project's current files, in memory. Content problems come
 * back as diagnostics (the preview shows them over the last good page), never as exceptions.
 */
import { ruleDiagnostic, hasErrors, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { isoDate } from '../core/clock.js';
import { LANGS, SOURCE_LANG, type Article, type Format, type Lang } from '../core/types.js';
import { parseArticle } from '../parse/index.js';
import { COMMON_NS } from '../i18n/instance.js';
import { readLocale, readSource, type SourceFile } from '../project/sources.js';
import { prepareEdition, type PreparedEdition } from '../pipeline/prepare-edition.js';
import { renderEdition } from '../pipeline/render-edition.js';
import { renderReviewPage } from '../pipeline/render-review-page.js';
import { renderErrorDiagnostic as errorDiagnostic } from '../pipeline/render-error.js';
import { renderBilingualEdition, type TranslatedSide } from '../pipeline/render-bilingual.js';

export interface RenderRequest {
  paths: ProjectPaths;
  source: SourceFile;
  lang: Lang;
  format: Format;
  /** The build clock: shown as the date (unless the article has one) and embedded in PDFs. */
  now: Date;
}

export type RenderOutcome = { ok: true; data: Buffer } | { ok: false; diagnostics: Diagnostic[] };

/** `<slug>.<lang>.<md|html|pdf>`: one format of one language edition. */
export async function renderEditionFile(request: RenderRequest): Promise<RenderOutcome> {
  return withEdition(request, async (article, prepared) => {
    const data = (await layOut(request, article, prepared, [request.format])).files[0]!.data;
    return { ok: true, data: typeof data === 'string' ? Buffer.from(data) : data };
  });
}

/** `<slug>.fr-en.<html|pdf>`: the bilingual edition, from the two laid-out documents. */
export async function renderBilingualFile(request: RenderRequest): Promise<RenderOutcome> {
  const sides: TranslatedSide[] = [];
  let articlePath = request.source.file;
  for (const lang of LANGS) {
    const outcome = await withEdition({ ...request, lang }, async (article, prepared) => {
      articlePath = article.path;
      sides.push({ ...(await layOut({ ...request, lang }, article, prepared, [])), ...(prepared.status ? { status: prepared.status } : {}) });
      return { ok: true, data: Buffer.alloc(0) };
    });
    if (!outcome.ok) return outcome;
  }
  const source = sides.find((side) => side.doc.lang === SOURCE_LANG)!;
  const target = sides.find((side) => side.doc.lang !== SOURCE_LANG)!;
  try {
    const [file] = await renderBilingualEdition(source, target, { formats: [request.format], templatesDir: request.paths.templates, creationDate: request.now });
    const data = file!.data;
    return { ok: true, data: typeof data === 'string' ? Buffer.from(data) : data };
  } catch (error) {
    return failed(errorDiagnostic(error, request.paths, articlePath));
  }
}

/** One edition laid out (and rendered in `formats`) with the request's clock and templates. */
function layOut(request: RenderRequest, article: Article, prepared: PreparedEdition, formats: Format[]) {
  return renderEdition(article, request.lang, prepared.i18n, {
    formats,
    templatesDir: request.paths.templates,
    date: article.meta.date ?? isoDate(request.now),
    creationDate: request.now,
    ...(prepared.statuses ? { statuses: prepared.statuses } : {}),
  });
}

/** `<slug>.review.html`: the translators' review page of a translated edition. */
export async function renderReviewFile(request: RenderRequest): Promise<RenderOutcome> {
  return withEdition(request, async (article, prepared) => {
    if (!prepared.status) return failed(ruleDiagnostic('briefing:no-review', article.path, {}));
    const review = renderReviewPage(article, prepared.status, prepared.i18n, request.paths.templates);
    if (review instanceof Error) throw review;
    return { ok: true, data: Buffer.from(review.html) };
  });
}

/** Parses the article and reads its translation; renders only if nothing has an error. */
async function withEdition(request: RenderRequest, render: (article: Article, prepared: PreparedEdition) => Promise<RenderOutcome>): Promise<RenderOutcome> {
  const { paths, source, lang } = request;
  const read = await readSource(source);
  if (read.text === undefined) return failed(...read.diagnostics);
  const parsed = parseArticle(read.text, source.file, source.slug);
  if (hasErrors(parsed.diagnostics)) return failed(...parsed.diagnostics);
  const common = await readLocale(paths, lang, COMMON_NS, true);
  const prepared = await prepareEdition(paths, parsed.article, lang, common);
  if (!prepared.ok) return failed(...common.diagnostics, ...prepared.diagnostics);
  try {
    return await render(parsed.article, prepared);
  } catch (error) {
    return failed(errorDiagnostic(error, paths, parsed.article.path));
  }
}

function failed(...diagnostics: Diagnostic[]): RenderOutcome {
  return { ok: false, diagnostics: diagnostics.filter((d) => d.severity === 'error') };
}
