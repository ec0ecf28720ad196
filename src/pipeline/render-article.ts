/**
 * One article's share of a build: parse it once, then for each language edition asked for, read
 * its translation, check coverage and render the formats (and review page) that need it — all in
 * memory. Touches no output file: the result carries the bytes, and the main thread writes them.
 * The same function runs in-process or on a worker of the pool (src/publish/worker.ts), so its task
 * and result are plain data.
 */
import { toString as plainText } from 'mdast-util-to-string';
import type { Article, Format, Lang } from '../core/types.js';
import { LANGS, SOURCE_LANG } from '../core/types.js';
import { hasErrors, type Diagnostic } from '../core/errors.js';
import { coverageDiagnostic } from '../translate/diagnostics.js';
import { isoDate } from '../core/clock.js';
import { parseMarkdown } from '../core/markdown.js';
import { parseArticle } from '../parse/index.js';
import { parseArticleReused } from '../parse/reused.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { TemplateError } from '../render/templates.js';
import { prepareEdition, type PreparedEdition } from './prepare-edition.js';
import { editionSet } from './edition-set.js';
import type { EditionSet } from '../render/html/edition-links.js';
import { renderErrorDiagnostic as errorDiagnostic } from './render-error.js';
import { articleFailed } from './article-task.js';
import type { ArticleResult, ArticleTask, BuiltFile, EditionOutcome, EditionPlan } from './article-task.js';
import type { BilingualSide } from './render-bilingual.js';
import { renderEdition } from './render-edition.js';
import { glyphWarnings } from './glyph-warnings.js';
import { visibilityOf } from '../parse/visibility.js';
import { previewMark } from './preview-mark.js';
import { editionFeed } from './edition-feed.js';
import { readImages, type ImageAssets } from './images.js';
import { relativeLinkWarnings } from '../render/markdown/links.js';
import { readSource } from '../project/sources.js';
import { collectBetweenStages } from '../core/stage-gc.js';
import type { CommonLocales } from '../project/locales.js';
import { readGlossary } from '../project/glossary.js';
import { sha256 } from '../core/hash.js';
import { keyFigureCap } from '../render/pdf/theme.js';
import type { OutputKind } from '../core/types.js';

export async function renderArticle(task: ArticleTask, common: CommonLocales): Promise<ArticleResult> {
  const { source } = task;
  const read = await readSource(source);
  const parse = task.reuseParse ? parseArticleReused : parseArticle;
  const keyFigures = task.keyFigures ?? keyFigureCap(task.paths.templates);
  const parsed = read.text === undefined ? undefined : parse(read.text, source.file, source.slug, { keyFigures });
  const diagnostics = [...read.diagnostics, ...(parsed?.diagnostics ?? [])];
  if (!parsed || hasErrors(parsed.diagnostics)) {
    // An unreadable file may be a passing condition (permissions); a parse error is not.
    const recordable = read.text !== undefined;
    return articleFailed(task, diagnostics, recordable);
  }
  // The parse's trees and events are garbage now (the article keeps what it needs).
  const chars = read.text!.length;
  collectBetweenStages(chars);
  diagnostics.push(...linkWarnings(parsed.article, task.baseUrl));
  const images = await readImages(parsed.article, source, task.paths.root);
  diagnostics.push(...images.diagnostics);
  // Every language is prepared first (cheap: locale files, no render), so that each page knows
  // which of its sibling editions this build publishes (./edition-set.ts).
  const commons = new Map<Lang, LocaleFile>();
  const prepared = new Map<Lang, PreparedEdition>();
  for (const lang of LANGS) {
    commons.set(lang, await common(lang));
    const plan = task.editions.find((e) => e.lang === lang);
    prepared.set(
      lang,
      await prepareEdition(task.paths, parsed.article, lang, commons.get(lang)!, { render: plan !== undefined, review: plan?.review === true }),
    );
  }
  const links = editionSet(source.slug, prepared, commons, parsed.article.meta.minCoverage ?? task.minCoverage, task.baseUrl);
  const editions: EditionOutcome[] = [];
  const docs = new Map<Lang, BilingualSide>();
  for (const plan of task.editions) {
    const { outcome, laidOut } = await buildEdition(task, parsed.article, plan, prepared.get(plan.lang)!, images.assets, links, chars);
    editions.push(outcome);
    if (laidOut && outcome.outcome === 'built') docs.set(plan.lang, laidOut);
    // Its last format's garbage, before the next edition or the bilingual one.
    if (plan !== task.editions.at(-1) || task.bilingual?.length) collectBetweenStages(chars);
  }
  await buildBilingual(task, parsed.article, editions, docs, links);
  return { slug: source.slug, diagnostics, editions };
}

/** The link warnings of each article parsed, by the parse: a kept one (parse/reused.ts) is not read again. */
const keptLinkWarnings = new WeakMap<Article, { baseUrl: string | undefined; warnings: Diagnostic[] }>();

function linkWarnings(article: Article, baseUrl: string | undefined): Diagnostic[] {
  const kept = keptLinkWarnings.get(article);
  if (kept && kept.baseUrl === baseUrl) return kept.warnings;
  const warnings = relativeLinkWarnings(article, baseUrl);
  keptLinkWarnings.set(article, { baseUrl, warnings });
  return warnings;
}

/**
 * The French–English edition, once both editions are laid out (a withheld or failed English
 * edition has none). Its files travel with the English edition's outcome, as kind `bilingual`.
 */
