/** The XLIFF exchange as typed data, between the article's units and the XML (./write.ts, ./read.ts). */
import type { Inline } from './codes.js';

/** The XLIFF versions written: 2.0 (the standard) and 1.2 (what most CAT tools still prefer). */
export const XLIFF_VERSIONS = ['2.0', '1.2'] as const;
export type XliffVersion = (typeof XLIFF_VERSIONS)[number];

/**
 * Where a unit stands, in the tool's words; each version has its own names for these
 * (2.0 `state`/`subState`, 1.2 `<target state>`), see ./states.ts.
 * - `new`: no translation yet;
 * - `needs-review`: the French changed since the translation was checked (stale);
 * - `translated`: translated and up to date;
 * - `final`: a CAT tool's reviewed or signed-off unit (read only: the state file has no such notion).
 */
export type UnitState = 'new' | 'needs-review' | 'translated' | 'final';

/** A note for the translator: its category (`title`, `section`, `key`, `previous-source`) and text. */
export interface XliffNote {
  category: string;
  text: string;
}

export interface XliffUnit {
  /** The translation key. */
  id: string;
  source: Inline[];
  /** Absent when nothing is translated yet. */
  target?: Inline[];
  state: UnitState;
  notes: XliffNote[];
}

/** One article. */
export interface XliffFile {
  /** The article's slug. */
  id: string;
  /** The article's source file, relative to the project. */
  original: string;
  notes: XliffNote[];
  units: XliffUnit[];
}

export interface XliffDocument {
  version: XliffVersion;
  sourceLang: string;
  targetLang: string;
  files: XliffFile[];
}
