/**
 * One Atom feed per language (`output/feed.<lang>.xml`, RFC 4287) listing every published
 * briefing, newest first. Built from the manifest only: ids are derived from the slug and
 * language (stable across rebuilds), `updated` from each edition's remembered content time (or
 * its front matter `updated`), the summary and authors from what the manifest remembers of the
 * edition, so the same manifest gives the same bytes. With a base URL (`--base-url`: where
 * output/ is published) every link is absolute, as feed readers need; without one, links are
 * relative to the feed, which sits beside index.html.
 *
 * The feed is an xast tree serialised by xast-util-to-xml, which escapes every text and
 * attribute; the feed's title comes from the language's `common.json`. Translation coverage is
 * internal: no feed shows it.
 */
import { createHash } from 'node:crypto';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Element, ElementContent, Root } from 'xast';
import { LANGS, type Lang } from '../core/types.js';
import { editionEntries, type Manifest } from './manifest.js';
import { editionsOf, feedFile, hrefOf, INDEX_FILE, MEDIA_TYPES, type Edition } from './catalogue.js';
import type { UiStrings } from './catalogue-inputs.js';
import { feedEntryDates } from './feed-dates.js';
/** Drops the characters XML 1.0 forbids outright (no escape can carry them). */
export function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** A URN from a name, as a name-based (v5-style) UUID: permanent, and no domain needed. */
export function urnFor(name: string): string {
  const hex = createHash('sha1').update(`briefing:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** The feed of `lang` as XML text; `t` gives that language's interface strings; `baseUrl`: where output/ is published. */
export function renderFeed(manifest: Manifest, lang: Lang, t: UiStrings, baseUrl?: string): string {
  const url = linkResolver(baseUrl);
  const remembered = editionEntries(manifest);
  const others = new Map(LANGS.filter((other) => other !== lang).map((other) => [other, new Map(editionsOf(manifest, other).map((e) => [e.slug, e]))]));
  const editions = editionsOf(manifest, lang).map((edition) => ({
    edition,
    record: remembered.get(`${edition.slug}.${lang}`),
    ...feedEntryDates(edition, remembered.get(`${edition.slug}.${lang}`)),
  }));
  // An empty feed has nothing to date it from: the epoch keeps its bytes stable.
  const updated =
    editions
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00.000Z';
  const entries = editions.map(({ edition, record, updated, published }) => {
    const translations = [...others].flatMap(([other, bySlug]) => {
      const html = htmlOf(bySlug.get(edition.slug));
      return html ? [x('link', { rel: 'alternate', type: MEDIA_TYPES.html, hreflang: other, href: url(html.path) })] : [];
    });
    const summaryLang = record?.summaryLang !== undefined && record.summaryLang !== lang ? { 'xml:lang': record.summaryLang } : {};
    return x(
      'entry',
      indented(2, [
        x('id', urnFor(`edition:${edition.slug}.${lang}`)),
        x('title', xmlText(edition.title)),
        x('updated', updated),
        ...(published ? [x('published', published)] : []),
        ...(record?.authors ?? []).map((name) => x('author', [x('name', xmlText(name))])),
        // One alternate per format of this edition (HTML first), then the other languages' HTML.
        ...ownFormats(edition).map((output) =>
          x('link', {
            rel: 'alternate',
            type: MEDIA_TYPES[output.format],
            hreflang: lang,
            href: url(output.path),
            ...(output.format === 'html' ? {} : { length: String(output.bytes) }),
          }),
        ),
        ...translations,
        ...(record?.summary ? [x('summary', summaryLang, xmlText(record.summary))] : []),
      ]),
    );
  });
  const feed = x(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': lang },
    indented(1, [
      x('id', urnFor(`feed:${lang}`)),
      x('title', xmlText(t('feed.title'))),
      x('updated', updated),
      x('author', [x('name', 'Briefing')]),
      x('generator', 'Briefing'),
      x('link', { rel: 'self', type: 'application/atom+xml', href: url(feedFile(lang)) }),
      x('link', { rel: 'alternate', type: 'text/html', href: url(INDEX_FILE) }),
      ...entries,
    ]),
  );
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      { type: 'text', value: '\n' },
      feed,
      { type: 'text', value: '\n' },
    ],
  };
  return toXml(tree, { closeEmptyElements: true, tightClose: true });
}

/** A manifest path as the feed links to it: absolute under `baseUrl` (a folder: a missing final `/` is added), else relative. */
function linkResolver(baseUrl: string | undefined): (file: string) => string {
  if (baseUrl === undefined) return hrefOf;
  const folder = new URL(baseUrl);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  folder.search = '';
  folder.hash = '';
  return (file) => new URL(hrefOf(file), folder).href;
}

/** The edition's own briefing files, HTML first, then in the catalogue's order. */
function ownFormats(edition: Edition) {
  const briefings = edition.outputs.filter((o) => o.kind === 'briefing');
  return [...briefings.filter((o) => o.format === 'html'), ...briefings.filter((o) => o.format !== 'html')];
}

function htmlOf(edition: Edition | undefined) {
  return edition?.outputs.find((o) => o.kind === 'briefing' && o.format === 'html');
}

/** Children one per line, indented by two spaces per `depth`, the closing tag one level less. */
function indented(depth: number, children: readonly Element[]): ElementContent[] {
  const pad = (n: number): ElementContent => ({ type: 'text', value: `\n${'  '.repeat(n)}` });
  return [...children.flatMap((child) => [pad(depth), child]), pad(depth - 1)];
}
