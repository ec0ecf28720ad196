/**
 * The manifest's entry of an edition this build built: its content hash and time as planned, and
 * its feed entry data (kept from the previous entry when only its review page was rendered).
 */
import type { Lang } from '../core/types.js';
import type { EditionOutcome } from '../pipeline/article-task.js';
import type { EditionEntry } from './manifest.js';

/** The new entry of a built edition, from the previous one and what the render gave. */
export function rememberEdition(
  previous: EditionEntry | undefined,
  slug: string,
  edition: Pick<EditionOutcome, 'lang' | 'feed'>,
  content: { hashes: Partial<Record<Lang, string>>; times: Partial<Record<Lang, number>> },
): EditionEntry {
  const hash = content.hashes[edition.lang];
  const ms = content.times[edition.lang];
  if (hash === undefined || ms === undefined) throw new TypeError(`rememberEdition: the ${edition.lang} edition of "${slug}" has no planned content time.`);
  const { feed } = edition;
  if (!feed) return { ...previous, slug, lang: edition.lang, contentHash: hash, changedAt: new Date(ms).toISOString() };
  return {
    slug,
    lang: edition.lang,
    contentHash: hash,
    changedAt: new Date(ms).toISOString(),
    ...(feed.summary !== undefined ? { summary: feed.summary } : {}),
    ...(feed.summaryLang !== undefined ? { summaryLang: feed.summaryLang } : {}),
    ...(feed.authors.length > 0 ? { authors: feed.authors } : {}),
    ...(feed.published !== undefined ? { published: feed.published } : {}),
    ...(feed.updated !== undefined ? { updated: feed.updated } : {}),
  };
}
