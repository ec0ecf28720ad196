/**
 * `briefing:name-mismatch`: names and acronyms of the French are kept in the English — tokens with
 * an inner capital (OpenAI), a digit and a capital (GPT-5), all-capital acronyms (AGI, Insee's
 * INSEE) and capitalised words inside a sentence (Microsoft, Insee). French acronyms that English
 * writes otherwise (IA → AI) and country names (Chine → China, through `Intl.DisplayNames`) are
 * accepted in their English form; a capitalised word is also kept when an English word starts with
 * its first four letters (Europe → European, Commission).
 */
import type { QaCheck } from './types.js';
import { FRENCH_ACRONYMS } from './acronyms.js';
import { nonProse } from './skip.js';
import { inside, type Range } from '../lint/spans.js';

/** French articles and contractions before a capitalised common noun (an institution: "l’État"). */
const DETERMINERS = new Set(['le', 'la', 'les', 'l', 'du', 'des', 'de', 'd', 'au', 'aux', 'un', 'une', 'ce', 'cette']);

/** A word, with its hyphen- or dot-joined parts ("GPT-5", "États-Unis", "GPT-4.5"). */
const TOKEN = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu;

interface NameToken {
  text: string;
  offset: number;
  /** The strong kinds (inner capital, digits, acronym) or a capitalised word inside a sentence. */
  kind: 'name' | 'acronym' | 'capitalised';
}

/** The words of `text` outside `skip`, with whether each starts a sentence. */
export function words(text: string, skip: readonly Range[]): { text: string; offset: number; sentenceStart: boolean }[] {
  const out: { text: string; offset: number; sentenceStart: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (inside(skip, m.index)) continue;
    const between = text.slice(last, m.index);
    // A sentence, title or list starts at the value's start, after . ! ? … : a line break, a dash or an opening quote or bracket.
    // So does the first word after a heading's or item's number ("1.1 Les chiffres").
    const sentenceStart = out.every((w) => /^\p{N}+(?:\.\p{N}+)*$/u.test(w.text)) || /[.!?…:\n—–«“([]|\s-\s/.test(between);
    out.push({ text: m[0], offset: m.index, sentenceStart });
    last = m.index + m[0].length;
  }
  return out;
}

/** The names and acronyms of `text` (French or English). */
function nameTokens(text: string): NameToken[] {
  const list = words(text, nonProse(text));
  return list.flatMap((word, i): NameToken[] => {
    // "le Gouvernement", "l’État", "la République": a capitalised common noun, translated.
    const afterArticle = DETERMINERS.has(list[i - 1]?.text.toLowerCase() ?? '');
    const kind = nameKind(word.text, word.sentenceStart || afterArticle);
    return kind ? [{ text: word.text, offset: word.offset, kind }] : [];
  });
}

/** Whether a word is a name, and of which kind; undefined for an ordinary word. */
function nameKind(word: string, sentenceStart: boolean): NameToken['kind'] | undefined {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return undefined;
  if (/\p{Ll}\p{Lu}/u.test(word) || (/\p{N}/u.test(word) && /\p{Lu}/u.test(word))) return 'name';
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'acronym';
  if (!sentenceStart && /^\p{Lu}\p{Ll}/u.test(word)) return 'capitalised';
  return undefined;
}

let regions: Map<string, string> | undefined;
/** French country and region names → English ("Chine" → "China"), from ICU. */
function englishRegion(french: string): string | undefined {
  if (!regions) {
    regions = new Map();
    const fr = new Intl.DisplayNames('fr', { type: 'region', fallback: 'none' });
    const en = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const A = 'A'.charCodeAt(0);
    for (let i = 0; i < 26 * 26; i++) {
      const code = String.fromCharCode(A + Math.floor(i / 26), A + (i % 26));
      const [name, english] = [fr.of(code), en.of(code)];
      if (name && english) regions.set(name, english);
    }
  }
  return regions.get(french);
}

export const checkNames: QaCheck = ({ french, english }) => {
  // Words and their hyphen-joined parts ("AI-generated" holds "AI").
  const englishWords = new Set(words(english, nonProse(english)).flatMap((w) => [w.text, ...w.text.split(/[-.]/)]));
  const lower = [...englishWords].map((w) => w.toLowerCase());
  const kept = (token: NameToken): boolean => {
    if (englishWords.has(token.text) || english.includes(token.text)) return true;
    // "Van Rossum" → "van Rossum": English capitalises differently.
    if (token.kind === 'capitalised' && lower.includes(token.text.toLowerCase())) return true;
    if (token.kind === 'acronym') return (FRENCH_ACRONYMS.get(token.text) ?? []).some((form) => englishWords.has(form));
    if (token.kind !== 'capitalised') return false;
    const region = englishRegion(token.text);
    if (region && english.includes(region)) return true;
    const stem = token.text.slice(0, 4).toLowerCase();
    return token.text.length > 4 && lower.some((w) => w.startsWith(stem));
  };
  const missing = [
    ...new Set(
      nameTokens(french)
        .filter((token) => !kept(token))
        .map((token) => token.text),
    ),
  ];
  return missing.length === 0 ? [] : [{ rule: 'briefing:name-mismatch', params: { missing }, offset: 0 }];
};
