/**
 * Suggestions for a person writing an article's front matter (`briefing suggest`): candidate key
 * figures with a noun-phrase label, and candidate sources, each with the line it comes from.
 * Nothing here is ever printed in a briefing: a person copies what is right into `figures:` and
 * `sources:`. Precision matters more than recall (docs/writing.md, "Suggestions"), so a candidate
 * is dropped whenever it may be part of an identifier or a range, or when no noun-phrase label is
 * found for it. Pure: no I/O.
 */
import type { Article, Currency, FigureKind, Segment } from '../core/types.js';
import { DEFAULTS } from '../core/defaults.js';
import { detectFigures, labelFor, type FoundFigure } from './key-figures.js';
import { detectSourceMatches } from './attributions.js';
import { foldKey, segmentsInReadingOrder, segmentText, sentenceFinder } from './text.js';

/** A typed value as the front matter's `figures:` takes it. */
type SuggestedValue = number | { amount: number; currency: Currency } | { percent: number } | { date: string };

interface SuggestedFigure {
  kind: FigureKind;
  /** As the front matter takes it: `{ amount, currency }`, `{ percent }`, `{ date: YYYY-MM-DD }`, or a year. */
  value: SuggestedValue;
  /** The figure as the article writes it ("1 milliard de dollars"). */
  text: string;
  /** A proposed label: a noun phrase of a few words from the figure's clause. */
  label: string;
  /** The sentence the figure comes from. */
  sentence: string;
  /** Line in the source file. */
  line: number;
}

interface SuggestedSource {
  name: string;
  /** The attribution as written around the name ("selon Axios"): the sentence it comes from. */
  sentence: string;
  line: number;
}

export interface Suggestions {
  figures: SuggestedFigure[];
  sources: SuggestedSource[];
}

