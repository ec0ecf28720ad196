/**
 * `briefing:number-mismatch`: every number of the French is in the English, in English form, and
 * the English states no number the French lacks. Values are compared ("3 200" = "3,200",
 * "1 milliard" = "1 billion"), as a set (a number repeated in the French need not be repeated);
 * a number written as a word on one side ("trois", "three") excuses a digit on the other.
 */
import type { QaCheck } from './types.js';
import { spelledNumbers, statedNumbers, type StatedNumber } from './number-values.js';
import { nonProse } from './skip.js';

const ENGLISH = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

/** A number as the English should write it: "3,200", "2.5 million", "6%". */
function englishForm(n: StatedNumber): string {
  // A year (an integer 1000–2100 without scale or sign) is written without a separator.
  const year = !n.scale && !n.percent && Number.isInteger(n.value) && n.value >= 1000 && n.value <= 2100;
  const figure = n.scale ? `${ENGLISH.format(n.value / n.scale.factor)} ${n.scale.name}` : year ? String(n.value) : ENGLISH.format(n.value);
  return n.percent ? `${figure}%` : figure;
}

/** A value as a comparable key (no float noise: 2.5 × 1e6 and 2500000 are one key). */
const keyOf = (value: number) => value.toPrecision(12);

export const checkNumbers: QaCheck = ({ french, english }) => {
  const fr = statedNumbers(french, 'fr', nonProse(french));
  const en = statedNumbers(english, 'en', nonProse(english));
  const enValues = new Set(en.map((n) => keyOf(n.value)));
  const frValues = new Set(fr.map((n) => keyOf(n.value)));
  const enWords = new Set([...spelledNumbers(english, 'en')].map(keyOf));
  const frWords = new Set([...spelledNumbers(french, 'fr')].map(keyOf));
  const missing = unique(fr.filter((n) => !enValues.has(keyOf(n.value)) && !enWords.has(keyOf(n.value))));
  const extra = unique(en.filter((n) => !frValues.has(keyOf(n.value)) && !frWords.has(keyOf(n.value))));
  if (missing.length === 0 && extra.length === 0) return [];
  return [
    {
      rule: 'briefing:number-mismatch',
      params: { missing: missing.map((n) => `${n.text} (${englishForm(n)})`), extra: extra.map((n) => n.text) },
      offset: extra[0]?.offset ?? 0,
    },
  ];
};

/** The first number of each value. */
function unique(numbers: StatedNumber[]): StatedNumber[] {
  const seen = new Set<string>();
  return numbers.filter((n) => !seen.has(keyOf(n.value)) && seen.add(keyOf(n.value)));
}
