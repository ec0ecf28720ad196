/**
 * The numbers a French or an English text states, as values: "3 200" and "3,200" are 3200,
 * "2,5 millions" and "2.5 million" 2.5e6, "1 milliard de dollars" and "$1 billion" 1e9, "1er" and
 * "1st" 1. Read by hand, one pass, so that a long run of digit groups is read once (no regular
 * expression retried at every group, see src/facts/number-runs.ts for the same concern).
 *
 * Spelled-out numbers ("trois", "three", "un milliard") are read apart: they only excuse a digit
 * the other language has (French "trois" ↔ English "3"), never demand one.
 */
import type { Range } from '../lint/spans.js';
import { inside } from '../lint/spans.js';

export type NumberLang = 'fr' | 'en';

/** One number stated by a text. */
export interface StatedNumber {
  /** Its value, scale applied ("2,5 millions" → 2500000). */
  value: number;
  /** Where it starts in the text, and its text as written ("6 %", "2,5 millions"). */
  offset: number;
  text: string;
  /** A percentage (`%`, "pour cent", "percent"): shown with its sign in messages. */
  percent: boolean;
  /** The scale word's factor and English name, when one follows ("milliard" → 1e9, "billion"). */
  scale?: { factor: number; name: string };
}

const SPACES = new Set([' ', '\u00a0', '\u202f']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** Scale words after a number, per language (lower case; abbreviations matched as written). */
const SCALES: Record<NumberLang, ReadonlyMap<string, { factor: number; name: string }>> = {
  fr: new Map([
    ['mille', { factor: 1e3, name: 'thousand' }],
    ['million', { factor: 1e6, name: 'million' }],
    ['millions', { factor: 1e6, name: 'million' }],
    ['M', { factor: 1e6, name: 'million' }],
    ['milliard', { factor: 1e9, name: 'billion' }],
    ['milliards', { factor: 1e9, name: 'billion' }],
    ['Md', { factor: 1e9, name: 'billion' }],
    ['Mds', { factor: 1e9, name: 'billion' }],
    ['Mrd', { factor: 1e9, name: 'billion' }],
    ['Mrds', { factor: 1e9, name: 'billion' }],
    ['billion', { factor: 1e12, name: 'trillion' }],
    ['billions', { factor: 1e12, name: 'trillion' }],
  ]),
  en: new Map([
    ['thousand', { factor: 1e3, name: 'thousand' }],
    ['million', { factor: 1e6, name: 'million' }],
    ['millions', { factor: 1e6, name: 'million' }],
    ['m', { factor: 1e6, name: 'million' }],
    ['M', { factor: 1e6, name: 'million' }],
    ['mn', { factor: 1e6, name: 'million' }],
    ['billion', { factor: 1e9, name: 'billion' }],
    ['billions', { factor: 1e9, name: 'billion' }],
    ['bn', { factor: 1e9, name: 'billion' }],
    ['trillion', { factor: 1e12, name: 'trillion' }],
    ['trillions', { factor: 1e12, name: 'trillion' }],
  ]),
};

/** Small numbers written as words (cardinals 0–20 by position, ordinals from 1, then others), per language. */
const WORDS: Record<NumberLang, ReadonlyMap<string, number>> = {
  fr: wordTable(
    'zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt',
    'premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième',
    { une: 1, première: 1, second: 2, seconde: 2, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000 },
    { douzaine: 12, dizaine: 10, centaine: 100, moitié: 50, double: 2, triple: 3 },
  ),
  en: wordTable(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty',
    'first second third fourth fifth sixth seventh eighth ninth tenth',
    { thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, thousand: 1000, dozen: 12, half: 50 },
    { a: 1, an: 1, once: 1, twice: 2, single: 1, both: 2, double: 2, triple: 3 },
  ),
};

function wordTable(cardinals: string, ordinals: string, ...more: Record<string, number>[]): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  for (const [value, word] of cardinals.split(' ').entries()) table.set(word, value);
  for (const [i, word] of ordinals.split(' ').entries()) table.set(word, i + 1);
  for (const [word, value] of more.flatMap((m) => Object.entries(m))) table.set(word, value);
  return table;
}

/**
 * The numbers written with digits in `text`, outside the `skip` ranges (URLs, code spans, note
 * calls). French reads `,` as the decimal mark and spaces between groups of three digits; English
 * reads `,` between groups of three and `.` as the decimal mark. Both read `.` followed by a digit
 * as a decimal mark (a version "GPT-4.5" is the same in both).
 */
export function statedNumbers(text: string, lang: NumberLang, skip: readonly Range[] = []): StatedNumber[] {
  const found: StatedNumber[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i]) || inside(skip, i)) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    const group = (): void => {
      while (isDigit(text[i])) digits += text[i++];
    };
    group();
    const separator = lang === 'fr' ? SPACES : new Set([',']);
    if (digits.length <= 3) {
      while (separator.has(text[i] ?? '') && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4])) {
        i++;
        group();
      }
    }
    const decimal = lang === 'fr' ? (text[i] === ',' || text[i] === '.') && isDigit(text[i + 1]) : text[i] === '.' && isDigit(text[i + 1]);
    if (decimal) {
      digits += '.';
      i++;
      group();
    }
    let value = Number(digits);
    let end = i;
    const after = wordAfter(text, i);
    const scale = after ? SCALES[lang].get(after.word) : undefined;
    if (after && scale) {
      value *= scale.factor;
      end = after.end;
    }
    const percent = percentAt(text, end, lang);
    if (percent > end) end = percent;
    found.push({ value, offset: start, text: text.slice(start, end), percent: percent > 0, ...(scale ? { scale } : {}) });
    i = Math.max(i, end);
  }
  return found;
}

/** The word right after `at` (after at most one space), with where it ends. */
function wordAfter(text: string, at: number): { word: string; end: number } | undefined {
  let i = at;
  if (SPACES.has(text[i] ?? '')) i++;
  const start = i;
  while (isLetter(text[i])) i++;
  if (i === start || isDigit(text[i])) return undefined;
  return { word: text.slice(start, i), end: i };
}

/** The end of a percent sign or word right after `at`, or 0. */
function percentAt(text: string, at: number, lang: NumberLang): number {
  let i = at;
  if (SPACES.has(text[i] ?? '')) i++;
  if (text[i] === '%') return i + 1;
  const word = wordAfter(text, at);
  if (lang === 'en' && word && /^per ?cent$/i.test(word.word)) return word.end;
  if (lang === 'fr' && word?.word === 'pour' && text.slice(word.end).match(/^[ \u00a0\u202f]cent(?!\p{L})/u)) return word.end + 5;
  return 0;
}

/**
 * The values of the numbers `text` spells out: "trois" → 3, "un milliard" → 1e9 (a word followed
 * by a scale word), "three", "two million". Case-insensitive.
 */
export function spelledNumbers(text: string, lang: NumberLang): Set<number> {
  const values = new Set<number>();
  const words = [...text.matchAll(/[\p{L}-]+/gu)].map((m) => m[0]);
  words.forEach((word, i) => {
    const value = WORDS[lang].get(word.toLowerCase());
    if (value === undefined) return;
    const next = words[i + 1];
    const scale = next === undefined ? undefined : SCALES[lang].get(next.toLowerCase());
    values.add(scale ? value * scale.factor : value);
  });
  return values;
}
