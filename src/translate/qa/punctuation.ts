/**
 * `briefing:doubled-word` ("the the") and `briefing:unbalanced-pair` (an opening bracket or quote
 * without its closing one, or the reverse), in the translation, outside URLs and code. A pair is
 * reported only where the French's corresponding pair is balanced (an enumeration "a) … b) …" in
 * both is the author's choice).
 */
import { nonProse } from './skip.js';
import { words } from './names.js';
import type { QaCheck } from './types.js';
import { inside, type Range } from '../lint/spans.js';

/** Words that may legitimately follow themselves in English ("had had", "that that"). */
const MAY_REPEAT = new Set(['had', 'that', 'is', 'do']);

export const checkDoubledWords: QaCheck = ({ english }) => {
  const list = words(english, nonProse(english));
  return list.flatMap((word, i) => {
    const previous = list[i - 1];
    if (!previous || !/^\p{L}+$/u.test(word.text) || word.text.toLowerCase() !== previous.text.toLowerCase()) return [];
    if (MAY_REPEAT.has(word.text.toLowerCase())) return [];
    if (!/^[ \u00a0]+$/.test(english.slice(previous.offset + previous.text.length, word.offset))) return [];
    return [{ rule: 'briefing:doubled-word' as const, params: { word: word.text }, offset: word.offset }];
  });
};

/** Pairs by kind: the English's marks, and the French's marks of the same kind. */
const PAIRS: readonly { open: string; close: string; frenchOpen: string; frenchClose: string }[] = [
  { open: '(', close: ')', frenchOpen: '(', frenchClose: ')' },
  { open: '[', close: ']', frenchOpen: '[', frenchClose: ']' },
  { open: '“', close: '”', frenchOpen: '«“', frenchClose: '»”' },
  { open: '«', close: '»', frenchOpen: '«', frenchClose: '»' },
];

/** Offset of the first mark left unmatched, or -1 when balanced. */
function unbalancedAt(text: string, open: string, close: string, skip: readonly Range[]): number {
  const opened: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((!open.includes(c) && !close.includes(c)) || inside(skip, i)) continue;
    if (open.includes(c)) opened.push(i);
    else if (opened.pop() === undefined) return i;
  }
  return opened[0] ?? -1;
}

/** Straight double quotes come in pairs: the last of an odd count, or -1. */
function oddQuoteAt(text: string, skip: readonly Range[]): number {
  const quotes = [...text].flatMap((c, i) => (c === '"' && !inside(skip, i) ? [i] : []));
  return quotes.length % 2 === 1 ? quotes.at(-1)! : -1;
}

export const checkPairs: QaCheck = ({ french, english }) => {
  const skip = nonProse(english);
  const frenchSkip = nonProse(french);
  const found = PAIRS.flatMap(({ open, close, frenchOpen, frenchClose }) => {
    const at = unbalancedAt(english, open, close, skip);
    if (at < 0 || unbalancedAt(french, frenchOpen, frenchClose, frenchSkip) >= 0) return [];
    return [{ rule: 'briefing:unbalanced-pair' as const, params: { mark: english[at]! }, offset: at }];
  });
  const quote = oddQuoteAt(english, skip);
  if (quote >= 0 && oddQuoteAt(french, frenchSkip) < 0 && unbalancedAt(french, '«“', '»”', frenchSkip) < 0)
    found.push({ rule: 'briefing:unbalanced-pair', params: { mark: '"' }, offset: quote });
  return found;
};
