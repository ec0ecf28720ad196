/**
 * "Key figures" furniture: amounts, percentages, years and dates found in the French text, with a
 * structured value for per-language formatting and a short French label for translators.
 * Pure: no I/O.
 */
import { numberFormat } from '../core/intl-formats.js';
import { formatDay } from '../core/dates.js';
import type { Article, Currency, FigureKind, KeyFigure, Scale } from '../core/types.js';
import { DEFAULTS } from '../core/defaults.js';
import { slugify } from '../core/slug.js';
import { numberRunStarts } from './number-runs.js';
import { segmentsInReadingOrder, segmentText, sentenceFinder } from './text.js';

export type { KeyFigure } from '../core/types.js';

// ---------------------------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------------------------

/** Spaces found inside French numbers and before units: space, no-break space, narrow no-break space. */
const SP = '[ \\u00a0\\u202f]';
/** A French number: "1", "1,5", "1 000", "2 500 000,75" (groups of 3 after spaces). */
const NUMBER = `(?<![\\p{L}\\p{N},.])(?<number>\\d{1,3}(?:${SP}\\d{3})+(?!\\d)(?:,\\d+)?|\\d+(?:,\\d+)?)`;
/** Nothing word-like right after a figure ("GPT-4o", "5G" are not figures). */
const END = '(?![\\p{L}\\p{N}])';

/** Scale words and abbreviations, longest first. */
const SCALES: readonly { pattern: string; scale: Scale; factor: number }[] = [
  { pattern: 'milliards?|Mds|Md|Mrds|Mrd', scale: 'billion', factor: 1e9 },
  { pattern: 'millions?|M', scale: 'million', factor: 1e6 },
  { pattern: 'mille|k', scale: 'thousand', factor: 1e3 },
];

/** Currency words and symbols. */
const CURRENCIES: readonly { pattern: string; currency: Currency; symbol: string; fr: [singular: string, plural: string] }[] = [
  { pattern: 'dollars?(?: américains)?|USD|\\$', currency: 'USD', symbol: '$', fr: ['dollar', 'dollars'] },
  { pattern: 'euros?|EUR|€', currency: 'EUR', symbol: '€', fr: ['euro', 'euros'] },
];

/** French months, for dates. */
const MONTHS: readonly string[] = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

interface Parsed {
  value: number;
  currency?: Currency;
  scale?: Scale;
}

/**
 * One detection rule. Rules run in this order on each segment's text and a later rule never takes
 * text already taken (the "2026" of a date is not also a year, the "1" of an amount not a number).
 */
export interface FigureRule {
  kind: FigureKind;
  /** Compiled with the `gu` flags (plus `i` when `ignoreCase`). */
  pattern: string;
  ignoreCase?: boolean;
  /** Whether a product name right before disqualifies it ("Windows 11", "Microsoft 365", "GPT-5"). */
  productGuard: boolean;
  /**
   * The pattern starts with `NUMBER` and what follows the number never starts with a digit: a match
   * can then only start at one place in each run of digit groups (see number-runs.ts), the only
   * place it is tried, so a long `1 000 000 …` without a unit is read once, not once per group.
   */
  startsWithNumber?: boolean;
  parse: (groups: Record<string, string | undefined>) => Parsed | undefined;
  /** Fixture phrases that must each yield one figure of this kind; the tests run every one. */
  examples: readonly string[];
}

function frenchNumber(text: string): number {
  return Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
}

/** The entry of `table` whose pattern matches all of `text` (each pattern compiled once, anchored: no scan). */
function lookup<T extends { pattern: string }>(table: readonly T[], text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  return table.find((entry) => wholeMatch(entry.pattern).test(text));
}

const WHOLE_MATCH = new Map<string, RegExp>();
function wholeMatch(pattern: string): RegExp {
  let regex = WHOLE_MATCH.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'u');
    WHOLE_MATCH.set(pattern, regex);
  }
  return regex;
}

const SCALE_GROUP = `(?<scale>${SCALES.map((s) => s.pattern).join('|')})`;
const CURRENCY_GROUP = `(?<currency>${CURRENCIES.map((c) => c.pattern).join('|')})`;
const MONTH_GROUP = `(?<month>${MONTHS.join('|')}|fevrier|aout|decembre)`;

