/**
 * Namespace of interface strings (`locales/<lang>/common.json`); articles use their slug. A module
 * of its own: reading locale files (a no-op build does) need not load i18next.
 */
export const COMMON_NS = 'common';

/** Name of the glossary file, in the project's locales folder (here so that hashing inputs need not load the glossary's reader). */
export const GLOSSARY_FILE = 'glossary.json';
