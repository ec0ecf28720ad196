/**
 * `briefing:untranslated`: a translation identical to its French, unless the unit is
 * language-neutral (only names, numbers, URLs, code, English words: "GPT-5",
 * "[OpenAI](https://openai.com)", "MIT License").
 */
import { words } from './names.js';
import { nonProse } from './skip.js';
import type { QaCheck } from './types.js';

/**
 * French words that English does not use: a text holding one reads as French. A text without any
 * (a licence's English name, a quotation in English, "GPT-5") is the same in both languages.
 */
const FRENCH_WORDS = new Set(
  'le la les l un une des du de d et est sont ou où pour par avec dans sur au aux ce cette ces qui que qu ne pas plus son sa ses leur leurs nous vous ils elle elles il être avoir été fait comme mais donc car entre chez sans sous vers selon aussi très tout tous toute toutes'.split(
    ' ',
  ),
);

/** Whether `text` reads as French: it holds a French word outside names, URLs and code. */
function readsAsFrench(text: string): boolean {
  return words(text, nonProse(text)).some((word) => FRENCH_WORDS.has(word.text.toLowerCase()));
}

export const checkUntranslated: QaCheck = ({ french, english }) =>
  english.trim() === french.trim() && readsAsFrench(french) ? [{ rule: 'briefing:untranslated', params: {}, offset: 0 }] : [];