export const FIGURE_RULES: readonly FigureRule[] = [
  {
    kind: 'amount',
    // number, optional scale ("milliard", "M", "Mds"), then "de"/"d’" + currency word or a symbol.
    pattern: `${NUMBER}(?:${SP}?${SCALE_GROUP}(?![\\p{L}]))?(?:${SP}+de${SP}+|${SP}+d[’']${SP}?|${SP}?)${CURRENCY_GROUP}(?![\\p{L}\\p{N}])`,
    productGuard: true,
    startsWithNumber: true,
    parse: (g) => {
      const scale = lookup(SCALES, g.scale);
      const currency = lookup(CURRENCIES, g.currency);
      if (!currency || g.number === undefined) return undefined;
      const n = frenchNumber(g.number);
      const value = scale ? Math.round(n * scale.factor) : n;
      return { value, currency: currency.currency, ...(scale ? { scale: scale.scale } : {}) };
    },
    examples: ['1 milliard de dollars', '1,5 milliard d’euros', '500 millions de dollars', '10 M€', '3 Mds$', '2 000 euros', '40 k€'],
  },
  {
    kind: 'percent',
    pattern: `${NUMBER}${SP}?(?:%|pour${SP}?cent${END})`,
    productGuard: true,
    startsWithNumber: true,
    parse: (g) => (g.number === undefined ? undefined : { value: frenchNumber(g.number) }),
    examples: ['20 %', '20 pour cent', '2,5 %', '20%'],
  },
  {
    kind: 'date',
    pattern: `(?<![\\p{L}\\p{N}])(?<day>1er|1ᵉʳ|\\d{1,2})${SP}+${MONTH_GROUP}${SP}+(?<year>\\d{4})${END}`,
    ignoreCase: true,
    productGuard: false,
    parse: (g) => {
      const folded = (g.month ?? '').toLowerCase().replace('fevrier', 'février').replace('aout', 'août').replace('decembre', 'décembre');
      const month = MONTHS.indexOf(folded);
      const day = /^1/.test(g.day ?? '') && !/^1\d/.test(g.day ?? '') ? 1 : Number(g.day);
      const year = Number(g.year);
      const value = Date.UTC(year, month, day);
      // Reject impossible days ("31 février 2025").
      if (month < 0 || day < 1 || new Date(value).getUTCDate() !== day) return undefined;
      return { value };
    },
    examples: ['26 novembre 2026', '1er janvier 2025', '14 juillet 1789'],
  },
  {
    kind: 'year',
    // 1900–2099 alone: not inside a larger number ("12019", "2019,5"), not glued to letters.
    pattern: `(?<![\\p{L}\\p{N},.])(?<year>(?:19|20)\\d{2})(?![\\p{L}\\p{N}]|[,.]\\d)`,
    productGuard: true,
    parse: (g) => ({ value: Number(g.year) }),
    examples: ['2019', '1999'],
  },
];

/**
 * Capitalised words that may stand right before a figure without making it part of a product name:
 * sentence-initial function words ("En 2019", "Depuis 2020", "Environ 20 %") and months/seasons.
 * Any other word holding a capital ("Windows 11", "Microsoft 365", "Office 2019", "iPhone 15")
 * disqualifies the figure that follows it, as does a capitalised word joined by a hyphen ("GPT-5").
 */
const NOT_PRODUCT_WORDS: ReadonlySet<string> = new Set([
  'en',
  'dès',
  'des',
  'depuis',
  'ici',
  'avant',
  'après',
  'vers',
  'fin',
  'début',
  'mi',
  'entre',
  'jusqu’en',
  'jusqu’à',
  'dans',
  'pour',
  'sur',
  'de',
  'du',
  'le',
  'la',
  'les',
  'l’',
  'au',
  'aux',
  'un',
  'une',
  'environ',
  'plus',
  'moins',
  'près',
  'quelque',
  'soit',
  'et',
  'ou',
  'mais',
  'or',
  'donc',
  'car',
  'à',
  'avec',
  'sans',
  'par',
  'selon',
  'contre',
  'ce',
  'cet',
  'cette',
  'ces',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'notre',
  'nos',
  'chaque',
  'tout',
  'tous',
  'lors',
  'hier',
  'seulement',
  'déjà',
  'près',
  'printemps',
  'été',
  'automne',
  'hiver',
  ...MONTHS,
]);

/**
 * The word right before a figure, read backwards from the figure with sticky lookbehinds: a
 * `…$` search on the text before the figure would rescan that whole text for every figure.
 */
