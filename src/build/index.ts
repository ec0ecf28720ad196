/**
 * `briefing build`: every article × language × format. Each article is parsed once; each edition
 * is rendered fully in memory and only then written (atomically), so a failure never leaves a
 * partial file and the previous good output stays. One failing article or language does not stop
 * the others: all diagnostics are gathered and returned.
 */
import path from 'node:path';
import type { Article, BriefingDocument, Format, Lang } from '../core/types.js';
import { SOURCE_LANG } from '../core/types.js';
import { renderBilingualEdition } from './bilingual.js';
import { diagnostic, hasErrors, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { buildTime, isoDate } from '../core/clock.js';
import { parseArticle } from '../parse/index.js';
import { COMMON_NS } from '../i18n/instance.js';
import { prepareEdition } from './prepare.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { renderErrorDiagnostic as errorDiagnostic } from './render-error.js';
import { writeFileAtomic, removeStaleTemporaries } from '../publish/atomic-write.js';
import type { ArticleStatus } from '../translate/types.js';
import { listSources, readLocale, readSource } from './inputs.js';
import { renderEdition, type RenderedFile } from './edition.js';
import { renderReviewPage } from './review-page.js';

/** Least share of up-to-date units for a translated edition to be published (po4a's default). */
export const DEFAULT_MIN_COVERAGE = 80;

export interface BuildOptions {
  paths: ProjectPaths;
  slugs?: readonly string[];
  langs: readonly Lang[];
  formats: readonly Format[];
  /** Percentage below which a translated edition is not written (default 80). */
  minCoverage?: number;
  env?: NodeJS.ProcessEnv;
}

export interface WrittenFile {
  /** Path relative to the current directory. */
  path: string;
  bytes: number;
  ms: number;
}

export interface BuildReport {
  written: WrittenFile[];
  diagnostics: Diagnostic[];
  /** Editions (slug.lang) that could not be built. */
  failed: string[];
  /** Per written edition, the keys shown in French (missing or stale translation). */
  fallbacks: Record<string, string[]>;
  /** Translation status of each translated edition considered. */
  statuses: ArticleStatus[];
}

interface BuildContext {
  options: BuildOptions;
  report: BuildReport;
  now: Date;
  common: Map<Lang, LocaleFile>;
}

export async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const report: BuildReport = { written: [], diagnostics: [], failed: [], fallbacks: {}, statuses: [] };
  const context: BuildContext = { options, report, now: buildTime(options.env), common: new Map() };
  const sources = await listSources(options.paths, options.slugs);
  for (const lang of options.langs) context.common.set(lang, await readLocale(options.paths, lang, COMMON_NS, true));
  for (const file of context.common.values()) report.diagnostics.push(...file.diagnostics);

  for (const source of sources) {
    const read = await readSource(source);
    report.diagnostics.push(...read.diagnostics);
    const parsed = read.text === undefined ? undefined : parseArticle(read.text, source.file, source.slug);
    report.diagnostics.push(...(parsed?.diagnostics ?? []));
    if (!parsed || hasErrors(parsed.diagnostics)) {
      report.failed.push(...options.langs.map((lang) => `${source.slug}.${lang}`));
      continue;
    }
    await removeStaleTemporaries(path.join(options.paths.output, source.slug));
    const docs = new Map<Lang, BriefingDocument>();
    for (const lang of options.langs) {
      const doc = await buildEdition(context, parsed.article, lang);
      if (doc) docs.set(lang, doc);
    }
    await buildBilingual(context, parsed.article, docs);
  }
  return report;
}

/**
 * The French–English edition, side by side, once both languages are built (an English edition
 * under the coverage threshold has no bilingual edition either).
 */
async function buildBilingual(context: BuildContext, article: Article, docs: ReadonlyMap<Lang, BriefingDocument>): Promise<void> {
  const [source, target] = [docs.get(SOURCE_LANG), [...docs.values()].find((doc) => doc.lang !== SOURCE_LANG)];
  if (!source || !target) return;
  try {
    const files = await renderBilingualEdition(source, target, {
      formats: context.options.formats,
      templatesDir: context.options.paths.templates,
      creationDate: context.now,
    });
    for (const file of files) await writeOutput(context, article.slug, file);
  } catch (error) {
    context.report.diagnostics.push(errorDiagnostic(error, context.options.paths, article.path));
    context.report.failed.push(`${article.slug}.${source.lang}-${target.lang}`);
  }
}

/**
 * One language of one article: check its inputs, render all formats in memory, then write.
 * Returns the laid-out document when the edition was built.
 */
async function buildEdition(context: BuildContext, article: Article, lang: Lang): Promise<BriefingDocument | undefined> {
  const { options, report } = context;
  const edition = `${article.slug}.${lang}`;
  const prepared = await prepareEdition(options.paths, article, lang, context.common.get(lang)!);
  const { status, i18n } = prepared;
  report.diagnostics.push(...prepared.diagnostics);
  if (status && prepared.ok) report.statuses.push(status);
  if (!prepared.ok) return void report.failed.push(edition);
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  let files: RenderedFile[] = [];
  let doc: BriefingDocument;
  // The translators' review page is written whatever the coverage: that is when it matters most.
  if (status && options.formats.includes('html')) {
    const review = renderReviewPage(article, status, i18n, options.paths.templates);
    if (review instanceof Error) report.diagnostics.push(errorDiagnostic(review, options.paths, article.path));
    else await writeOutput(context, article.slug, { format: 'html', name: `${article.slug}.review.html`, data: review.html, ms: review.ms });
  }
  if (status && status.coverage < minCoverage) {
    report.diagnostics.push(lowCoverage(status, minCoverage));
    return void report.failed.push(edition);
  }
  try {
    const rendered = await renderEdition(article, lang, i18n, {
      formats: options.formats,
      templatesDir: options.paths.templates,
      date: article.meta.date ?? isoDate(context.now),
      creationDate: context.now,
      ...(prepared.statuses ? { statuses: prepared.statuses } : {}),
    });
    files = rendered.files;
    doc = rendered.doc;
    if (rendered.fallbacks.length > 0) report.fallbacks[edition] = rendered.fallbacks;
  } catch (error) {
    report.diagnostics.push(errorDiagnostic(error, options.paths, article.path));
    return void report.failed.push(edition);
  }
  for (const file of files) await writeOutput(context, article.slug, file);
  return doc;
}

async function writeOutput(context: BuildContext, slug: string, file: RenderedFile): Promise<void> {
  const target = path.join(context.options.paths.output, slug, file.name);
  await writeFileAtomic(target, file.data);
  context.report.written.push({ path: path.relative(process.cwd(), target) || target, bytes: Buffer.byteLength(file.data), ms: file.ms });
}

/** An edition below the coverage threshold: not written, and the message says what is missing. */
function lowCoverage(status: ArticleStatus, minCoverage: number): Diagnostic {
  const list = (kind: 'missing' | 'stale') => {
    const keys = status.units.filter((u) => u.status === kind).map((u) => u.key);
    return keys.length === 0 ? '' : `; ${kind}: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ` and ${keys.length - 8} more` : ''}`;
  };
  return diagnostic(
    status.file,
    'briefing:low-coverage',
    `${status.lang} edition of "${status.slug}" not written: ${status.coverage} % of ${status.counts.total} segments up to date, below the ${minCoverage} % threshold${list('missing')}${list('stale')}. Run "briefing check --lang ${status.lang}" for details, or lower --min-coverage.`,
  );
}