async function buildBilingual(
  task: ArticleTask,
  article: Article,
  editions: EditionOutcome[],
  docs: ReadonlyMap<Lang, BilingualSide>,
  links: EditionSet,
): Promise<void> {
  if (!task.bilingual?.length) return;
  const source = docs.get(SOURCE_LANG);
  const targetOutcome = editions.find((e) => e.lang !== SOURCE_LANG && docs.has(e.lang));
  const target = targetOutcome && docs.get(targetOutcome.lang);
  if (!source || !targetOutcome || !target) return;
  try {
    // Imported on demand, like each format's renderer (./render-edition.ts).
    const { renderBilingualEdition } = await import('./render-bilingual.js');
    const files = await renderBilingualEdition(
      source,
      { ...target, ...(targetOutcome.status ? { status: targetOutcome.status } : {}) },
      // Its content is both editions': it changed when the later of the two did.
      {
        formats: task.bilingual,
        templatesDir: task.paths.templates,
        creationDate: new Date(Math.max(...task.editions.map((e) => task.contentMs?.[e.lang] ?? task.nowMs))),
        editions: links,
      },
    );
    for (const f of files) targetOutcome.files.push(file('bilingual', f.format, f.name, f.data, f.ms));
  } catch (error) {
    targetOutcome.diagnostics.push(errorDiagnostic(error, task.paths, article.path));
    targetOutcome.notBuilt = [...(targetOutcome.notBuilt ?? []), `${SOURCE_LANG}-${targetOutcome.lang}`];
  }
}

/** One language of one article: check its inputs, then render what the plan asks for. */
async function buildEdition(
  task: ArticleTask,
  article: Article,
  plan: EditionPlan,
  prepared: PreparedEdition,
  images: ImageAssets,
  links: EditionSet,
  chars: number,
): Promise<{ outcome: EditionOutcome; laidOut?: BilingualSide }> {
  const done = (outcome: EditionOutcome, laidOut?: BilingualSide) => ({ outcome, ...(laidOut ? { laidOut } : {}) });
  const { paths } = task;
  // Not the build's clock: when the edition's content last changed (publish/content-time.ts).
  const now = new Date(task.contentMs?.[plan.lang] ?? task.nowMs);
  const { status, i18n } = prepared;
  const frenchTitle = plainText(parseMarkdown(article.title.markdown));
  const hidden = visibilityOf(article.meta, task.nowMs);
  const outcome: EditionOutcome = {
    lang: plan.lang,
    outcome: 'built',
    title: frenchTitle,
    sourceTitle: frenchTitle,
    date: article.meta.date ?? isoDate(now),
    coverage: plan.lang === SOURCE_LANG ? 100 : (status?.coverage ?? 0),
    files: [],
    fallbacks: [],
    ...(status ? { status } : {}),
    ...hidden,
    diagnostics: [...prepared.diagnostics],
    recordable: true,
  };
  if (!prepared.ok) return done({ ...outcome, outcome: 'failed' });
  // The translators' review page is written whatever the coverage: that is when it matters most.
  if (status && plan.review) {
    // Its problems are check's to report; here a broken glossary only shows fewer terms.
    const { glossary } = await readGlossary(paths);
    const { renderReviewPage } = await import('./render-review-page.js');
    const review = renderReviewPage(article, status, i18n, paths.templates, prepared.qaWarnings, glossary, prepared.invalid);
    if (review instanceof Error) {
      outcome.diagnostics.push(errorDiagnostic(review, paths, article.path));
      outcome.notBuilt = ['review'];
    } else outcome.files.push(file('review', 'html', `${article.slug}.review.html`, review.html, review.ms));
  }
  // The article's own threshold (`briefing: { min-coverage: 50 }`) wins over the build's.
  const minCoverage = article.meta.minCoverage ?? task.minCoverage;
  if (status && status.coverage < minCoverage) {
    outcome.diagnostics.push(coverageDiagnostic(status, minCoverage));
    return done({ ...outcome, outcome: 'withheld' });
  }
  if (plan.formats.length === 0 && !plan.document) return done(outcome);
  try {
    const rendered = await renderEdition(article, plan.lang, i18n, {
      formats: plan.formats,
      templatesDir: paths.templates,
      date: outcome.date,
      creationDate: now,
      images,
      ...(hidden ? { mark: previewMark(hidden, plan.lang, i18n) } : {}),
      editions: links,
      inputChars: chars,
      ...(prepared.statuses ? { statuses: prepared.statuses } : {}),
      ...(prepared.invalid ? { invalid: prepared.invalid } : {}),
      ...(task.baseUrl !== undefined ? { baseUrl: task.baseUrl } : {}),
    });
    outcome.title = rendered.title;
    outcome.fallbacks = rendered.fallbacks;
    outcome.feed = editionFeed(rendered.briefing);
    for (const f of rendered.files) outcome.files.push(file('briefing', f.format, f.name, f.data, f.ms));
    if (plan.formats.includes('pdf')) outcome.diagnostics.push(...glyphWarnings(article, rendered.briefing, paths.templates, prepared.translation));
    return done(outcome, rendered);
  } catch (error) {
    outcome.diagnostics.push(errorDiagnostic(error, paths, article.path));
    return done({ ...outcome, outcome: 'failed', recordable: error instanceof TemplateError });
  }
}

function file(kind: OutputKind, format: Format, name: string, content: string | Uint8Array, ms: number): BuiltFile {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { kind, format, name, data, sha256: sha256(data), ms };
}
