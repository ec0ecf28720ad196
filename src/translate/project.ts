/** The translator workflow over a whole project: articles, their translations, their status. */
import { SOURCE_LANG, type Article, type Lang } from '../core/types.js';
import { hasErrors, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { parseArticle, type ParseOptions } from '../parse/index.js';
import { listSources, readSource } from '../project/sources.js';
import { readTranslationInputs, type TranslationInputs } from './files.js';
import { articleStatus, type StatusResult } from './status.js';
import type { ArticleStatus } from './types.js';

/** Parses the project's articles (or the slugs named); articles with errors are left out. */
export async function loadArticles(
  paths: ProjectPaths,
  slugs: readonly string[],
  options: ParseOptions = {},
): Promise<{ articles: Article[]; diagnostics: Diagnostic[] }> {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of await listSources(paths, slugs)) {
    const read = await readSource(source);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const parsed = parseArticle(read.text, source.file, source.slug, options);
    diagnostics.push(...parsed.diagnostics);
    if (!hasErrors(parsed.diagnostics)) articles.push(parsed.article);
  }
  return { articles, diagnostics };
}

export interface Translation {
  article: Article;
  lang: Lang;
  inputs: TranslationInputs;
  /** Undefined when the translation file cannot be read (its diagnostics say why). */
  result?: StatusResult;
}

/** Every (article, target language) pair with its files and status. */
export async function loadTranslations(paths: ProjectPaths, articles: readonly Article[], langs: readonly Lang[]): Promise<Translation[]> {
  const translations: Translation[] = [];
  for (const article of articles) {
    for (const lang of langs) {
      const inputs = await readTranslationInputs(paths, lang, article.slug);
      const readable = !hasErrors(inputs.target.diagnostics);
      translations.push({ article, lang, inputs, ...(readable ? { result: articleStatus(article, lang, inputs.target, inputs.state) } : {}) });
    }
  }
  return translations;
}

/** One line of `briefing status --format json` (and of `GET /api/status`). */
export function coverageRow(status: ArticleStatus) {
  return { slug: status.slug, lang: status.lang, file: status.file, ...status.counts, coverage: status.coverage };
}
export type CoverageRow = ReturnType<typeof coverageRow>;

/** A translation `status` cannot count (its file is not valid JSON, say): listed with its first error. */
export interface UnreadableRow {
  slug: string;
  lang: Lang;
  file: string;
  error: string;
}

function unreadableRow(t: Translation): UnreadableRow {
  const first = t.inputs.target.diagnostics.find((d) => d.severity === 'error');
  const error = first ? `${first.file}:${first.line}:${first.column} ${first.message}` : 'cannot be read';
  return { slug: t.article.slug, lang: t.lang, file: t.inputs.target.file, error };
}

/** Coverage of every translation of the articles named (all when empty) into `langs` (French left out). */
export async function coverageReport(
  paths: ProjectPaths,
  slugs: readonly string[],
  langs: readonly Lang[],
  options: ParseOptions = {},
): Promise<{ rows: CoverageRow[]; unreadable: UnreadableRow[]; diagnostics: Diagnostic[] }> {
  const { articles, diagnostics } = await loadArticles(paths, slugs, options);
  const translations = await loadTranslations(
    paths,
    articles,
    langs.filter((lang) => lang !== SOURCE_LANG),
  );
  const rows = translations.flatMap((t) => (t.result ? [coverageRow(t.result.status)] : []));
  for (const t of translations) diagnostics.push(...t.inputs.diagnostics);
  const unreadable = translations.flatMap((t) => (t.result ? [] : [unreadableRow(t)]));
  return { rows, unreadable, diagnostics };
}
