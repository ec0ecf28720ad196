/**
 * The typography rules, as data. Each rule is one global regular expression and the literal
 * text that replaces each match. Context is expressed with lookarounds, so that a match is
 * exactly the characters being replaced (or empty, for an insertion): this keeps the engine in
 * `engine.ts` able to tell which text node owns a match when a sentence spans several nodes
 * (`*mot*?`, `« **for-profit** »`).
 *
 * Rules run in table order, each over the whole text of a paragraph/heading/cell. Matches that
 * fall inside a protected span (URL, e-mail address, time — see `PROTECTED` below) are skipped.
 *
 * Policy on existing no-break spaces: rules replace ORDINARY spaces (space, tab) only. A U+00A0
 * or U+202F already written by the author is kept as is, which makes already-correct text a fixed
 * point and every rule idempotent.
 */

import { NO_BREAK, UNITS } from './no-break.js';

export type RuleLang = 'fr' | 'en';
export type FrenchVariant = 'fr-FR' | 'fr-CA';

export interface TypographyRule {
  /** Stable identifier, used in tests and messages. */
  id: string;
  lang: RuleLang;
  /** French variants the rule applies to; omitted = all variants (and English rules ignore it). */
  variants?: readonly FrenchVariant[];
  description: string;
  /** Must carry the `g` flag (and `u` for `\p{…}`). */
  pattern: RegExp;
  /**
   * What every match needs around it (not global): a text without it is not searched. Most rules
   * start with a lookbehind, which the expression tries at every character, and most texts lack
   * what they are about (an apostrophe, a colon, a month): a plain search for it is far cheaper.
   */
  needs?: RegExp;
  /** Literal replacement text (no `$1` expansion). */
  replacement: string;
  /** Replace only the runs of ordinary spaces inside each match, not the whole match. */
  spacesInside?: true;
  /**
   * Skip a match that starts right where a protected span ends: a space an author put after a URL
   * keeps its last character apart from the punctuation (`voir https://x.fr .`).
   */
  notAfterProtected?: true;
}

/** U+00A0 NO-BREAK SPACE. */
const NBSP = '\u00a0';
/** U+202F NARROW NO-BREAK SPACE. */
const NNBSP = '\u202f';

/** The units of no-break.ts (one list for both stages). */
const UNIT_ALTERNATION = UNITS.join('|');

/** Characters after which a missing space before `;` `!` `?` is inserted: letter, digit, closing quote. */
const BEFORE_HIGH_PUNCT = '[\\p{L}\\p{N}»”]';
/** What may follow a run of `;!?` for the insertion to apply (avoids `index.php?id=3`). */
const AFTER_HIGH_PUNCT = '(?:[\\s»”"\'’).,…:]|$)';

/** Any space a typing slip leaves around punctuation: ordinary, tab, no-break, narrow no-break. */
const ANY_SPACE = '[ \\t\\u00a0\\u202f]+';

/**
 * Typing slips corrected in both languages: a space before `.` `,` or inside brackets is never
 * right in French nor in English. Each space run has one possible start (the lookbehind rejects
 * a space), so the patterns stay linear on long runs of spaces or dots.
 */
