/**
 * Renders one served file from the project's current files, in memory, through the same entry as
 * `briefing build` (src/pipeline/render-article.ts, on a worker thread of the service's pool): a
 * one-article task that asks for just that file. Content problems come back as diagnostics (the
 * preview shows them over the last good page), never as exceptions; so does an article stopped
 * over its time budget or out of memory.
 */
import { diagnosticKey, ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { LANGS, SOURCE_LANG, type Format, type Lang, type OutputKind } from '../core/types.js';
import type { SourceFile } from '../project/sources.js';
import { commonLocales } from '../project/locales.js';
import type { ArticleResult, ArticleTask, EditionPlan } from '../pipeline/article-task.js';

export interface RenderRequest {
  paths: ProjectPaths;
  /** The site's address (`--base-url`). */
  baseUrl?: string;
  source: SourceFile;
  lang: Lang;
  format: Format;
  /** The build clock: shown as the date (unless the article has one) and embedded in PDFs. */
  now: Date;
  /** Renders the task off the event loop (the pool); a stopped render resolves to its diagnostic. */
  renderArticle: (task: ArticleTask) => Promise<ArticleResult>;
}

export type RenderOutcome = { ok: true; data: Buffer } | { ok: false; diagnostics: Diagnostic[] };

/** `<slug>.<lang>.<md|html|pdf>`: one format of one language edition. */
export function renderEditionFile(request: RenderRequest): Promise<RenderOutcome> {
  return renderOne(request, 'briefing', [{ lang: request.lang, formats: [request.format], review: false }]);
}

/** `<slug>.fr-en.<html|pdf>`: the bilingual edition, from the two laid-out documents. */
export function renderBilingualFile(request: RenderRequest): Promise<RenderOutcome> {
  const editions = LANGS.map((lang): EditionPlan => ({ lang, formats: [], review: false, document: true }));
  return renderOne(request, 'bilingual', editions, [request.format]);
}

/** `<slug>.review.html`: the translators' review page of a translated edition. */
export async function renderReviewFile(request: RenderRequest): Promise<RenderOutcome> {
  if (request.lang === SOURCE_LANG) return { ok: false, diagnostics: [ruleDiagnostic('briefing:no-review', request.source.file, {})] };
  return renderOne(request, 'review', [{ lang: request.lang, formats: [], review: true }]);
}

/**
 * Renders the article for `editions` (coverage is not enforced: a preview shows every edition)
 * and returns the one file of `kind`, or the errors that prevented it.
 */
async function renderOne(request: RenderRequest, kind: OutputKind, editions: EditionPlan[], bilingual?: Format[]): Promise<RenderOutcome> {
  const { paths, source, now, baseUrl } = request;
  const task: ArticleTask = {
    paths,
    source,
    nowMs: now.getTime(),
    minCoverage: 0,
    // The preview renders the same article at every save: its parse is kept when its text is unchanged.
    reuseParse: true,
    editions,
    ...(bilingual ? { bilingual } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
  };
  const result = await request.renderArticle(task);
  const file = result.editions.flatMap((edition) => edition.files).find((f) => f.kind === kind);
  if (file) return { ok: true, data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength) };
  // Read afresh: the cache above keys renders by the bytes of these files.
  const common = commonLocales(paths);
  const commonErrors = await Promise.all(editions.map(async ({ lang }) => (await common(lang)).diagnostics));
  return { ok: false, diagnostics: errorsOf(result, commonErrors.flat()) };
}

/** The errors of a render that produced no file, each once (common locale files first). */
function errorsOf(result: ArticleResult, common: readonly Diagnostic[]): Diagnostic[] {
  const all = [...common, ...result.diagnostics, ...result.editions.flatMap((edition) => edition.diagnostics)];
  const seen = new Set<string>();
  return all.filter((d) => {
    const key = diagnosticKey(d);
    if (d.severity !== 'error' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
