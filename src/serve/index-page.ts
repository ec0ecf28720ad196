/**
 * `GET /`: every article with its languages, formats, translation coverage and links. Titles and
 * messages come from the project's files: escaped like any untrusted text.
 */
import { toString } from 'mdast-util-to-string';
import { formatDiagnostic } from '../core/report.js';
import type { Diagnostic } from '../core/errors.js';
import { parseMarkdown } from '../core/markdown.js';
import { LANGS, SOURCE_LANG, type Lang } from '../core/types.js';
import type { CoverageRow } from '../translate/project.js';
import { filesOf } from './catalogue.js';
import { escapeHtml, shell } from './html.js';

export interface IndexArticle {
  slug: string;
  /** Title as Markdown source (undefined when the article does not parse). */
  titleMarkdown?: string;
  coverage: CoverageRow[];
  problems: Diagnostic[];
}

const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'French', en: 'English' };
const FORMAT_NAMES = { html: 'HTML', md: 'Markdown', pdf: 'PDF' } as const;

export function indexPage(root: string, articles: readonly IndexArticle[], minCoverage: number): string {
  const sections = articles.map((article) => articleSection(article, minCoverage)).join('\n');
  const body = `<h1>Briefings</h1>
<p class="muted">Project <code>${escapeHtml(root)}</code> · rendered on demand from the current files · <a href="/api/status">translation status (JSON)</a></p>
${articles.length === 0 ? '<p>No articles in <code>content/</code> yet.</p>' : sections}
<p class="muted">HTML opens as a live preview: it reloads by itself when its article, locale files or templates are saved. “Download” links give the file exactly as <code>briefing build</code> writes it.</p>`;
  return shell('Briefings', body);
}

function articleSection(article: IndexArticle, minCoverage: number): string {
  // Slugs that reach here match url-path's pattern; escaped all the same, like every project text.
  const slug = escapeHtml(article.slug);
  const title = article.titleMarkdown === undefined ? article.slug : toString(parseMarkdown(article.titleMarkdown));
  const files = filesOf(article.slug);
  const rows = LANGS.map((lang) => {
    const coverage = article.coverage.find((row) => row.lang === lang);
    const link = (format: 'html' | 'md' | 'pdf') => {
      const file = files.find((f) => f.kind.id === 'edition' && f.lang === lang && f.format === format)!;
      const href = `/briefings/${slug}/${escapeHtml(file.name)}`;
      const open = format === 'html' ? `<a href="${href}" lang="${lang}">${FORMAT_NAMES[format]} <span class="muted">(live)</span></a>` : `<a href="${href}">${FORMAT_NAMES[format]}</a>`;
      return `${open} · <a href="${href}?download" download="${escapeHtml(file.name)}" aria-label="Download ${escapeHtml(file.name)}">download</a>`;
    };
    const extras = files
      .filter((f) => f.kind.id !== 'edition' && f.lang === lang)
      .map((f) => `<a href="/briefings/${slug}/${escapeHtml(f.name)}">${escapeHtml(f.kind.label(lang))}</a>`)
      .join(' · ');
    return `<tr><th scope="row">${LANGUAGE_NAMES[lang]}</th><td>${coverageCell(lang, coverage, minCoverage)}</td><td>${link('html')}<br>${link('md')}<br>${link('pdf')}</td><td>${extras || '<span class="muted">—</span>'}</td></tr>`;
  }).join('\n');
  const problems = article.problems.length === 0 ? '' : `<pre class="error">${escapeHtml(article.problems.map(formatDiagnostic).join('\n'))}</pre>`;
  return `<section aria-labelledby="article-${slug}">
<h2 id="article-${slug}" lang="${SOURCE_LANG}">${escapeHtml(title)}</h2>
<p class="muted"><code>${slug}</code></p>
${problems}<table>
<thead><tr><th scope="col">Language</th><th scope="col">Translation</th><th scope="col">Formats</th><th scope="col">Also</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function coverageCell(lang: Lang, row: CoverageRow | undefined, minCoverage: number): string {
  if (lang === SOURCE_LANG) return '<span class="muted">source</span>';
  if (!row) return '<span class="error">unreadable (see below)</span>';
  const detail = `${row.ok} of ${row.total} up to date${row.stale ? `, ${row.stale} stale` : ''}${row.missing ? `, ${row.missing} missing` : ''}`;
  const low = row.coverage < minCoverage ? ` <span class="warn">(below ${minCoverage} %: French shown for the rest)</span>` : '';
  return `<strong>${row.coverage.toFixed(1)} %</strong> — ${detail}${low}`;
}
