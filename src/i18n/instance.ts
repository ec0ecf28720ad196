/** One i18next instance per build and language: never the global one, never HTML-escaping. */
import i18next, { type i18n } from 'i18next';
import type { Lang } from '../core/types.js';
import type { ResourceTree } from './locale-file.js';

/** Namespace of interface strings (`locales/<lang>/common.json`); articles use their slug. */
export const COMMON_NS = 'common';

/**
 * Creates an initialised instance holding `namespaces` for `lang`.
 * - `escapeValue: false`: escaping belongs to each renderer (Markdown, HTML); PDF needs none.
 * - `returnEmptyString: false`: an empty translation counts as missing.
 * - no fallback language: a missing English string is handled (and marked) by localize, not
 *   silently replaced by French.
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
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
