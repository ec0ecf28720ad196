/**
 * One Atom feed per language (`output/feed.<lang>.xml`, RFC 4287) listing every published
 * briefing, newest first. Built from the manifest only: ids are derived from the slug and
 * language (stable across rebuilds), `updated` from the outputs' build times, so the same
 * manifest gives the same bytes. Links are relative to the feed, which sits beside index.html.
 *
 * The feed is an xast tree serialised by xast-util-to-xml, which escapes every text and
 * attribute; the feed's title and the coverage line come from the language's `common.json`.
 */
import { createHash } from 'node:crypto';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Element, ElementContent, Root } from 'xast';
import type { Lang } from '../core/types.js';
import { formatDate } from '../core/dates.js';
import type { Manifest } from './manifest.js';
import { editionsOf, hrefOf, INDEX_FILE, MEDIA_TYPES } from './catalogue.js';
import type { UiStrings } from './catalogue-inputs.js';

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

/** The feed of `lang` as XML text; `t` gives that language's interface strings. */
export function renderFeed(manifest: Manifest, lang: Lang, t: UiStrings): string {
  const editions = editionsOf(manifest, lang).map((edition) => ({
    ...edition,
    updated: edition.outputs
      .map((o) => o.builtAt)
      .sort()
      .at(-1)!,
  }));
  // An empty feed has no build to date it from: the epoch keeps its bytes stable.
  const updated =
    editions
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '1970-01-01T00:00:00.000Z';
  const percent = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: false });
  const entries = editions.map((edition) => {
    const main = edition.outputs.find((o) => o.kind === 'briefing' && o.format === 'html') ?? edition.outputs.find((o) => o.kind === 'briefing')!;
    const enclosures = edition.outputs.filter((output) => output !== main && output.kind === 'briefing');
    const summary = `${formatDate(edition.date, lang)} · ${t('feed.coverage', { percent: percent.format(edition.coverage) })}`;
    return x(
      'entry',
      indented(2, [
        x('id', urnFor(`edition:${edition.slug}.${lang}`)),
        x('title', xmlText(edition.title)),
        x('updated', xmlText(edition.updated)),
        x('link', { rel: 'alternate', type: MEDIA_TYPES[main.format], href: hrefOf(main.path) }),
        ...enclosures.map((output) =>
          x('link', { rel: 'enclosure', type: MEDIA_TYPES[output.format], href: hrefOf(output.path), length: String(output.bytes) }),
        ),
        x('summary', xmlText(summary)),
      ]),
    );
  });
  const feed = x(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': lang },
    indented(1, [
      x('id', urnFor(`feed:${lang}`)),
      x('title', xmlText(t('feed.title'))),
      x('updated', xmlText(updated)),
      x('author', [x('name', 'Briefing')]),
      x('generator', 'Briefing'),
      x('link', { rel: 'alternate', type: 'text/html', href: INDEX_FILE }),
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

/** Children one per line, indented by two spaces per `depth`, the closing tag one level less. */
function indented(depth: number, children: readonly Element[]): ElementContent[] {
  const pad = (n: number): ElementContent => ({ type: 'text', value: `\n${'  '.repeat(n)}` });
  return [...children.flatMap((child) => [pad(depth), child]), pad(depth - 1)];
}
