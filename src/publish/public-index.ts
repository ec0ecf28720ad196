/**
 * The public index (`output/index.html`): what a reader of the site sees. Bilingual — each
 * language's section is written in that language, with its strings from its own `common.json`
 * and its own `lang` — and limited to what is published: one row per published edition with its
 * HTML, PDF, Markdown and bilingual files. No translation coverage, no translators' review page,
 * no article waiting for its translation: those are on the team's page (`internal.html`, the
 * index-page.ts catalogue). Built from the manifest alone, like the rest of the catalogue.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';
import { LANGS, SOURCE_LANG, type Lang } from '../core/types.js';
import { formatDate } from '../core/dates.js';
import type { UiStrings } from './catalogue-inputs.js';
import { editionsOf, feedFile, FORMAT_LINKS, hrefOf, MEDIA_TYPES, type Edition } from './catalogue.js';
import type { Manifest } from './manifest.js';
import { lines, pageMeta, text } from './index-page.js';

export interface PublicIndex {
  manifest: Manifest;
  /** Each language's strings, from its own common.json. */
  strings: Readonly<Record<Lang, UiStrings>>;
  /** Inlined in `<style>` as is (checked by the reader). */
  stylesheet: string;
}

/** The files a reader may follow: every format and the bilingual edition, never the review page. */
const PUBLIC_LINKS = FORMAT_LINKS.filter((link) => link.kind !== 'review');

/** The page's HTML. Pure: everything it shows is in `index`. */
export function renderPublicIndex(index: PublicIndex): string {
  const { strings } = index;
  const both = (key: string) => LANGS.map((lang) => strings[lang](key));
  const title = both('index.title').join(' · ');
  const head = h(
    'head',
    lines([
      ...pageMeta(),
      h('title', title),
      ...LANGS.map((lang) =>
        h('link', { rel: 'alternate', type: 'application/atom+xml', hrefLang: lang, title: strings[lang]('languageName'), href: feedFile(lang) }),
      ),
      h('style', `\n${index.stylesheet}`),
    ]),
  );
  const languages = LANGS.map((lang) => ({ lang, editions: editionsOf(index.manifest, lang) }));
  const header = h(
    'header.masthead',
    lines([
      h(
        'p.kicker',
        LANGS.map((lang, i) => h('span', { lang }, `${i > 0 ? ' · ' : ''}${strings[lang]('briefing')}`)),
      ),
      h(
        'h1',
        LANGS.map((lang, i) => h('span', { lang }, `${i > 0 ? ' · ' : ''}${strings[lang]('index.title')}`)),
      ),
    ]),
  );
  const nav = h(
    'nav.toc',
    { ariaLabel: both('index.languages').join(' · ') },
    lines([
      h(
        'ol',
        lines(
          languages.map(({ lang, editions }) =>
            h('li', { lang }, [
              h('a', { href: `#briefings-${lang}` }, strings[lang]('languageName')),
              text(` (${editions.length}) · `),
              h('a', { href: feedFile(lang), type: 'application/atom+xml' }, strings[lang]('index.feed')),
            ]),
          ),
        ),
      ),
    ]),
  );
  const sections = languages.map(({ lang, editions }) => languageSection(strings[lang], lang, editions));
  const body = h(
    'body',
    lines([
      h('a.skip-link', { href: '#briefings' }, both('skipToContent').join(' · ')),
      h('div.page', lines([header, nav, h('main#briefings', { tabIndex: -1 }, lines(sections))])),
    ]),
  );
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, text('\n'), h('html', { lang: SOURCE_LANG }, lines([head, body])), text('\n')] };
  return toHtml(tree, { allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } });
}

/** One language's published editions, in that language. */
function languageSection(t: UiStrings, lang: Lang, editions: readonly Edition[]): Element {
  const id = `briefings-${lang}`;
  const heading = h('h2', { id }, t('languageName'));
  if (editions.length === 0) return h('section', { ariaLabelledBy: id, lang }, lines([heading, h('p', t('index.empty'))]));
  const table = h(
    'table.catalogue',
    lines([
      h('caption', t('index.caption', { count: editions.length })),
      h(
        'thead',
        lines([
          h(
            'tr',
            ['index.briefing', 'index.date', 'index.formats'].map((key) => h('th', { scope: 'col' }, t(key))),
          ),
        ]),
      ),
      h(
        'tbody',
        lines(
          editions.map((edition) =>
            h(
              'tr',
              lines([
                h('th', { scope: 'row' }, edition.title),
                h('td.num', [h('time', { dateTime: edition.date }, formatDate(edition.date, lang))]),
                h('td', [h('ul', links(t, edition))]),
              ]),
            ),
          ),
        ),
      ),
    ]),
  );
  return h('section', { ariaLabelledBy: id, lang }, lines([heading, table]));
}

function links(t: UiStrings, edition: Edition): Element[] {
  return PUBLIC_LINKS.flatMap(({ format, kind, label }) => {
    const output = edition.outputs.find((o) => o.format === format && o.kind === kind);
    return output ? [h('li', [h('a', { href: hrefOf(output.path), type: MEDIA_TYPES[format] }, t(label))])] : [];
  });
}