const SLIPS: readonly Omit<TypographyRule, 'lang'>[] = [
  {
    // contacter la mission Etalab . → Etalab. ; utilisation , il → utilisation, il; `code` , → `code`,
    // (U+FFFC stands for inline code or an image). The mark must end a word and not start a spaced
    // or real ellipsis: not `.NET`, `.fr`, `1 .5`, `…`, `. . .`.
    id: 'space-before-period-comma',
    description: 'space(s) between a letter, digit or closing mark and a word-ending . or , removed',
    pattern: new RegExp(`(?<=[\\p{L}\\p{N})\\]»”’\\uFFFC])${ANY_SPACE}(?=[.,](?:[)\\]»”’"']|\\s(?![.,])|$))`, 'gu'),
    needs: /[.,]/,
    replacement: '',
    notAfterProtected: true,
  },
  {
    // ( Article L. 311-6 → (Article L. 311-6. Not in an empty pair `( )`. Round brackets only:
    // a square bracket in running text is as often literal (`]]>`, `[ ]` check boxes) as editorial.
    id: 'space-after-open-bracket',
    description: 'space(s) after ( removed',
    pattern: new RegExp(`(?<=[(])${ANY_SPACE}(?=[^\\s)])`, 'gu'),
    needs: /\(/,
    replacement: '',
  },
  {
    // du CRPA ) → du CRPA). Not in an empty pair, not after a URL (`(voir https://x.fr )`).
    id: 'space-before-close-bracket',
    description: 'space(s) before ) removed',
    pattern: new RegExp(`(?<=[^\\s(])${ANY_SPACE}(?=[)])`, 'gu'),
    needs: /\)/,
    replacement: '',
    notAfterProtected: true,
  },
];

