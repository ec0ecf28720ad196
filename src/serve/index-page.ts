/**
 * `GET /`: the project's index page in its local mode (publish's one index renderer): every
 * article in each language with its translation coverage, live previews, downloads and
 * problems. Titles and messages come from the project's files; the tree serialiser escapes them.
 */
import { toString as plainText } from 'mdast-util-to-string';
import { formatDiagnostic } from '../core/report.js';
import type { Diagnostic } from '../core/errors.js';
import { parseMarkdown } from '../core/markdown.js';
import type { ProjectPaths } from '../core/paths.js';
import { LANGS, SOURCE_LANG, type Lang, type OutputKind } from '../core/types.js';
import type { CoverageRow } from '../translate/project.js';
import { commonLocales } from '../project/locales.js';
import { FORMAT_LINKS, MEDIA_TYPES, newestFirst, type CoverageCell, type IndexLink, type IndexRow } from '../publish/catalogue.js';
import { languageNames, readIndexStylesheet, readUiStrings } from '../publish/catalogue-inputs.js';
import { INDEX_LANG, renderIndexPage } from '../publish/index-page.js';
import { filesOf, type ServedFile } from './catalogue.js';

export interface IndexArticle {
  slug: string;
  /** Title as Markdown source (undefined when the article does not parse). */
  titleMarkdown?: string;
  /** ISO date the briefing shows (undefined when the article does not parse). */
  date?: string;
  coverage: CoverageRow[];
  problems: Diagnostic[];
}

/**
 * The workbench link's label: the service's own English text (the workbench is in English), not a
 * `common.json` key, so a project whose common.json predates it still has an index.
 */
const WORKBENCH_LABEL = 'serve.workbench';
const WORKBENCH_TEXT = 'Translate in the browser';

/** The service's file kinds as the manifest names them. */
const OUTPUT_KINDS: Record<string, OutputKind> = { edition: 'briefing', bilingual: 'bilingual', review: 'review' };

/**
 * The page's HTML. Reads the project's `common.json` files and stylesheets afresh (they may have
 * just been saved); a problem in one throws a `CatalogueInputError` naming that file.
 */
export async function indexPage(paths: ProjectPaths, articles: readonly IndexArticle[], minCoverage: number): Promise<string> {
  const strings = await readUiStrings(commonLocales(paths));
  const base = strings[INDEX_LANG];
  const t: typeof base = (key, vars) => (key === WORKBENCH_LABEL ? WORKBENCH_TEXT : base(key, vars));
  return renderIndexPage({
    mode: {
      kind: 'local',
      root: paths.root,
      statusHref: '/api/status',
      problems: articles.filter((a) => a.problems.length > 0).map((a) => ({ slug: a.slug, text: a.problems.map(formatDiagnostic).join('\n') })),
    },
    languages: LANGS.map((lang) => ({ lang, rows: withWorkbench(localRows(articles, lang, minCoverage), articles, lang) })),
    minCoverage,
    t,
    languageNames: languageNames(strings),
    stylesheet: readIndexStylesheet(paths),
  });
}

/** Every article in `lang` (the service offers each one in every language), newest first. */
export function localRows(articles: readonly IndexArticle[], lang: Lang, minCoverage: number): IndexRow[] {
  return newestArticles(articles).map((article) => ({
    // The service reads no translated title: the French one stands in, marked as French.
    title: article.titleMarkdown === undefined ? article.slug : plainText(parseMarkdown(article.titleMarkdown)),
    titleLang: SOURCE_LANG,
    ...(article.date === undefined ? {} : { date: article.date }),
    coverage: coverageOf(article, lang, minCoverage),
    links: linksOf(filesOf(article.slug), lang),
  }));
}

function coverageOf(article: IndexArticle, lang: Lang, minCoverage: number): CoverageCell {
  if (lang === SOURCE_LANG) return { kind: 'source' };
  const row = article.coverage.find((r) => r.lang === lang);
  if (!row) return { kind: 'unreadable' };
  return {
    kind: 'translated',
    percent: row.coverage,
    low: row.coverage < minCoverage,
    counts: { ok: row.ok, total: row.total, stale: row.stale, missing: row.missing },
  };
}

function newestArticles(articles: readonly IndexArticle[]): IndexArticle[] {
  return [...articles].sort((a, b) => newestFirst({ slug: a.slug, date: a.date ?? '' }, { slug: b.slug, date: b.date ?? '' }));
}

/** Each translated row ends with its translator's workbench (`/translate/<slug>?lang=…`); rows keep `localRows`' order. */
function withWorkbench(rows: IndexRow[], articles: readonly IndexArticle[], lang: Lang): IndexRow[] {
  if (lang === SOURCE_LANG) return rows;
  const order = newestArticles(articles);
  return rows.map((row, i) => {
    const slug = order[i]!.slug;
    const link: IndexLink = { href: `/translate/${encodeURIComponent(slug)}?lang=${lang}`, label: WORKBENCH_LABEL, type: 'text/html' };
    return { ...row, links: [...row.links, link] };
  });
}

/** The files listed under `lang`: its editions, and files pairing it with the source (bilingual, review). */
function linksOf(files: readonly ServedFile[], lang: Lang): IndexLink[] {
  return FORMAT_LINKS.flatMap(({ kind, format, label }) => {
    const file = files.find((f) => OUTPUT_KINDS[f.kind.id] === kind && f.format === format && f.langs.at(-1) === lang);
    if (!file) return [];
    const href = `/briefings/${encodeURIComponent(file.slug)}/${encodeURIComponent(file.name)}`;
    // Editions also offer the file exactly as built; HTML opens as a live preview.
    return [
      {
        href,
        label,
        type: MEDIA_TYPES[format],
        ...(format === 'html' ? { live: true } : {}),
        ...(kind === 'briefing' ? { download: { href: `${href}?download`, name: file.name } } : {}),
      },
    ];
  });
}
