/**
 * Phrases no line may break inside, as data: a number with its unit (`8 Mbit/s`, `12 %`), a
 * compound unit, a title with its name, a page or issue number, a date, a time. Read by two
 * stages: the typography stage makes the ordinary spaces inside them no-break spaces (French
 * only, see `fr-no-break-inside` in rules.ts), and the PDF line breaker (render/pdf/line-glue.ts)
 * never ends a line inside one, whatever the language: UAX #14, which pdfkit follows, allows a
 * break after the `/` of `Mbit/s`, and no space character can forbid that without reaching the
 * copied text.
 */

export interface NoBreakRule {
  id: string;
  description: string;
  /** Global, Unicode; a match is the whole phrase. */
  pattern: RegExp;
  /**
   * What every match contains (not global): a text without it is not searched. Cheaper than the
   * pattern, which tries its lookbehind at every character; given where a long text often lacks it.
   */
  needs?: RegExp;
}

/** A space that may sit inside a phrase: ordinary, no-break or narrow no-break. */
const S = '[ \\t\\u00a0\\u202f]';
/**
 * A number's last group and decimals (`3,5`; in `10 000`, the `000`: the U+202F the typography
 * stage puts between groups is already unbreakable). One start per run of digits: linear time.
 */
const NUMBER = `(?<![\\p{L}\\p{N}.,])\\p{N}+(?:[.,]\\p{N}+)?`;
/**
 * Units and unit words written after a number, the one list (rules.ts's `fr-number-unit` reads it
 * too); longer alternatives first, each must end the word.
 */
export const UNITS: readonly string[] = [
  'milliards',
  'milliard',
  'millions',
  'million',
  'milliers',
  'millier',
  'mille',
  'Mds€',
  'Md€',
  'Mds',
  'Md',
  'Mrd',
  'M€',
  'k€',
  'M\\$',
  'dollars',
  'dollar',
  'euros',
  'euro',
  'livres',
  'francs',
  '%',
  '€',
  '\\$',
  '£',
  '°C',
  '°',
  'ans',
  'an',
  'mois',
  'semaines',
  'semaine',
  'jours',
  'jour',
  'heures',
  'heure',
  'minutes',
  'minute',
  'secondes',
  'seconde',
  'siècles',
  'siècle',
  '[kMGT]?bit/s',
  '[kMGT]?o/s',
  'km/h',
  'm/s',
  'km²',
  'km',
  'm²',
  'm³',
  'cm',
  'mm',
  'ms',
  'min',
  'm',
  'kg',
  'g',
  't',
  'kWh',
  'MWh',
  'GWh',
  'TWh',
  'kW',
  'MW',
  'GW',
  'W',
  'Go',
  'Mo',
  'To',
  'Ko',
  'h',
  's',
];
const UNIT_ALTERNATION = UNITS.join('|');
/** The units with a slash, kept whole even without their number. */
const SLASH_UNITS = UNITS.filter((unit) => unit.includes('/')).join('|');
const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
/** The unit ends the word (`2 s’est` is no unit). */
const END = "(?![\\p{L}\\p{N}'’])";

export const NO_BREAK: readonly NoBreakRule[] = [
  {
    id: 'number-unit',
    description: 'a number and its unit: 8 Mbit/s, 130 km/h, 12 %, 3,5 Md€',
    pattern: new RegExp(`${NUMBER}${S}?(?:${UNIT_ALTERNATION})${END}`, 'gu'),
    needs: /\p{N}/u,
  },
  {
    id: 'compound-unit',
    description: 'a unit with a slash, even without its number: Mbit/s, km/h',
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${SLASH_UNITS})${END}`, 'gu'),
    needs: /\//,
  },
  {
    id: 'date',
    description: 'a date: 1er décembre 2026, 14 juillet',
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])\\p{N}{1,2}(?:er)?${S}+(?:${MONTHS})(?:${S}+\\p{N}{4})?${END}`, 'giu'),
    // The month, with the pattern's flags (case folding alike).
    needs: new RegExp(MONTHS, 'iu'),
  },
  {
    id: 'time',
    description: 'a time: 14 h 30, 14 h',
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])\\p{N}{1,2}${S}?h(?:${S}?\\p{N}{2})?${END}`, 'gu'),
    needs: new RegExp(`\\p{N}${S}?h`, 'u'),
  },
  {
    id: 'ordinal',
    description: 'an ordinal and the word after it: 1er ministre, XXIe siècle, 2e édition (not `Ce`, `Le`)',
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:\\p{N}+|[IVX]+)(?:er|re|e|ème)${S}+\\p{L}+`, 'gu'),
    needs: new RegExp(`[\\p{N}IVX](?:er|re|e|ème)${S}`, 'u'),
  },
  {
    id: 'title-name',
    description: 'a title and the name after it: M. Dupont, Mme Martin, Dr Roux',
    pattern: /(?<![\p{L}\p{N}])(?:MM|Mmes|Mme|Mlles|Mlle|Mgr|Me|Dr|Pr|M)\.?[ \t\u00a0\u202f]\p{Lu}[\p{L}’'-]*/gu,
  },
  {
    id: 'abbreviation-number',
    description: 'an abbreviation and its number: p. 12, n° 4, art. 3, chap. 2',
    pattern: /(?<![\p{L}\p{N}])(?:pp?\.|n°|no|art\.|chap\.|vol\.|fig\.|§)[ \t\u00a0\u202f]?\p{N}+/gu,
  },
];

/**
 * The spans of the paragraphs laid out lately: the PDF renderer asks again for the same text when
 * it measures a block before drawing it and in the bilingual edition. Short texts only, bounded.
 */
const recent = new Map<string, readonly [number, number][]>();
const RECENT_MAX_ENTRIES = 1024;
const RECENT_MAX_CHARS = 4096;

/** Where the phrases of `text` are, as [start, end) offsets; they may overlap. Do not modify the result. */
export function noBreakSpans(text: string): readonly [number, number][] {
  const kept = recent.get(text);
  if (kept) return kept;
  const spans: [number, number][] = [];
  for (const { pattern, needs } of NO_BREAK) {
    if (needs && !needs.test(text)) continue;
    // An exec loop, not `matchAll`, which copies the expression on every call (several thousand
    // texts in a long article). Every phrase is at least one character; the step is a guard.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      spans.push([match.index, match.index + match[0].length]);
      if (match[0] === '') pattern.lastIndex++;
    }
  }
  if (text.length <= RECENT_MAX_CHARS) {
    if (recent.size >= RECENT_MAX_ENTRIES) recent.clear();
    recent.set(text, spans);
  }
  return spans;
}