const HYPHENATED_BEFORE = /(?<=([\p{L}\p{N}]+))[-‑]/uy;
const WORD_BEFORE = /(?<=(?:^|[\s(«"“])([\p{L}\p{N}’'.-]+))[ \u00a0\u202f]/uy;

function followsProductWord(text: string, index: number): boolean {
  if (index === 0) return false;
  HYPHENATED_BEFORE.lastIndex = index - 1;
  const hyphenated = HYPHENATED_BEFORE.exec(text);
  if (hyphenated) return /\p{Lu}/u.test(hyphenated[1] ?? '');
  WORD_BEFORE.lastIndex = index - 1;
  const word = WORD_BEFORE.exec(text)?.[1];
  if (!word || !/\p{Lu}/u.test(word)) return false;
  const folded = word
    .toLocaleLowerCase('fr')
    .replace(/'/g, '’')
    .replace(/^[dl]’/, '');
  return !NOT_PRODUCT_WORDS.has(folded);
}

const COMPILED_RULES = FIGURE_RULES.map((rule) => ({
  rule,
  regex: new RegExp(rule.pattern, `${rule.ignoreCase ? 'i' : ''}${rule.startsWithNumber ? 'y' : 'g'}u`),
}));

/** A figure found in a plain text: its kind, value, exact text and offset. */
export interface FoundFigure extends Parsed {
  kind: FigureKind;
  text: string;
  at: number;
}
type Found = FoundFigure;

/** Figures of one plain text, in order of appearance (every occurrence). */
export function detectFigures(text: string): Found[] {
  /** Spans taken by earlier rules, sorted and disjoint: a later rule never takes text already taken. */
  let taken: [number, number][] = [];
  const found: Found[] = [];
  const runStarts = numberRunStarts(text);
  for (const { rule, regex } of COMPILED_RULES) {
    const accepted: [number, number][] = [];
    let cursor = 0; // matches come in order, so one pass over `taken` per rule
    for (const match of rule.startsWithNumber ? stickyMatches(text, regex, runStarts) : text.matchAll(regex)) {
      const at = match.index;
      const end = at + match[0].length;
      while (cursor < taken.length && taken[cursor]![1] <= at) cursor++;
      if (cursor < taken.length && taken[cursor]![0] < end) continue;
      if (rule.productGuard && followsProductWord(text, at)) continue;
      const parsed = rule.parse(match.groups ?? {});
      if (!parsed || !Number.isFinite(parsed.value)) continue;
      accepted.push([at, end]);
      found.push({ kind: rule.kind, text: match[0], at, ...parsed });
    }
    taken = mergeSpans(taken, accepted);
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The matches of the sticky `regex` tried at each of `starts` (ascending), skipping starts inside an earlier match, as `matchAll` would. */
function* stickyMatches(text: string, regex: RegExp, starts: readonly number[]): Generator<RegExpExecArray> {
  let after = 0;
  for (const start of starts) {
    if (start < after) continue;
    regex.lastIndex = start;
    const match = regex.exec(text);
    if (match) {
      after = start + match[0].length;
      yield match;
    }
  }
}

/** Two sorted lists of disjoint spans, merged into one sorted list. */
function mergeSpans(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!);
  return merged;
}

/** Symbols in ids: "10 M€" → "amount-10-m-eur", "20 %" → "percent-20-pct". */
function figureSlug(kind: FigureKind, text: string): string {
  const spelled = text.replace(/€/g, ' eur ').replace(/\$/g, ' usd ').replace(/%/g, ' pct ');
  return `${kind}-${slugify(spelled, 'figure')}`;
}

/**
 * The article's key figures: each distinct figure (same kind, value and currency) once, at its
 * first occurrence, in reading order (lead, then each section's heading and blocks).
 */
export function keyFigures(article: Article): KeyFigure[] {
  const figures: KeyFigure[] = [];
  const seen = new Set<string>();
  const ids = new Map<string, number>();
  for (const segment of segmentsInReadingOrder(article)) {
    const text = segmentText(segment);
    const sentenceAt = sentenceFinder(text, DEFAULTS.figureContext);
    for (const found of detectFigures(text)) {
      const identity = `${found.kind}|${found.value}|${found.currency ?? ''}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const base = figureSlug(found.kind, found.text);
      const count = (ids.get(base) ?? 0) + 1;
      ids.set(base, count);
      figures.push({
        id: count === 1 ? base : `${base}-${count}`,
        kind: found.kind,
        text: found.text,
        value: found.value,
        ...(found.currency ? { currency: found.currency } : {}),
        ...(found.scale ? { scale: found.scale } : {}),
        key: segment.key,
        sentence: sentenceAt(found.at, found.text.length),
      });
    }
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/**
 * A figure written for `lang`, with Node's ICU (`Intl`):
 * - amount: fr "1 milliard de dollars", "1,5 milliard d’euros", "2 000 euros";
 *   en "$1 billion", "€1.5 billion", "$2,000";
 * - percent: fr "20 %" (narrow no-break space U+202F, normalised from ICU's U+00A0), en "20%";
 * - year: "2019";
 * - date: fr "26 novembre 2026", "1er janvier 2025"; en (en-GB) "26 November 2026".
 */
export function formatFigure(figure: KeyFigure, lang: 'fr' | 'en'): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  switch (figure.kind) {
    case 'year':
      return String(figure.value);
    case 'percent': {
      const text = numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(figure.value / 100);
      // Node 20's ICU (checked with ICU 78.2) puts a no-break space U+00A0 before "%" in fr-FR; French
      // typography (and the brief) wants the narrow one, U+202F, as ICU already uses between digit groups.
      return lang === 'fr' ? text.replace(/\u00a0%/, '\u202f%') : text;
    }
    case 'date':
      // The briefing's one date formatter ("1er janvier 2025" in French).
      return formatDay(figure.value, lang);
    case 'amount': {
      const currency = CURRENCIES.find((c) => c.currency === figure.currency);
      const large = Math.abs(figure.value) >= 1e6;
      const number = numberFormat(locale, {
        maximumFractionDigits: 2,
        ...(large ? { notation: 'compact', compactDisplay: 'long' } : {}),
      }).format(figure.value);
      if (!currency) return number;
      if (lang === 'fr') {
        const word = Math.abs(figure.value) >= 2 ? currency.fr[1] : currency.fr[0];
        // "1,5 milliard de dollars" / "10 millions d’euros" / "2 000 euros".
        if (!large) return `${number} ${word}`;
        return /^[aeiouy]/.test(word) ? `${number} d’${word}` : `${number} de ${word}`;
      }
      if (large) return `${currency.symbol}${number}`;
      return numberFormat('en-GB', {
        style: 'currency',
        currency: currency.currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: Number.isInteger(figure.value) ? 0 : 2,
        maximumFractionDigits: 2,
      }).format(figure.value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

/** Endings of first-group verbs (-er) that may stand before a figure: "débuté", "lance", "prolonger". */
const ER = '(?:er|é|ée|és|ées|e|es|ent|era|eront|erait|ait|aient|ant)';
/** Endings of second-group verbs (-ir, -issons). */
const IR = '(?:ir|i|ie|is|ies|it|issent|ira|iront|irait|issait|issant)';

/**
 * Verbs, as a regex over the whole (lower-case) word, and the noun naming their action. Whole-word
 * forms only, so that "investissement" or "lancement" (nouns already) are not taken for verbs.
 */
const NOMINALIZATIONS: readonly [verb: string, noun: string][] = [
  [`début${ER}`, 'début'],
  [`commenc${ER}|commenç(?:a|ait|aient|ant)`, 'début'],
  [`démarr${ER}`, 'démarrage'],
  [`prolong${ER}|prolonge(?:a|ait|aient|ant)`, 'prolongation'],
  [`lanc${ER}|lanç(?:a|ait|aient|ant)`, 'lancement'],
  [`expir${ER}`, 'expiration'],
  [`sign${ER}`, 'signature'],
  [`annonc${ER}|annonç(?:a|ait|aient|ant)`, 'annonce'],
  [`fond${ER}`, 'fondation'],
  [`cré${ER}`, 'création'],
  [`rachet${ER}|rachèt(?:e|ent|era)`, 'rachat'],
  [`invest${IR}`, 'investissement'],
  [`lev${ER}|lèv(?:e|ent|era)`, 'levée'],
  [`augment${ER}`, 'augmentation'],
  [`baiss${ER}`, 'baisse'],
  [`recul${ER}`, 'recul'],
  [`progress${ER}`, 'progression'],
  [`chut${ER}`, 'chute'],
  [`sort(?:ir|i|ie|ies|is|ira|ent)`, 'sortie'],
  [`publi${ER}`, 'publication'],
  [`conclu(?:re|e|es|s|t|ent|ra)?`, 'conclusion'],
  [`renouvel${ER}|renouvell(?:e|ent|era)`, 'renouvellement'],
  [`étend(?:re|u|ue|us|ues|ra|ent)`, 'extension'],
  [`entr${ER}`, 'entrée'],
  [`termin${ER}`, 'fin'],
  [`achev${ER}|achèv(?:e|ent|era)`, 'achèvement'],
  [`ouvr(?:ir|e|ent|ira|ait)|ouvert(?:e|es|s)?`, 'ouverture'],
  [`ferm${ER}`, 'fermeture'],
  [`vers${ER}`, 'versement'],
  [`valoris${ER}`, 'valorisation'],
];
const NOMINALIZATION_REGEXES = NOMINALIZATIONS.map(([verb, noun]) => [new RegExp(`^(?:${verb})$`, 'u'), noun] as const);

/** Every regular expression this module builds at run time (checked for backtracking by tests/regex-safety.test.ts). */
export const FIGURE_REGEXES: readonly RegExp[] = [
  ...COMPILED_RULES.map(({ regex }) => regex),
  ...NOMINALIZATION_REGEXES.map(([regex]) => regex),
  ...[...SCALES, ...CURRENCIES].map((entry) => wholeMatch(entry.pattern)),
];

/** Determiners before a noun, and how "de" contracts with them ("le partenariat" → "du partenariat"). */
const DE_CONTRACTIONS: Readonly<Record<string, string>> = {
  le: 'du ',
  la: 'de la ',
  'l’': 'de l’',
  les: 'des ',
  leur: 'de leur ',
  leurs: 'de leurs ',
  son: 'de son ',
  sa: 'de sa ',
  ses: 'de ses ',
  ce: 'de ce ',
  cet: 'de cet ',
  cette: 'de cette ',
  ces: 'de ces ',
  un: 'd’un ',
  une: 'd’une ',
};

/** Words that are not content words: they end a noun phrase read backwards. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(DE_CONTRACTIONS),
  'de',
  'd’',
  'du',
  'des',
  'à',
  'au',
  'aux',
  'en',
  'dès',
  'depuis',
  'ici',
  'avant',
  'après',
  'vers',
  'entre',
  'jusqu’',
  'jusqu’en',
  'dans',
  'pour',
  'par',
  'sur',
  'sous',
  'avec',
  'sans',
  'selon',
  'contre',
  'et',
  'ou',
  'mais',
  'or',
  'donc',
  'car',
  'que',
  'qu’',
  'qui',
  'dont',
  'où',
  'il',
  'elle',
  'ils',
  'elles',
  'on',
  'se',
  's’',
  'y',
  'ne',
  'n’',
  'pas',
  'a',
  'ont',
  'est',
  'sont',
  'été',
  'était',
  'sera',
  'avait',
  'plus',
  'moins',
  'près',
  'environ',
  'quelque',
  'bien',
  'très',
  'déjà',
  'encore',
  'au-delà',
  'lors',
  'autour',
  'partir',
  'hors',
  'auprès',
  'jusqu’à',
  'mi',
  'fin',
  'début',
  'c’',
  'l’',
  'd’ici',
]);

/** Quantifiers dropped right before a figure ("de plus de 20 %" is read as "de 20 %"). */
const QUANTIFIERS: readonly string[][] = [
  ['plus', 'de'],
  ['moins', 'de'],
  ['près', 'de'],
  ['environ'],
  ['quelque'],
  ['jusqu’à'],
  ['pas', 'moins', 'de'],
  ['d’', 'environ'],
];

/** Labels when the sentence gives nothing usable. */
const KIND_LABELS: Readonly<Record<FigureKind, string>> = { amount: 'montant', percent: 'pourcentage', year: 'année', date: 'date' };

const MAX_LABEL_WORDS = 8;
/** Tokens: elided words ("d’", "l’", "jusqu’"), numbers ("6,6", "1 000"), words, single punctuation marks. */
const TOKEN =
  /(?:jusqu|lorsqu|puisqu|qu|[dlnsjcmt])[’'](?=\p{L})|\p{N}+(?:[,.]\p{N}+|[ \u00a0\u202f]\p{N}{3}(?!\p{N}))*(?!\p{L})|[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
/** Punctuation that ends a clause (unlike "%", "€", "$", apostrophes). */
const CLAUSE_BREAK = /^[,;:()«»“”"!?.…—–[\]]$/u;

interface Token {
  text: string;
  /** Lower case, typographic apostrophe. */
  low: string;
  at: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0].replace(/'/g, '’'), low: m[0].toLocaleLowerCase('fr').replace(/'/g, '’'), at: m.index }));
}

const isWord = (t: Token): boolean => /[\p{L}\p{N}]/u.test(t.text);
const isClauseBreak = (t: Token): boolean => CLAUSE_BREAK.test(t.text);
const isNumber = (t: Token): boolean => /^\p{N}/u.test(t.text);
const isContent = (t: Token): boolean => isWord(t) && !FUNCTION_WORDS.has(t.low) && !/^\p{N}/u.test(t.text);
const nominal = (t: Token): string | undefined => NOMINALIZATION_REGEXES.find(([verb]) => verb.test(t.low))?.[1];

/** Offset of `needle` in `haystack` as a whole figure (not inside a larger number or word). */
function figureOffset(haystack: string, needle: string): number {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
  }
  return haystack.indexOf(needle);
}

function cap(words: string[]): string {
  return words.slice(0, MAX_LABEL_WORDS).join(' ').replace(/’ /g, '’');
}

/**
 * A short French label (≤ 8 words) for a figure, from its sentence; deterministic, no dictionary
 * beyond the tables above. Reading the words of the figure's clause backwards from the figure:
 * 1. Quantifiers right before it are dropped ("de plus de 20 %" → "de 20 %").
 * 2. Noun complement — "…un investissement initial de 1 milliard de dollars": the figure follows
 *    "de"/"d’"; the content words before it, back to the first function word (max 4), form the
 *    label: "investissement initial". Does not apply when the word before "de" is a function word
 *    or locution ("au-delà de 2030"), or a verb of NOMINALIZATIONS (then rule 3).
 * 3. Event — "Le partenariat … a débuté en 2019": a verb of NOMINALIZATIONS among the last 5
 *    words of the clause gives the event noun ("début"); the nearest determiner + noun before that
 *    verb in the sentence gives what it is about ("Le partenariat" → "du partenariat"):
 *    "début du partenariat". Without such a noun phrase, the event noun alone.
 * When rules 1–3 find nothing and another figure stands earlier in the clause, they are retried on
 * the words before that figure ("Une levée de 6,6 milliards de dollars le 2 octobre 2024" → "levée").
 * 4. Otherwise the content words just before the figure in its clause, after any earlier figure
 *    (up to 6, minus leading and trailing function words); else those of the clause just after it
 *    ("Le 26 novembre 2026, Microsoft a annoncé un accord." → "Microsoft a annoncé un accord");
 *    else a generic label per kind ("année", …).
 * A clause runs back to the last `, ; : ( ) « » — …` mark; "%", "€", "$" do not end one.
 */
export function figureLabel(figure: KeyFigure): string {
  return labelFor(figure.kind, figure.text, figure.sentence).label;
}

/**
 * Which rule of `figureLabel` gave a label: `complement` (2), `event` (3), `before`/`after` (4:
 * the words around the figure) or `kind` (the generic label). Only the first two read as a noun
 * phrase; `briefing suggest` proposes only those (facts/suggestions.ts).
 */
export type LabelRule = 'complement' | 'event' | 'before' | 'after' | 'kind';

/**
 * `figureLabel` with the rule that gave it, for a figure `text` of `kind` inside `sentence`.
 * `strict` (suggestions only, never the briefing's own labels): a noun complement reads on through
 * "de"/"d’" ("taux d’erreur moyen de 1 %" → "taux d’erreur moyen", not "erreur moyen"), and a word
 * right after a determiner is a noun, not an event verb ("d’annonce" is no "annonce" event).
 */
export function labelFor(kind: FigureKind, text: string, sentence: string, strict = false): { label: string; rule: LabelRule } {
  const offset = figureOffset(sentence, text);
  if (offset < 0) return { label: KIND_LABELS[kind], rule: 'kind' };
  const tokens = tokenize(sentence);
  const before = tokens.filter((t) => t.at < offset);
  const after = tokens.filter((t) => t.at >= offset + text.length);
  // The clause: back to the last clause punctuation ("%", "€", "$" do not end a clause).
  let clauseStart = before.length;
  while (clauseStart > 0 && !isClauseBreak(before[clauseStart - 1]!)) clauseStart--;
  const clause = before.slice(clauseStart);

  const direct = fromClause(before, clauseStart, clause, strict);
  if (direct) return direct;
  // "Une levée de 6,6 milliards de dollars le 2 octobre 2024": read from before the previous figure.
  const lastNumber = clause.map(isNumber).lastIndexOf(true);
  if (lastNumber > 0) {
    const earlier = fromClause(before, clauseStart, clause.slice(0, lastNumber), strict);
    if (earlier) return earlier;
  }

  // strict: "68,9 % des codes postaux" → "part des codes postaux".
  if (strict && kind === 'percent') {
    const share = shareOf(after);
    if (share) return { label: share, rule: 'complement' };
  }

  // 4. Fallbacks.
  const content = (list: Token[]): string[] => {
    const words = list.filter(isWord);
    while (words.length > 0 && !isContent(words[0]!)) words.shift();
    while (words.length > 0 && !isContent(words[words.length - 1]!)) words.pop();
    return words.map((t) => t.text);
  };
  const previous = content(clause.slice(lastNumber + 1).slice(-6));
  if (previous.length > 0) return { label: cap(previous), rule: 'before' };
  let afterStart = 0;
  while (afterStart < after.length && isClauseBreak(after[afterStart]!)) afterStart++;
  let afterEnd = afterStart;
  while (afterEnd < after.length && !isClauseBreak(after[afterEnd]!)) afterEnd++;
  const next = content(after.slice(afterStart, Math.min(afterEnd, afterStart + 6)));
  if (next.length > 0) return { label: cap(next), rule: 'after' };
  return { label: KIND_LABELS[kind], rule: 'kind' };
}

/** Rules 1–3 on the clause words before a figure (`clause` starts at `before[clauseStart]`). */
function fromClause(before: Token[], clauseStart: number, clause: Token[], strict: boolean): { label: string; rule: LabelRule } | undefined {
  // 1. Quantifiers.
  let end = clause.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const q of QUANTIFIERS) {
      const tail = clause.slice(Math.max(0, end - q.length), end).map((t) => t.low);
      if (end >= q.length && tail.join(' ') === q.join(' ')) {
        end -= q.length;
        changed = true;
      }
    }
  }
  const head = clause.slice(0, end);

  // 2. Noun complement.
  const last = head[head.length - 1];
  if (last && (last.low === 'de' || last.low === 'd’')) {
    const words: Token[] = [];
    for (let i = head.length - 2; i >= 0 && words.length < 4 && isContent(head[i]!); i--) {
      words.unshift(head[i]!);
      // strict: "taux d’erreur moyen" — read on through "de"/"d’" after a content word.
      const link = head[i - 1];
      if (strict && words.length < 3 && link && (link.low === 'de' || link.low === 'd’') && head[i - 2] && isContent(head[i - 2]!)) {
        words.unshift(link);
        i--;
      }
    }
    if (words.length > 0 && !nominal(words[0]!)) return { label: cap(words.map((t) => t.text)), rule: 'complement' };
  }

  // strict: "le taux de chômage local atteint 7,5 %": a verb of measure names the clause's subject.
  if (strict) {
    const subject = measuredSubject(head);
    if (subject) return { label: subject, rule: 'complement' };
  }

  // 3. Event verb + what it is about.
  for (let v = head.length - 1; v >= Math.max(0, head.length - 5); v--) {
    const noun = nominal(head[v]!);
    if (!noun || !isContent(head[v]!)) continue;
    if (strict && v > 0 && (DE_CONTRACTIONS[head[v - 1]!.low] !== undefined || head[v - 1]!.low === 'd’' || head[v - 1]!.low === 'de')) continue;
    const sentenceBefore = before.slice(0, clauseStart + v);
    // strict: the sentence's subject is its first noun phrase ("La politique de contribution de
    // l’état, publiée en 2018" is about the policy, not the state), and an event noun alone names nothing.
    const order = strict ? sentenceBefore.map((_, i) => i).slice(0, -1) : sentenceBefore.map((_, i) => sentenceBefore.length - 2 - i).filter((i) => i >= 0);
    for (const i of order) {
      const det = DE_CONTRACTIONS[sentenceBefore[i]!.low];
      const subject = sentenceBefore[i + 1]!;
      if (det !== undefined && isContent(subject) && !nominal(subject)) return { label: cap(`${noun} ${det}${subject.text}`.split(' ')), rule: 'event' };
    }
    if (strict) {
      // "Prolonger l’accord au-delà de 2030": the object right after the verb.
      const det = head[v + 1] && DE_CONTRACTIONS[head[v + 1]!.low];
      const object = head[v + 2];
      if (det !== undefined && object && isContent(object) && !nominal(object)) return { label: cap(`${noun} ${det}${object.text}`.split(' ')), rule: 'event' };
      return undefined;
    }
    return { label: noun, rule: 'event' };
  }
  return undefined;
}

/** Verbs that state a quantity of their subject ("atteint", "représente", "s’élève à"), right before the figure. */
const MEASURE_VERBS: ReadonlySet<string> = new Set([
  'atteint',
  'atteignent',
  'atteindra',
  'atteignait',
  'représente',
  'représentent',
  'représentait',
  'totalise',
  'totalisent',
  'dépasse',
  'dépassent',
  'avoisine',
  'avoisinent',
  'élève',
  'élèvent',
  'élevait',
  'monte',
  'montent',
  'culmine',
  'chiffre',
  'chiffrent',
]);

/**
 * "le taux de chômage local atteint 7,5 %" → "taux de chômage local": when the clause ends with a
 * verb of measure (maybe followed by "à"), the noun phrase after the clause's first determiner,
 * its content words linked by "de"/"d’" (at most 5 words).
 */
function measuredSubject(head: Token[]): string | undefined {
  let end = head.length;
  if (head[end - 1]?.low === 'à') end--;
  if (!MEASURE_VERBS.has(head[end - 1]?.low ?? '')) return undefined;
  const det = head.findIndex((t) => DE_CONTRACTIONS[t.low] !== undefined);
  if (det < 0) return undefined;
  const words: Token[] = [];
  for (let i = det + 1; i < end - 1 && words.length < 5; i++) {
    const token = head[i]!;
    const link = (token.low === 'de' || token.low === 'd’') && words.length > 0 && head[i + 1] && isContent(head[i + 1]!);
    if (isContent(token) || link) words.push(token);
    else break;
  }
  while (words.length > 0 && !isContent(words[words.length - 1]!)) words.pop();
  return words.length > 0 ? cap(words.map((t) => t.text)) : undefined;
}

/**
 * "68,9 % des codes postaux sont…" → "part des codes postaux": a percentage followed by "des"/"de"
 * (+ determiner) and a noun phrase is a share of it; the phrase's content words, linked by
 * "de"/"du"/"des", at most 3, stopping at any other word or punctuation; then the participle of a
 * passive that follows ("sont respectés").
 */
const COPULAS: ReadonlySet<string> = new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'été']);

function shareOf(after: Token[]): string | undefined {
  const first = after[0]?.low;
  if (first !== 'des' && first !== 'de' && first !== 'du' && first !== 'd’') return undefined;
  let i = 1;
  const det = first === 'de' || first === 'd’' ? after[1] && DE_CONTRACTIONS[after[1].low] : undefined;
  if (det !== undefined) i++;
  const words: Token[] = [];
  for (; i < after.length && words.length < 3; i++) {
    const token = after[i]!;
    const link = ['de', 'du', 'des', 'd’'].includes(token.low) && words.length > 0 && after[i + 1] && isContent(after[i + 1]!);
    if ((isContent(token) && !/\p{N}/u.test(token.text)) || link) words.push(token);
    else break;
  }
  while (words.length > 0 && !isContent(words[words.length - 1]!)) words.pop();
  if (words.length === 0) return undefined;
  const lead = det !== undefined ? `${first === 'd’' ? 'd’' : 'de '}${after[1]!.text} ` : `${after[0]!.text} `;
  // "… sont respectés": the participle says which part ("part des critères du RGAA respectés").
  let participle = '';
  for (let j = i; j < Math.min(after.length - 1, i + 6) && !isClauseBreak(after[j]!); j++) {
    if (COPULAS.has(after[j]!.low) && /(?:é|ée|és|ées)$/u.test(after[j + 1]!.low)) {
      participle = ` ${after[j + 1]!.text}`;
      break;
    }
  }
  return `part ${lead}${cap(words.map((t) => t.text))}${participle}`.replace(/’ /g, '’');
}
