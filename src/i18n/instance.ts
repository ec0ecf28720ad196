/** One i18next instance per build and language: never the global one, never HTML-escaping. */
import i18next, { type i18n } from 'i18next';
import type { Lang } from '../core/types.js';
import type { ResourceTree } from './locale-file.js';
import { COMMON_NS } from './namespaces.js';

export { COMMON_NS } from './namespaces.js';

/**
 * Creates an initialised instance holding `namespaces` for `lang`.
 * - `escapeValue: false`: escaping belongs to each renderer (Markdown, HTML); PDF needs none.
 * - `returnEmptyString: false`: an empty translation counts as missing.
 * - no fallback language: a missing English string is handled (and marked) by localize, not
 *   silently replaced by French.
 * - `skipOnVariables: true` (i18next's default, stated because it matters): a value passed in,
 *   such as an article's title, is never searched for `$t(…)`, so text from an article cannot
 *   pull interface strings in. i18next 26 has no option bounding `$t(…)` depth or expanded
 *   length (`maxReplaces` bounds `{{…}}` interpolation only): common.json's nesting is bounded
 *   when the file is read (src/i18n/nesting-check.ts), for build, serve and check alike.
 */
export function createI18n(lang: Lang, namespaces: Record<string, ResourceTree>): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [lang],
    ns: Object.keys(namespaces),
    defaultNS: COMMON_NS,
    resources: { [lang]: namespaces },
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnEmptyString: false,
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
