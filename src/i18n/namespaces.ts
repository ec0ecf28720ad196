/**
 * Namespace of interface strings (`locales/<lang>/common.json`); articles use their slug. A module
 * of its own: reading locale files (a no-op build does) need not load i18next.
 */
export const COMMON_NS = 'common';
