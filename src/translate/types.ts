/** Types of the translator workflow: per-key status, state entries, review rows. */
import type { Lang, Place } from '../core/types.js';

/**
 * Status of one translation unit in one target language:
 * - `ok`: translated and checked against the current French;
 * - `stale`: the French changed since the translation was last checked, the translation did not;
 * - `missing`: no translation (absent or empty string);
 * - `obsolete`: a translated key whose French source no longer exists.
 */
export type KeyStatus = 'ok' | 'stale' | 'missing' | 'obsolete';

/** One line of `locales/<lang>/<slug>.state.json`: what a translation was last checked against. */
export interface StateEntry {
  /** Short sha256 of the French text the translation was checked against. */
  source: string;
  /** Short sha256 of the translation when it was checked. */
  target: string;
  /** That French text itself, so a stale translation can show what changed (po4a's `#| msgid`). */
  text: string;
  /** QA rules (`briefing:number-mismatch`…) the translator accepted for these two texts (src/translate/qa/accept.ts). */
  accepted?: readonly string[];
  /** A reviewer marked this translation of this French as reviewed (the workbench); dropped when either text changes. */
  reviewed?: true;
}

/** One unit of an article in one target language, with everything a translator needs. */
export interface UnitReport {
  key: string;
  status: KeyStatus;
  /** Current French text (Markdown); for obsolete keys, the last known French, if any. */
  french: string;
  /** The translation, if any. */
  translation?: string;
  /** For stale units: the French text the translation was made from. */
  previousFrench?: string;
  /** Place of the translation's value in the locale file (or of the file's start when missing). */
  place: Place;
  /** Place of the French unit in the article source. */
  sourcePlace?: Place;
}

/** The translation status of one article in one language. */
export interface ArticleStatus {
  slug: string;
  lang: Lang;
  /** Locale file of the translation, relative to the project root. */
  file: string;
  units: UnitReport[];
  counts: { total: number; ok: number; stale: number; missing: number; obsolete: number };
  /** Share of units that are ok, 0–100, rounded down to one decimal. */
  coverage: number;
}
