/**
 * Finding glossary terms in text, word by word: a term matches whole words (so "IA" is not found
 * in "OpenAI", and is found in the elided "l’IA" and "d’IA", whose apostrophe ends a word), its
 * last word also with a plural -s or -x ("milliards"), case-insensitively when the term is written
 * in lower case and exactly when it has a capital (acronyms, names). The text is cut into words
 * once, and each word looks up only the terms that start with it, so the time grows with the
 * text's length, not with its length times the glossary's.
 */
import type { Glossary, GlossaryTerm } from './glossary.js';

/** One occurrence of a phrase in a text: UTF-16 offsets of its first and past its last character. */
export interface Occurrence {
  start: number;
  end: number;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** A phrase ready for matching. */
interface Phrase {
  words: string[];
  /** Written with a capital: matched exactly. */
  exact: boolean;
  /** What separates consecutive words (normalised), e.g. " " or "-". */
  gaps: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** Any run of spaces is one space, a typographic apostrophe a straight one: "l’IA" and "l'IA" alike. */
function normalGap(gap: string): string {
  return gap.replace(/\s+/gu, ' ').replaceAll('’', "'");
}

function phraseOf(text: string): Phrase | undefined {
  const words = wordsOf(text);
  if (words.length === 0) return undefined;
  const exact = text !== text.toLowerCase();
  return {
    words: words.map((w) => (exact ? w.text : w.lower)),
    exact,
    gaps: words.slice(1).map((w, i) => normalGap(text.slice(words[i]!.end, w.start))),
  };
}

/** The word `word` of a text matches the phrase's `k`-th word (the last one also plural). */
function wordMatches(phrase: Phrase, k: number, word: Word): boolean {
  const expected = phrase.words[k]!;
  const actual = phrase.exact ? word.text : word.lower;
  if (actual === expected) return true;
  if (k !== phrase.words.length - 1 || actual.length !== expected.length + 1 || !actual.startsWith(expected)) return false;
  const suffix = actual.at(-1)!;
  return suffix === 's' || suffix === 'x' || (phrase.exact && (suffix === 'S' || suffix === 'X'));
}

function matchAt(phrase: Phrase, words: readonly Word[], i: number, text: string): Occurrence | undefined {
  const last = i + phrase.words.length - 1;
  if (last >= words.length) return undefined;
  for (let k = 0; k < phrase.words.length; k++) {
    if (!wordMatches(phrase, k, words[i + k]!)) return undefined;
    if (k > 0 && normalGap(text.slice(words[i + k - 1]!.end, words[i + k]!.start)) !== phrase.gaps[k - 1]) return undefined;
  }
  return { start: words[i]!.start, end: words[last]!.end };
}

/**
 * A set of phrases to look for, indexed by their first word (lower case, singular) so each word
 * of a text tries only the phrases that can start there.
 */
class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { phrase: Phrase; value: T }[]>();

  add(text: string, value: T): void {
    const phrase = phraseOf(text);
    if (!phrase) return;
    const first = phrase.words[0]!.toLowerCase();
    const list = this.byFirst.get(first) ?? [];
    list.push({ phrase, value });
    this.byFirst.set(first, list);
  }

  /** Every occurrence of every phrase in `text`, in text order, with the value it was added with. */
  find(text: string): { value: T; at: Occurrence }[] {
    const words = wordsOf(text);
    const found: { value: T; at: Occurrence }[] = [];
    words.forEach((word, i) => {
      const keys = new Set([word.lower, word.lower.slice(0, -1)]);
      for (const key of keys) {
        for (const { phrase, value } of this.byFirst.get(key) ?? []) {
          const at = matchAt(phrase, words, i, text);
          if (at) found.push({ value, at });
        }
      }
    });
    return found;
  }
}

/** Whether `text` holds `phrase` (a glossary term, French or English) by the rules above. */
export function containsPhrase(text: string, phrase: string): boolean {
  return findPhrase(text, phrase) !== undefined;
}

/** The first occurrence of `phrase` in `text`, if any. */
export function findPhrase(text: string, phrase: string): Occurrence | undefined {
  const index = new PhraseIndex<true>();
  index.add(phrase, true);
  return index.find(text)[0]?.at;
}

/** Finds the French terms of a glossary in French text. */
export interface TermFinder {
  /** The glossary's terms found in `french`, each once, in order of first occurrence. */
  termsIn(french: string): GlossaryTerm[];
}

/** A finder for `glossary`'s French terms, built once per glossary. */
export function termFinder(glossary: Glossary): TermFinder {
  const index = new PhraseIndex<GlossaryTerm>();
  for (const term of glossary.values()) index.add(term.fr, term);
  return {
    termsIn(french) {
      const terms = new Set<GlossaryTerm>();
      for (const { value } of index.find(french)) terms.add(value);
      return [...terms];
    },
  };
}