export const RULES: readonly TypographyRule[] = [
  // ----- French ---------------------------------------------------------------------------
  {
    // l'avenir → l’avenir, aujourd'hui → aujourd’hui. Only between two letters.
    id: 'fr-apostrophe',
    lang: 'fr',
    description: 'straight apostrophe between letters becomes ’',
    pattern: /(?<=\p{L})'(?=\p{L})/gu,
    needs: /'/,
    replacement: '’',
  },
  {
    // 10 000 → 10 000, 1 000 000 → 1 000 000 (U+202F). The digits before the space are a group
    // of 1–3 not preceded by a digit, `,` or `.` (so `2019 100` is left alone); the 3 digits after
    // it end the number or go on as a group. Each space is judged by its two neighbouring groups
    // only: a lookbehind over all the earlier groups would say the same (a group of 3 is preceded
    // by a space, which qualifies it) and reread them at every space, quadratic on `1 000 000 …`.
    // The space comes first and the lookbehind (which repeats it) second: the same matches, but the
    // lookbehind is tried at spaces only, not at every character (4× faster on a long article).
    id: 'fr-thousands',
    lang: 'fr',
    description: 'space between groups of thousands becomes U+202F',
    pattern: /[ \u00a0](?<=(?:^|[^\p{N},.])\p{N}{1,3}[ \u00a0])(?=\p{N}{3}(?!\p{N}))/gu,
    needs: /\p{N}[ \u00a0]\p{N}/u,
    replacement: NNBSP,
  },
  {
    // 1 milliard → 1 milliard, 50 % → 50 %, 10 000 euros → 10 000 euros (U+00A0).
    id: 'fr-number-unit',
    lang: 'fr',
    description: 'space(s) between a number and a unit word/symbol become U+00A0',
    pattern: new RegExp(`(?<=\\p{N})[ \\t]+(?=(?:${UNIT_ALTERNATION})(?![\\p{L}\\p{N}'’]))`, 'gu'),
    needs: /\p{N}[ \t]/u,
    replacement: NBSP,
  },
  // 8 Mbit/s, M. Dupont, p. 12, 1er décembre 2026: the phrases no line may break inside
  // (no-break.ts, shared with the PDF line breaker) get U+00A0 for their ordinary spaces.
  ...NO_BREAK.map(
    (rule): TypographyRule => ({
      id: `fr-no-break-${rule.id}`,
      lang: 'fr',
      description: `ordinary spaces inside ${rule.description} become U+00A0`,
      pattern: rule.pattern,
      ...(rule.needs ? { needs: rule.needs } : {}),
      replacement: NBSP,
      spacesInside: true,
    }),
  ),
  {
    // « o-series » : the space after « becomes U+202F.
    id: 'fr-guillemet-open-space',
    lang: 'fr',
    description: 'space(s) after « become U+202F',
    pattern: /(?<=«)[ \t]+/gu,
    needs: /«/,
    replacement: NNBSP,
  },
  {
    // «mot» → « mot» : U+202F inserted after « when nothing separates it from the text.
    id: 'fr-guillemet-open-insert',
    lang: 'fr',
    description: 'U+202F inserted after « when missing',
    pattern: /(?<=«)(?=[^\s])/gu,
    needs: /«/,
    replacement: NNBSP,
  },
  {
    // « mot » : the space before » becomes U+202F (not at the start of a text).
    id: 'fr-guillemet-close-space',
    lang: 'fr',
    description: 'space(s) before » become U+202F',
    pattern: /(?<=\S)[ \t]+(?=»)/gu,
    needs: /»/,
    replacement: NNBSP,
  },
  {
    // « mot» → « mot » : U+202F inserted before » when missing.
    id: 'fr-guillemet-close-insert',
    lang: 'fr',
    description: 'U+202F inserted before » when missing',
    pattern: /(?<=[^\s])(?=»)/gu,
    needs: /»/,
    replacement: NNBSP,
  },
  {
    // Copilot : des → Copilot : des (U+00A0). Not `::` (the second colon), not at text start.
    id: 'fr-colon-space',
    lang: 'fr',
    description: 'space(s) before : become U+00A0',
    pattern: /(?<=[^\s:])[ \t]+(?=:(?!:))/gu,
    needs: /:/,
    replacement: NBSP,
  },
  {
    // Copilot: des → Copilot : des. Only after a letter/closing quote/bracket and only when the
    // colon ends a word (followed by a space or the end): not 10:55, 1:2, https://, C:\, ::.
    id: 'fr-colon-insert',
    lang: 'fr',
    description: 'U+00A0 inserted before : when missing after a letter',
    pattern: /(?<=[\p{L}»”)\]])(?=:(?:\s|$))/gu,
    needs: /:/,
    replacement: NBSP,
  },
  {
    // revenus ? → revenus ? (U+202F). Only the space before the FIRST mark of a run (`?!`).
    id: 'fr-high-punct-space',
    lang: 'fr',
    variants: ['fr-FR'],
    description: 'space(s) before ; ! ? become U+202F (fr-FR)',
    pattern: /(?<=[^\s;!?])[ \t]+(?=[;!?])/gu,
    needs: /[;!?]/,
    replacement: NNBSP,
  },
  {
    // revenus? → revenus ? ; Quoi?! → Quoi ?! (nothing between ? and !).
    id: 'fr-high-punct-insert',
    lang: 'fr',
    variants: ['fr-FR'],
    description: 'U+202F inserted before ; ! ? after a letter/digit/closing quote (fr-FR)',
    pattern: new RegExp(`(?<=${BEFORE_HIGH_PUNCT})(?=[;!?]+${AFTER_HIGH_PUNCT})`, 'gu'),
    needs: /[;!?]/,
    replacement: NNBSP,
  },
  {
    // Québec usage: no space before ; ! ? — revenus ? → revenus?. Author-typed no-break spaces stay.
    id: 'fr-ca-high-punct-no-space',
    lang: 'fr',
    variants: ['fr-CA'],
    description: 'ordinary space(s) before ; ! ? removed (fr-CA)',
    pattern: /(?<=[^\s;!?])[ \t]+(?=[;!?])/gu,
    needs: /[;!?]/,
    replacement: '',
  },

  // ----- English --------------------------------------------------------------------------
  {
    // the '90s → the ’90s (an elision, not an opening quote: must run before en-single-open).
    id: 'en-apostrophe-decade',
    lang: 'en',
    description: 'apostrophe before a two-digit decade becomes ’',
    pattern: /'(?=\p{N}{2}s(?!\p{L}))/gu,
    replacement: '’',
  },
  {
    // it's, OpenAI's, don't, rock'n'roll → ’.
    id: 'en-apostrophe',
    lang: 'en',
    description: 'apostrophe between a letter/digit and a letter becomes ’',
    pattern: /(?<=[\p{L}\p{N}])'(?=\p{L})/gu,
    needs: /'/,
    replacement: '’',
  },
  {
    // "quote → “quote: at the start, after a space, an opening bracket, a dash or an opening quote.
    id: 'en-double-open',
    lang: 'en',
    description: 'opening straight double quote becomes “',
    pattern: /(?<=^|[\s([{‘'—–-])"/gu,
    needs: /"/,
    replacement: '“',
  },
  {
    // quote" → quote”: every remaining straight double quote closes.
    id: 'en-double-close',
    lang: 'en',
    description: 'remaining straight double quote becomes ”',
    pattern: /"/gu,
    replacement: '”',
  },
  {
    // 'quote → ‘quote: same openers as for double quotes.
    id: 'en-single-open',
    lang: 'en',
    description: 'opening straight single quote becomes ‘',
    pattern: /(?<=^|[\s([{“—–-])'/gu,
    needs: /'/,
    replacement: '‘',
  },
  {
    // quote' and users' → ’: every remaining straight single quote is a closing quote or apostrophe.
    id: 'en-single-close',
    lang: 'en',
    description: 'remaining straight single quote becomes ’',
    pattern: /'/gu,
    replacement: '’',
  },

  // ----- Both languages, last: they see the curly quotes the rules above put in ------------
  ...(['fr', 'en'] as const).flatMap((lang) => SLIPS.map((rule): TypographyRule => ({ ...rule, id: `${lang}-${rule.id}`, lang }))),
];

/**
 * Spans no rule may touch, found anew before each rule. A match overlapping one is skipped (an
 * insertion is skipped when strictly inside). A URL is the whole whitespace-delimited token,
 * trailing `.,;:!?` included (never touched: `https://x.fr/a?` stays as is), minus trailing
 * closing quotes and brackets, so `« https://x.fr »` and `"https://x.fr"` still get their quotes
 * fixed; `voir https://x.fr ?` still gets its space.
 */
export interface ProtectedPattern {
  id: string;
  description: string;
  pattern: RegExp;
  /** What every match contains (not global): a text without it is not searched. */
  needs: RegExp;
  /** The class of characters trimmed from the end of each match (one character: the engine loops). */
  trimEnd?: RegExp;
}

export const PROTECTED: readonly ProtectedPattern[] = [
  {
    id: 'url-scheme',
    description: 'any token containing :// (https://, ftp://, …)',
    pattern: /(?<![\p{L}\p{N}+.-])\p{L}[\p{L}\p{N}+.-]*:\/\/[^\s\uFFFC]*/gu,
    needs: /:\/\//,
    trimEnd: /[»)\]}'"’”]/u,
  },
  {
    id: 'url-www',
    description: 'any token starting with www.',
    pattern: /(?<![\p{L}\p{N}_.-])www\.[^\s\uFFFC]+/giu,
    needs: /www\./iu,
    trimEnd: /[»)\]}'"’”]/u,
  },
  {
    id: 'email',
    description: 'e-mail address',
    // Starts only where the local part starts: tried inside a long run of letters with no `@`, the
    // pattern would rescan the rest of the run from every letter.
    pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
    needs: /@/,
  },
  {
    id: 'time-colon',
    description: 'time or ratio written with colons: 10:55, 10:55:30, 1:2',
    pattern: /(?<!\p{N})\p{N}{1,2}(?::\p{N}{1,2}){1,2}(?!\p{N})/gu,
    needs: /\p{N}:\p{N}/u,
  },
  {
    id: 'time-h',
    description: 'time written with h: 10 h 55, 10h55 (kept as written)',
    pattern: /(?<!\p{N})\p{N}{1,2}[ \u00a0\u202f]?h[ \u00a0\u202f]?\p{N}{2}(?!\p{N})/gu,
    needs: /\p{N}[ \u00a0\u202f]?h/u,
  },
];