/** Separators inside a run of numbers read as one identifier: "2017/1926", "01 23 45 67 89", "2019-2021". */
const JOINERS = new Set([' ', '\u00a0', '\u202f', '.', '/', '-', '–', '‑']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Whether digits touch the figure through a joiner on either side: a regulation, phone or issue number, or a "80-100" range. */
function gluedToNumbers(text: string, at: number, end: number): boolean {
  if (text[at - 1] === '/' || text[end] === '/' || text[at - 1] === '#') return true;
  const leftJoined = JOINERS.has(text[at - 1] ?? '') && isDigit(text[at - 2]);
  const rightJoined = JOINERS.has(text[end] ?? '') && isDigit(text[end + 1]);
  return leftJoined || rightJoined;
}

/** Words after which a number names something (a numero, an article, a version), never a quantity. */
const IDENTIFIER_WORDS = new Set([
  'n°',
  'nº',
  'no',
  'n',
  'numéro',
  'numéros',
  'num',
  'article',
  'art',
  'issue',
  'ticket',
  'version',
  'v',
  'tél',
  'téléphone',
  'fax',
]);

/** The word right before `at` (at most 20 characters back), lower case, without its final dot. */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\u00a0' || text[end - 1] === '\u202f')) end--;
  if (text[end - 1] === '.') end--;
  let start = end;
  while (start > 0 && end - start < 20 && !/[\s(«"“]/u.test(text[start - 1]!)) start--;
  return text.slice(start, end).toLocaleLowerCase('fr');
}

/** The word right after `end` (at most 20 characters on), lower case. */
function wordAfter(text: string, end: number): string {
  let start = end;
  while (start < text.length && /\s/u.test(text[start]!)) start++;
  let stop = start;
  while (stop < text.length && stop - start < 20 && !/[\s,;:.)»]/u.test(text[stop]!)) stop++;
  return text.slice(start, stop).toLocaleLowerCase('fr');
}

/** Whether the two words before `at` are a number then "et"/"à"/"au" ("entre 80 et 100 000 €", "de 10 à 20 %"). */
function endsRange(text: string, at: number): boolean {
  const joiner = wordBefore(text, at);
  if (joiner !== 'et' && joiner !== 'à' && joiner !== 'au') return false;
  let i = at;
  while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
  i -= joiner.length;
  // Back over the words of the first bound: at most 2 words ("80", "10 millions", "1er janvier 2025").
  const window = text.slice(Math.max(0, i - 24), i);
  return /\d/u.test(window) && /(?:^|\s)(?:entre|de|du|d’|d')\s/u.test(` ${text.slice(Math.max(0, i - 40), i)}`);
}

/** Whether the figure opens a range: "entre 2019 et 2021", "de 10 à 20 %", "du 1er janvier au 31 mars 2025". */
function startsRange(text: string, at: number, end: number): boolean {
  const before = wordBefore(text, at);
  if (before !== 'entre' && before !== 'de' && before !== 'du' && before !== 'd’' && before !== "d'") return false;
  const next = wordAfter(text, end);
  if (next !== 'et' && next !== 'à' && next !== 'au') return false;
  let i = end;
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return /\d/u.test(text.slice(i + next.length, i + next.length + 12));
}

/** Whether a figure found at [at, end) of `text` is part of an identifier or a range, never a key figure. */
function isIdentifierOrRange(text: string, at: number, end: number): boolean {
  if (gluedToNumbers(text, at, end)) return true;
  if (IDENTIFIER_WORDS.has(wordBefore(text, at))) return true;
  return endsRange(text, at) || startsRange(text, at, end);
}

function suggestedValue(found: FoundFigure): SuggestedValue {
  switch (found.kind) {
    case 'amount':
      return { amount: found.value, currency: found.currency ?? 'EUR' };
    case 'percent':
      return { percent: found.value };
    case 'date':
      return { date: new Date(found.value).toISOString().slice(0, 10) };
    case 'year':
      return found.value;
  }
}

/** The source line of offset `at` of a segment's plain text: the segment's first line plus the line breaks before it. */
function lineOf(segment: Segment, text: string, at: number): number {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) breaks++;
  return segment.place.line + breaks;
}

/** Labels that are not a noun phrase a reader would accept on a card. */
function acceptableLabel(label: string): boolean {
  const words = label.split(/\s+/u);
  if (words.length > 6) return false;
  if (PRONOUNS.has(words[0]!.toLocaleLowerCase('fr'))) return false;
  if (words.length === 1 && GENERIC_NOUNS.has(label.toLocaleLowerCase('fr'))) return false;
  // A single participle ("doté", "estimée") is a verb, not a noun phrase.
  if (words.length === 1 && /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)$/u.test(label) && !NOUNS_LIKE_PARTICIPLES.has(label.toLocaleLowerCase('fr'))) return false;
  return /^\p{Ll}/u.test(label) || /^\p{Lu}\p{Ll}/u.test(label);
}

/** Numerals spelled out: "quatre prix de 10 000 €" is a card "10 000 € — prix", the count belongs to the sentence. */
const NUMERALS = new Set([
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'douze',
  'quinze',
  'vingt',
  'cent',
  'mille',
  'plusieurs',
  'quelques',
]);

function withoutLeadingNumeral(label: string): string {
  const [first, ...rest] = label.split(' ');
  return rest.length > 0 && NUMERALS.has(first!.toLocaleLowerCase('fr')) ? rest.join(' ') : label;
}

/** Nouns that only repeat the figure's kind: "10 000 € — montant" tells a reader nothing. */
const GENERIC_NOUNS = new Set(['montant', 'somme', 'total', 'chiffre', 'nombre', 'valeur', 'année', 'date', 'pourcentage', 'part', 'taux', 'coût']);

/** Pronouns: "ceux de 2019" names nothing on its own. */
const PRONOUNS = new Set(['ceux', 'celles', 'celui', 'celle', 'cela', 'ceci', 'chacun', 'chacune', 'certains', 'certaines', 'plusieurs', 'tous', 'toutes']);

/** Common nouns whose ending looks like a participle's. */
const NOUNS_LIKE_PARTICIPLES = new Set([
  'société',
  'année',
  'durée',
  'entrée',
  'marché',
  'comité',
  'montée',
  'arrivée',
  'levée',
  'journée',
  'portée',
  'baisse',
  'hausse',
  'prix',
  'revenu',
  'chiffre',
]);

/**
 * Candidate key figures, each distinct value once (its first occurrence with an acceptable
 * label), in reading order; candidate sources, each name once, in reading order.
 */
export function suggest(article: Article): Suggestions {
  const figures: SuggestedFigure[] = [];
  const sources: SuggestedSource[] = [];
  const seenFigures = new Set<string>();
  const seenSources = new Set<string>();
  for (const segment of segmentsInReadingOrder(article)) {
    if (segment.kind === 'heading') continue; // a heading is a title, not a sentence to label from
    const text = segmentText(segment);
    const sentenceAt = sentenceFinder(text, DEFAULTS.figureContext);
    for (const found of detectFigures(text)) {
      const identity = `${found.kind}|${found.value}|${found.currency ?? ''}`;
      if (seenFigures.has(identity)) continue;
      if (isIdentifierOrRange(text, found.at, found.at + found.text.length)) continue;
      // "les années 2000" is a decade, not a year.
      if (found.kind === 'year' && wordBefore(text, found.at) === 'années') continue;
      const sentence = sentenceAt(found.at, found.text.length);
      const { label: rawLabel, rule } = labelFor(found.kind, found.text, sentence, true);
      if (rule !== 'complement' && rule !== 'event') continue;
      const label = withoutLeadingNumeral(rawLabel);
      if (!acceptableLabel(label)) continue;
      seenFigures.add(identity);
      figures.push({ kind: found.kind, value: suggestedValue(found), text: found.text, label, sentence, line: lineOf(segment, text, found.at) });
    }
    for (const found of detectSourceMatches(text)) {
      // "cité par X" quotes a document or a person mentioned by X: X is not the article's source.
      if (found.pattern === 'cite-par') continue;
      const folded = foldKey(fullName(text, found.at, found.name));
      if (seenSources.has(folded)) continue;
      seenSources.add(folded);
      const name = fullName(text, found.at, found.name);
      sources.push({ name, sentence: sentenceAt(found.at, found.name.length), line: lineOf(segment, text, found.at) });
    }
  }
  return { figures, sources };
}

/** Words that link a name's head to its complement ("Agence nationale de la sécurité des systèmes d’information"). */
const LINKS = new Set(['de', 'des', 'du', 'd’', 'l’', 'la', 'les', 'et']);
/** Adjectives that may follow a name's head or complement ("Commission nationale", "territoires numériques"). */
const NAME_ADJECTIVE =
  /^(?:nationale?s?|nationaux|générale?s?|européenne?s?|fédérale?s?|publique?s?|supérieure?s?|régionale?s?|centrale?s?|internationale?s?|économique?s?|sociale?s?|mondiale?s?|numérique?s?|statistique?s?|territoriale?s?|interministérielle?s?|française?s?)$/u;
const MAX_NAME_WORDS = 10;

/** The words after offset `from` of `text`: letters, hyphens, and elisions ("l’", "d’") as words of their own. */
function wordsAfter(text: string, from: number, count: number): { word: string; end: number }[] {
  const words: { word: string; end: number }[] = [];
  let cursor = from;
  while (words.length < count) {
    let start = cursor;
    while (start < text.length && (text[start] === ' ' || text[start] === '\u00a0')) start++;
    if (start === cursor && !words[words.length - 1]?.word.endsWith('’')) break;
    let stop = start;
    while (stop < text.length && /[\p{L}’'-]/u.test(text[stop]!)) {
      stop++;
      if (text[stop - 1] === '’' || text[stop - 1] === "'") break;
    }
    if (stop === start) break;
    words.push({ word: text.slice(start, stop).replace(/'/g, '’'), end: stop });
    cursor = stop;
  }
  return words;
}

/**
 * The whole name of a source whose detected head is followed by lower-case words of an
 * institution's name: "la Commission nationale de l’informatique et des libertés (CNIL)", "l’Agence
 * nationale de la sécurité des systèmes d’information". After a linking word ("de", "des", "l’")
 * any word continues the name; after any other word, only a link or a known adjective does; "et"
 * links only before "de"/"des"/"du"/"l’" ("Axios et Bloomberg" are two names). The name ends after
 * its last word that is not a link; an acronym in brackets right after is kept.
 */
function fullName(text: string, at: number, head: string): string {
  let end = at + head.length;
  const words = wordsAfter(text, end, MAX_NAME_WORDS);
  let afterLink = false;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.word.toLocaleLowerCase('fr');
    const link = LINKS.has(lower) && (lower !== 'et' || LINKS.has(words[i + 1]?.word.toLocaleLowerCase('fr') ?? ''));
    if (link) afterLink = true;
    else if (afterLink || NAME_ADJECTIVE.test(lower)) {
      afterLink = false;
      end = words[i]!.end;
    } else break;
  }
  let name = text.slice(at, end);
  const bracket = /^[ \u00a0]*\((\p{Lu}{2,8})\)/u.exec(text.slice(end, end + 12));
  if (bracket) name += ` (${bracket[1]})`;
  return name;
}
