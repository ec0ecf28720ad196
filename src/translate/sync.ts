/**
 * `briefing extract` for a target language: keeps `locales/<lang>/<slug>.json` in step with the
 * French source, like msgmerge does for PO files. Pure: texts in, texts out.
 * - every French unit has a key, in document order; a new one is added as "" (missing);
 * - a key whose French is gone is moved aside to `<slug>.obsolete.json` (never silently lost;
 *   `--prune` drops them);
 * - a missing key takes over the translation of an obsolete one whose old French is similar
 *   (fuzzy matching), marked stale unless the French is identical — so editing a heading, which
 *   renames its section's keys, loses no translation;
 * - before that fuzzy match, a key whose French came back takes its own translation back from the
 *   obsolete file, and a key typed wrong by hand (`haeding` for `heading`, a near twin) gives its
 *   translation to the right key (up to date when the French is the one it was translated from).
 */
import { distance } from 'fastest-levenshtein';
import type { Article } from '../core/types.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { nestedJson, segmentsOf } from '../i18n/extract.js';
import { nearestTwin } from './near-key.js';
import { checkedEntry, textHash, type TranslationState } from './state.js';

/** Least similarity (1 − edit distance / length) for carrying a translation over, as msgmerge's fuzzy match. */
const FUZZY_THRESHOLD = 0.6;

export interface SyncInput {
  article: Article;
  /** `locales/fr/<slug>.json` as it was before this extraction (old French texts). */
  previousFrench?: LocaleFile;
  target: LocaleFile;
  obsolete?: LocaleFile;
  state: TranslationState;
  prune: boolean;
}

interface Carry {
  from: string;
  to: string;
  similarity: number;
  stale: boolean;
  /** `returned`: the same key, back from the obsolete file; `twin`: a near twin of the key; `fuzzy`: similar French. */
  reason: 'returned' | 'twin' | 'fuzzy';
}

export interface SyncResult {
  targetText: string;
  /** New text of the obsolete file; `undefined` when there is nothing to keep aside. */
  obsoleteText?: string;
  state: TranslationState;
  added: string[];
  obsoleted: string[];
  carried: Carry[];
  pruned: string[];
}

export function syncTranslations(input: SyncInput): SyncResult {
  const segments = segmentsOf(input.article);
  const current = new Set(segments.map((s) => s.key));
  const translations = new Map(input.target.entries.map((e) => [e.key, e.value]));
  const oldFrench = new Map(input.previousFrench?.entries.map((e) => [e.key, e.value]) ?? []);
  const state: TranslationState = new Map(input.state);

  // Translations whose key is gone: this run's (from the target file) and earlier runs' (obsolete file).
  const aside = new Map<string, string>(input.obsolete?.entries.map((e) => [e.key, e.value]) ?? []);
  const obsoleted: string[] = [];
  for (const [key, value] of translations) {
    if (current.has(key) || value.trim() === '') continue;
    aside.set(key, value);
    obsoleted.push(key);
  }

  const carried: Carry[] = [];
  const added: string[] = [];
  const entries: [string, string][] = [];
  for (const segment of segments) {
    const existing = translations.get(segment.key);
    if (existing !== undefined && existing.trim() !== '') {
      entries.push([segment.key, existing]);
      continue;
    }
    const frenchOf = (key: string) => state.get(key)?.text ?? oldFrench.get(key);
    const match =
      returning(segment.key, aside, frenchOf) ??
      twinMatch(segment.key, [...aside.keys()], frenchOf) ??
      bestMatch(segment.key, segment.markdown, aside, frenchOf);
    if (match) {
      const translation = aside.get(match.key)!;
      aside.delete(match.key);
      entries.push([segment.key, translation]);
      // Recorded as checked against the OLD French: unless identical, the unit shows as stale.
      state.set(segment.key, checkedEntry(match.french, translation));
      const stale = textHash(match.french) !== textHash(segment.markdown);
      carried.push({ from: match.key, to: segment.key, similarity: similarity(match.french, segment.markdown), stale, reason: match.reason });
    } else {
      entries.push([segment.key, '']);
      if (existing === undefined) added.push(segment.key);
    }
  }

  // Reported as moved aside only if they really end up in the obsolete file (not carried, not pruned).
  const keptAside = input.prune ? [] : obsoleted.filter((key) => aside.has(key));
  const pruned = input.prune ? [...aside.keys()] : [];
  if (input.prune) {
    aside.clear();
    for (const key of [...state.keys()]) if (!current.has(key)) state.delete(key);
  }
  return {
    targetText: nestedJson(entries),
    ...(aside.size > 0 ? { obsoleteText: nestedJson([...aside].sort(([a], [b]) => a.localeCompare(b))) } : {}),
    state,
    added,
    obsoleted: keptAside,
    carried,
    pruned,
  };
}

interface Match {
  key: string;
  /** The French the translation was made from. */
  french: string;
  similarity: number;
  reason: Carry['reason'];
}

/** The key's own translation, kept aside when its French went away, now that it is back. */
function returning(key: string, aside: Map<string, string>, frenchOf: (key: string) => string | undefined): Match | undefined {
  if (!aside.has(key)) return undefined;
  // Without a record of its French, it comes back stale (checked against nothing) for review.
  return { key, french: frenchOf(key) ?? '', similarity: 1, reason: 'returned' };
}

/**
 * A translation under a near twin of `key` (a hand-made typo or rename). Its French is the twin's
 * recorded one, else the one recorded for `key` itself: what the translator saw when writing it.
 */
function twinMatch(key: string, candidates: readonly string[], frenchOf: (key: string) => string | undefined): Match | undefined {
  const twin = nearestTwin(key, candidates);
  if (twin === undefined) return undefined;
  const french = frenchOf(twin) ?? frenchOf(key);
  return french === undefined ? undefined : { key: twin, french, similarity: 1, reason: 'twin' };
}

/** Similarity of two texts in [0, 1]. */
function similarity(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  return length === 0 ? 1 : 1 - distance(a, b) / length;
}

/** The obsolete translation whose old French is most similar to `french`, of the same kind of unit. */
function bestMatch(key: string, french: string, aside: Map<string, string>, oldFrenchOf: (key: string) => string | undefined): Match | undefined {
  let best: Match | undefined;
  for (const candidate of aside.keys()) {
    if (unitKind(candidate) !== unitKind(key)) continue;
    const old = oldFrenchOf(candidate);
    if (old === undefined) continue;
    const score = similarity(old, french);
    if (score >= FUZZY_THRESHOLD && (!best || score > best.similarity)) best = { key: candidate, french: old, similarity: score, reason: 'fuzzy' };
  }
  return best;
}

/** `title`, `heading` or `block`: translations only move between units of one kind. */
function unitKind(key: string): string {
  const last = key.split('.').at(-1) ?? key;
  return last === 'title' || last === 'heading' ? last : 'block';
}
