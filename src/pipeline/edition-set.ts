/**
 * Which editions of an article this build publishes, decided before any of them is rendered, so
 * each page links only to editions that exist: French when the article parses, a translation
 * when its files read cleanly and its coverage reaches the threshold, the bilingual edition when
 * both do. A function of the inputs alone (the article, every language's common.json and the
 * translation files, the threshold), which is why every edition's input hash covers all of them
 * (src/publish/input-hash.ts): a translation crossing the threshold rebuilds the French page too.
 * A translation whose render then fails keeps its previous output, which the link still reaches.
 */
import { LANGS, SOURCE_LANG, type Lang } from '../core/types.js';
import type { EditionSet } from '../render/html/edition-links.js';
import type { PreparedEdition } from './prepare-edition.js';
import type { LocaleFile } from '../i18n/locale-file.js';

/** A translated edition is published when its inputs are usable and its coverage reaches `minCoverage`. */
function isPublished(prepared: PreparedEdition, minCoverage: number): boolean {
  if (!prepared.ok) return false;
  return prepared.lang === SOURCE_LANG || (prepared.status?.coverage ?? 0) >= minCoverage;
}

/** The set the pages of `slug` link within; `commons`: each language's common.json, for its name. */
export function editionSet(
  slug: string,
  prepared: ReadonlyMap<Lang, PreparedEdition>,
  commons: ReadonlyMap<Lang, LocaleFile>,
  minCoverage: number,
  baseUrl?: string,
): EditionSet {
  const langs = LANGS.filter((lang) => {
    const edition = prepared.get(lang);
    return edition !== undefined && isPublished(edition, minCoverage);
  });
  const names: Partial<Record<Lang, string>> = {};
  for (const lang of LANGS) {
    const name = commons.get(lang)?.resources.languageName;
    if (typeof name === 'string') names[lang] = name;
  }
  return {
    slug,
    langs,
    names,
    bilingual: langs.includes(SOURCE_LANG) && langs.length > 1,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
  };
}
