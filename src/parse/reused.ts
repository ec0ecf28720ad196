/**
 * The parse of an article kept for the next render of the same text. `briefing serve` renders one
 * article again at every save of its translation: the French text has not changed, so its parse
 * (a third of a preview render) is reused. A build parses each article once and does not use this.
 *
 * A parse depends on the text, the names it is reported under, the options and the limits in
 * force: all are in the key. Kept parses are shared, never copied: nothing downstream modifies an
 * `Article` (tests/parse-reused.test.ts renders a frozen one). Bounded in entries and in text.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { limitsFingerprint } from '../core/limits.js';
import { parseArticle, type ParseOptions, type ParseResult } from './index.js';

/** Parses kept per thread, and the article text behind them (a parse is a few times its text). */
const MAX_ENTRIES = 8;
const MAX_TEXT_CHARS = 4 * 2 ** 20;

const kept = new LRUCache<string, ParseResult>({ max: MAX_ENTRIES, maxSize: MAX_TEXT_CHARS });

/** `parseArticle`, or the parse made earlier of the same text under the same names and options. */
export function parseArticleReused(source: string, file: string, slug: string, options: ParseOptions = {}): ParseResult {
  // Longer texts would evict everything else for one entry: parsed afresh.
  if (source.length > MAX_TEXT_CHARS / 4) return parseArticle(source, file, slug, options);
  const key = [createHash('sha256').update(source).digest('base64url'), file, slug, options.keyFigures ?? '', limitsFingerprint()].join('\0');
  const hit = kept.get(key);
  if (hit) return hit;
  const parsed = parseArticle(source, file, slug, options);
  kept.set(key, parsed, { size: Math.max(1, source.length) });
  return parsed;
}
