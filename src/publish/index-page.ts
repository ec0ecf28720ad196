/**
 * The one index page of the project, in two modes: the published catalogue
 * (`output/index.html`, built from the manifest alone so a shard merge can rebuild it; links to
 * the Atom feeds) and the local service's (`briefing serve`'s `/`: coverage details, live
 * previews, downloads and problems). Same layout, stylesheet and strings in both: one section per
 * language, one row per briefing.
 *
 * Markup is a hast tree serialised by hast-util-to-html, so every text and attribute is escaped
 * by the serialiser, never by hand. Interface strings come from `common.json`; the page is in
 * English ({@link INDEX_LANG}) and each title, language name and row carries its own `lang`.
 * Self-contained like the briefings: stylesheet inlined, no script, no external request.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root } from 'hast';
import { LANGS, type Lang } from '../core/types.js';
import { formatDate } from '../core/dates.js';
import type { UiStrings } from './catalogue-inputs.js';
import type { CoverageCell, IndexLink, IndexRow } from './catalogue.js';

/** Language of the index page's own text. */
export const INDEX_LANG: Lang = 'en';

/** What differs between the two pages. */
type IndexMode =
  /**
   * The team's page of a build (`output/internal.html`, marked noindex): feeds per language (file
   * names beside the page); `extra`: sections after the languages' (articles awaiting translation).
   */
  | { kind: 'published'; feeds: Readonly<Record<Lang, string>>; extra?: readonly Element[] }
  /** `briefing serve`: the project folder, the status URL, and problems per article (formatted diagnostics). */
  | { kind: 'local'; root: string; statusHref: string; problems: readonly { slug: string; text: string }[] };

export interface IndexPage {
  mode: IndexMode;
  languages: readonly { lang: Lang; rows: readonly IndexRow[] }[];
  /** Threshold shown beside a low coverage (local mode). */
  minCoverage: number;
  /** Strings of {@link INDEX_LANG}. */
  t: UiStrings;
  /** Each language's own name, from its common.json. */
  languageNames: Readonly<Record<Lang, string>>;
  /** Inlined in `<style>` as is (checked by the reader). */
  stylesheet: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The head's meta elements every catalogue page starts with: no requests, no referrer, no scripts. */
export function pageMeta(): Element[] {
  return [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'generator', content: 'Briefing' }),
    h('meta', { name: 'color-scheme', content: 'light' }),
  ];
}

/** The page's HTML. Pure: everything it shows is in `page`. */
export function renderIndexPage(page: IndexPage): string {
  const { t, mode } = page;
  const head = h(
    'head',
    lines([
      ...pageMeta(),
      h('title', t('index.title')),
      // Coverage and review pages are for the team: kept out of search engines (not a protection).
      ...(mode.kind === 'published' ? [h('meta', { name: 'robots', content: 'noindex, nofollow' })] : []),
      ...(mode.kind === 'published'
        ? LANGS.map((lang) =>
            h('link', { rel: 'alternate', type: 'application/atom+xml', hrefLang: lang, title: page.languageNames[lang], href: mode.feeds[lang] }),
          )
        : []),
      h('style', `\n${page.stylesheet}`),
    ]),
  );
  const total = page.languages.reduce((sum, { rows }) => sum + rows.length, 0);
  const header = h(
    'header.masthead',
    lines([
      h('p.kicker', t('briefing')),
      h('h1', t('index.title')),
      mode.kind === 'published'
        ? h('p.dateline', t('index.summary', { count: total, languages: page.languages.length }))
        : h('p.dateline', localIntro(page, mode)),
    ]),
  );
  const nav = h(
    'nav.toc',
    { ariaLabel: t('index.languages') },
    lines([h('ol', lines(page.languages.map(({ lang, rows }) => navItem(page, lang, rows.length))))]),
  );
  const sections = page.languages.map(({ lang, rows }) => languageSection(page, lang, rows));
  if (mode.kind === 'local' && mode.problems.length > 0) sections.push(problemsSection(page, mode.problems));
  if (mode.kind === 'published') sections.push(...(mode.extra ?? []));
  const footer = h('footer.colophon', lines([h('p', mode.kind === 'published' ? t('index.colophon') : t('serve.note'))]));
  const body = h(
    'body',
    lines([
      h('a.skip-link', { href: '#briefings' }, t('skipToContent')),
      h('div.page', lines([header, nav, h('main#briefings', { tabIndex: -1 }, lines(sections)), footer])),
    ]),
  );
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, text('\n'), h('html', { lang: INDEX_LANG }, lines([head, body])), text('\n')] };
  // Attribute values are always double-quoted, so `'` (in the CSP) needs no escaping.
  return toHtml(tree, { allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } });
}

