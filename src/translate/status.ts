/**
 * Status of every unit of an article in one target language, from three inputs: the French
 * article (current), the translation file, and the state file. Pure.
 *
 *   no translation (absent or "")                → missing
 *   French unchanged since checked               → ok
 *   French changed, translation unchanged        → stale
 *   French changed, translation changed too      → ok (the translator updated it: accepted)
 *   translated before any state was recorded     → ok (accepted as the baseline)
 *   key in the translation file, not in the text → obsolete
 */
import type { Article, Lang } from '../core/types.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { segmentsOf } from '../i18n/extract.js';
import { missingPlaces } from './missing-place.js';
import { checkedEntry, textHash, type TranslationState } from './state.js';
import type { ArticleStatus, KeyStatus, UnitReport } from './types.js';

export interface StatusResult {
  status: ArticleStatus;
  /** The state after automatic acceptances (what `check`/`extract` write back). */
  nextState: TranslationState;
}

export function articleStatus(article: Article, lang: Lang, target: LocaleFile, state: TranslationState): StatusResult {
  const values = new Map(target.entries.map((entry) => [entry.key, entry]));
  // Entries of keys no longer in the article are kept: they hold the old French that lets
  // `extract` carry an obsolete translation over to a renamed key. `extract --prune` drops them.
  const current = new Set(segmentsOf(article).map((segment) => segment.key));
  const nextState: TranslationState = new Map([...state].filter(([key]) => !current.has(key)));
  const units: UnitReport[] = [];
  const placeOfMissing = missingPlaces([...current], target);
  for (const segment of segmentsOf(article)) {
    const entry = values.get(segment.key);
    const french = segment.markdown;
    const base = { key: segment.key, french, place: entry?.place ?? placeOfMissing.get(segment.key) ?? { line: 1, column: 1 }, sourcePlace: segment.place };
    if (!entry || entry.value.trim() === '') {
      units.push({ ...base, status: 'missing' });
      continue;
    }
    const checked = state.get(segment.key);
    const frenchChanged = checked !== undefined && checked.source !== textHash(french);
    const translationChanged = checked !== undefined && checked.target !== textHash(entry.value);
    if (frenchChanged && !translationChanged) {
      units.push({ ...base, status: 'stale', translation: entry.value, previousFrench: checked.text });
      nextState.set(segment.key, checked);
    } else {
      units.push({ ...base, status: 'ok', translation: entry.value });
      // The same texts keep their entry, and with it the QA warnings accepted for them.
      const same = checked?.source === textHash(french) && checked.target === textHash(entry.value);
      nextState.set(segment.key, same ? checked : checkedEntry(french, entry.value));
    }
  }
  const known = new Set(units.map((unit) => unit.key));
  for (const entry of target.entries) {
    if (known.has(entry.key) || entry.value.trim() === '') continue;
    units.push({ key: entry.key, status: 'obsolete', french: state.get(entry.key)?.text ?? '', translation: entry.value, place: entry.place });
  }
  return { status: summarize(article.slug, lang, target.file, units), nextState };
}

/** Marks `keys` as checked against the current French (after a French typo fix, say). */
export function acceptKeys(status: ArticleStatus, state: TranslationState, keys: readonly string[]): TranslationState {
  const next = new Map(state);
  for (const unit of status.units) {
    if (keys.includes(unit.key) && unit.translation !== undefined && unit.status !== 'obsolete') {
      next.set(unit.key, checkedEntry(unit.french, unit.translation));
    }
  }
  return next;
}

function summarize(slug: string, lang: Lang, file: string, units: UnitReport[]): ArticleStatus {
  const count = (status: KeyStatus) => units.filter((unit) => unit.status === status).length;
  const counts = { total: units.length - count('obsolete'), ok: count('ok'), stale: count('stale'), missing: count('missing'), obsolete: count('obsolete') };
  const coverage = counts.total === 0 ? 100 : Math.floor((counts.ok / counts.total) * 1000) / 10;
  return { slug, lang, file, units, counts, coverage };
}
