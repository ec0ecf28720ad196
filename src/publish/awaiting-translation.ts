/**
 * The internal page's list of articles published in French whose translation is not: withheld
 * under the coverage threshold, failed, or never started. Each with its coverage when the
 * manifest knows it (from the review page, written whatever the coverage) and a link to that
 * review page. From the manifest alone, like the rest of the catalogue.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import { LANGS, SOURCE_LANG, type Lang } from '../core/types.js';
import type { UiStrings } from './catalogue-inputs.js';
import { editionsOf, hrefOf } from './catalogue.js';
import type { Manifest } from './manifest.js';
import { lines } from './index-page.js';

/** An article with a French edition and no published edition in `lang`. */
interface Awaiting {
  slug: string;
  title: string;
  lang: Lang;
  /** Coverage of the translation, when a review page records it. */
  coverage?: number;
  /** The translators' review page, when there is one. */
  review?: string;
}

/** Every article published in French but not in another language, by slug. */
export function awaitingTranslation(manifest: Manifest): Awaiting[] {
  const french = editionsOf(manifest, SOURCE_LANG);
  return LANGS.filter((lang) => lang !== SOURCE_LANG).flatMap((lang) => {
    const published = new Set(editionsOf(manifest, lang).map((edition) => edition.slug));
    return french
      .filter((edition) => !published.has(edition.slug))
      .map((edition) => {
        const review = manifest.outputs.find((o) => o.slug === edition.slug && o.lang === lang && o.kind === 'review');
        return {
          slug: edition.slug,
          title: edition.title,
          lang,
          ...(review ? { coverage: review.coverage, review: hrefOf(review.path) } : {}),
        };
      })
      .sort((a, b) => (a.slug < b.slug ? -1 : 1));
  });
}

/** The section of the internal page (in its language, `t`); none when every article is translated. */
export function awaitingSection(t: UiStrings, rows: readonly Awaiting[]): Element[] {
  if (rows.length === 0) return [];
  const items = rows.map((row) =>
    h('li', [
      h('span', { lang: SOURCE_LANG }, row.title),
      ` (${row.lang}${row.coverage === undefined ? '' : `, ${t('index.percent', { percent: row.coverage })}`})`,
      ...(row.review ? [' · ', h('a', { href: row.review, type: 'text/html' }, t('review.title'))] : []),
    ]),
  );
  return [h('section', { ariaLabelledBy: 'awaiting' }, lines([h('h2', { id: 'awaiting' }, t('internal.awaiting')), h('ul', lines(items))]))];
}