function localIntro(page: IndexPage, mode: Extract<IndexMode, { kind: 'local' }>): ElementContent[] {
  const { t } = page;
  return [text(`${t('serve.project')} `), h('code', mode.root), text(` · ${t('serve.onDemand')} · `), h('a', { href: mode.statusHref }, t('serve.status'))];
}

function navItem(page: IndexPage, lang: Lang, count: number): Element {
  const name = page.languageNames[lang];
  const item: ElementContent[] = [h('a', { href: `#${sectionId(lang)}`, hrefLang: lang }, [h('span', { lang }, name)]), text(` (${count})`)];
  if (page.mode.kind === 'published') {
    item.push(
      text(' · '),
      h('a', { href: page.mode.feeds[lang], type: 'application/atom+xml' }, [text(page.t('index.feed')), h('span.visually-hidden', ` (${name})`)]),
    );
  }
  return h('li', item);
}

function languageSection(page: IndexPage, lang: Lang, rows: readonly IndexRow[]): Element {
  const { t } = page;
  const id = sectionId(lang);
  const heading = h('h2', { id }, [h('span', { lang }, page.languageNames[lang])]);
  if (rows.length === 0)
    return h('section', { ariaLabelledBy: id }, lines([heading, h('p', t(page.mode.kind === 'published' ? 'index.empty' : 'serve.empty'))]));
  const table = h(
    'table.catalogue',
    lines([
      h('caption', t('index.caption', { count: rows.length })),
      h(
        'thead',
        lines([
          h(
            'tr',
            ['index.briefing', 'index.date', 'index.coverage', 'index.formats'].map((key) => h('th', { scope: 'col' }, t(key))),
          ),
        ]),
      ),
      h(
        'tbody',
        lines(
          rows.map((row) =>
            h(
              'tr',
              lines([
                h('th', { scope: 'row', lang: row.titleLang }, row.title),
                h('td.num', row.date === undefined ? [] : [h('time', { dateTime: row.date }, formatDate(row.date, INDEX_LANG))]),
                coverageCell(page, row.coverage),
                h('td', [
                  h(
                    'ul',
                    row.links.map((link) => linkItem(page, link)),
                  ),
                ]),
              ]),
            ),
          ),
        ),
      ),
    ]),
  );
  return h('section', { ariaLabelledBy: id }, lines([heading, table]));
}

function coverageCell(page: IndexPage, coverage: CoverageCell): Element {
  const { t } = page;
  switch (coverage.kind) {
    case 'source':
      return h('td.num', t('index.source'));
    case 'unreadable':
      return h('td.num.low', t('serve.unreadable'));
    case 'translated': {
      const percent = t('index.percent', { percent: coverage.percent });
      if (!coverage.counts) return h(coverage.low ? 'td.num.low' : 'td.num', percent);
      const content: ElementContent[] = [h('strong', percent), text(` — ${t('review.summary', coverage.counts)}`)];
      if (coverage.low) content.push(text(' '), h('span.low', t('serve.below', { min: page.minCoverage })));
      return h('td.num', content);
    }
  }
}

function linkItem(page: IndexPage, link: IndexLink): Element {
  const { t } = page;
  const label = t(link.label);
  const item: ElementContent[] = [h('a', { href: link.href, type: link.type }, link.live ? t('serve.live', { format: label }) : label)];
  if (link.bytes !== undefined) item.push(text(' '), h('span.size', formatSize(link.bytes)));
  if (link.download) {
    const { href, name } = link.download;
    item.push(text(' · '), h('a', { href, download: name, ariaLabel: t('serve.downloadLabel', { file: name }) }, t('serve.download')));
  }
  return h('li', item);
}

function problemsSection(page: IndexPage, problems: readonly { slug: string; text: string }[]): Element {
  return h(
    'section',
    { ariaLabelledBy: 'problems' },
    lines([
      h('h2', { id: 'problems' }, page.t('serve.problems')),
      ...problems.flatMap(({ slug, text: report }) => [h('h3', [h('code', slug)]), h('pre', report)]),
    ]),
  );
}

function sectionId(lang: Lang): string {
  return `briefings-${lang}`;
}

/** File sizes: SI symbols, one decimal from 1 kB; no-break spaces so a size never wraps. */
function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes}\u00a0B` : `${(bytes / 1024).toFixed(1)}\u00a0kB`;
}

/** A text node. */
export function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** Children one per line (a newline before each and after the last), as the page was written. */
export function lines(children: readonly ElementContent[]): ElementContent[] {
  return [...children.flatMap((child) => [text('\n'), child]), text('\n')];
}
