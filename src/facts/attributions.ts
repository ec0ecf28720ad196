/**
 * Attributions in the French text ("révélée par Axios", "selon Bloomberg", "rapporte Reuters", …):
 * what `briefing suggest` proposes as sources (./suggestions.ts). A briefing never lists them: its
 * sources are the front matter's. Pure: no I/O.
 */
import { foldKey } from './text.js';

/**
 * A capitalised name of 1–4 words ("Axios", "Financial Times", "The Wall Street Journal"), which may
 * start with a capitalised article ("Le Monde", "Les Echos", "L’Équipe", "The Information").
 * Dots only inside a word ("A.F.P"), so a sentence end is never swallowed.
 */
const WORD = String.raw`\p{Lu}(?:[\p{L}\p{N}&’'\-]|\.(?=\p{L}))*`;
const NAME = String.raw`(?:(?:Le|La|Les|The)[ \u00a0]+(?=\p{Lu})|L[’'](?=\p{Lu}))?${WORD}(?:[ \u00a0]+${WORD}){0,3}`;
/** A lower-case article before the name is not part of it: "selon le Financial Times" → "Financial Times". */
const LOWER_ARTICLE = String.raw`(?:(?:le|la|les)[ \u00a0]+|l[’'])?`;
/** What may follow an inverted subject ("…, rapporte Reuters."): the end of the clause. */
const CLAUSE_END = String.raw`(?=[ \u00a0]*(?:[.,;:!?)»—–…]|$))`;

/**
 * Where the name sits relative to the trigger:
 * - `after`: trigger then name ("selon Bloomberg", "révélée par Axios");
 * - `inverted`: verb then subject, which must end the clause (", rapporte Reuters.") — so that
 *   "indique OpenAI comme…" (object, not source) does not count;
 * - `before`: subject then verb then "que" ("Bloomberg rapporte que…").
 */
export interface AttributionPattern {
  id: string;
  /** Regex source of the trigger words (no capture groups). */
  trigger: string;
  position: 'after' | 'inverted' | 'before';
  /** A fixture sentence that must yield `Example`; the tests run every one of them. */
  example: string;
}

/** Participle agreement: révélé, révélée, révélés, révélées. */
const PP = 'e?s?';

/** The attribution patterns, as data. Triggers are matched case-insensitively on their first letter only. */
export const ATTRIBUTION_PATTERNS: readonly AttributionPattern[] = [
  { id: 'revele-par', trigger: `révélé${PP} par`, position: 'after', example: 'Cette initiative, révélée par Example, intervient.' },
  { id: 'rapporte-par', trigger: `rapporté${PP} par`, position: 'after', example: 'L’information, rapportée par Example, circule.' },
  { id: 'cite-par', trigger: `cité${PP} par`, position: 'after', example: 'Un cadre, cité par Example, le confirme.' },
  { id: 'publie-par', trigger: `publié${PP} par`, position: 'after', example: 'Le document publié par Example est clair.' },
  { id: 'devoile-par', trigger: `dévoilé${PP} par`, position: 'after', example: 'Le projet, dévoilé par Example, avance.' },
  {
    id: 'selon-informations',
    trigger: `selon (?:les|des) informations (?:de |du |d[’'])`,
    position: 'after',
    example: 'Selon les informations du Example, tout est prêt.',
  },
  { id: 'selon', trigger: 'selon', position: 'after', example: 'Selon Example, l’accord est proche.' },
  { id: 'd-apres', trigger: `d[’']après`, position: 'after', example: 'D’après Example, l’accord est proche.' },
  { id: 'rapporte', trigger: '(?:rapporte|a rapporté)', position: 'inverted', example: 'L’accord est proche, rapporte Example.' },
  { id: 'indique', trigger: '(?:indique|a indiqué)', position: 'inverted', example: 'L’accord est proche, a indiqué Example.' },
  { id: 'precise', trigger: '(?:précise|a précisé)', position: 'inverted', example: 'L’accord est proche, précise Example.' },
  { id: 'ecrit', trigger: '(?:écrit|a écrit)', position: 'inverted', example: 'L’accord est proche, écrit Example.' },
  { id: 'affirme', trigger: '(?:affirme|a affirmé)', position: 'inverted', example: 'L’accord est proche, affirme Example.' },
  { id: 'revele', trigger: '(?:révèle|a révélé)', position: 'inverted', example: 'L’accord est proche, révèle Example.' },
  {
    id: 'x-rapporte-que',
    trigger: `(?:rapporte|a rapporté|révèle|a révélé|indique|a indiqué|écrit|a écrit|affirme|a affirmé)(?: que | qu[’'])`,
    position: 'before',
    example: 'Example rapporte que l’accord est proche.',
  },
];

/** Capitalised words that are never a source (sentence-initial pronouns and connectives). */
const NOT_SOURCES: ReadonlySet<string> = new Set(
  ['il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'ce', 'cela', 'ceci', 'celui-ci', 'celle-ci', 'personne', 'chacun', 'tout'].map(foldKey),
);
/** Capitalised connectives that may precede a `before` name at a sentence start ("Mais Bloomberg rapporte que"). */
const LEADING_CONNECTIVES = new Set([
  'mais',
  'et',
  'or',
  'donc',
  'car',
  'puis',
  'ainsi',
  'enfin',
  'hier',
  'aujourd’hui',
  'en',
  'dans',
  'pour',
  'selon',
  'cependant',
  'pourtant',
  'toutefois',
  'de',
  'du',
]);

/** First letter of the trigger in both cases ("Selon" at a sentence start). */
function caseFreeStart(trigger: string): string {
  const first = trigger[0] ?? '';
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  return lower === upper ? trigger : `[${lower}${upper}]${trigger.slice(1)}`;
}

function compile(pattern: AttributionPattern): RegExp {
  const trigger = caseFreeStart(pattern.trigger);
  const start = String.raw`(?<![\p{L}\p{N}])`;
  switch (pattern.position) {
    case 'after':
      return new RegExp(String.raw`${start}${trigger}[ \u00a0]*${LOWER_ARTICLE}(?<name>${NAME})`, 'gu');
    case 'inverted':
      return new RegExp(String.raw`${start}${trigger}[ \u00a0]+${LOWER_ARTICLE}(?<name>${NAME})${CLAUSE_END}`, 'gu');
    case 'before':
      // Found from the trigger, the name then read backwards (a lookbehind): searched forwards,
      // every capital of a long `A.A.A.…` or `A-A-A-…` would start a name read to its end. The
      // match starts only at the first space before the trigger, so a long run of spaces is read once.
      return new RegExp(String.raw`(?<![ \u00a0])(?=[ \u00a0]+${pattern.trigger})(?<=${start}(?<name>${NAME}))[ \u00a0]+${pattern.trigger}`, 'gu');
  }
}

/** The regular expressions run over the text, one per attribution pattern (checked for backtracking by tests/regex-safety.test.ts). */
export const SOURCE_REGEXES: readonly RegExp[] = ATTRIBUTION_PATTERNS.map(compile);

const COMPILED = ATTRIBUTION_PATTERNS.map((pattern, i) => ({ pattern, regex: SOURCE_REGEXES[i]! }));

function cleanName(raw: string): string | undefined {
  const words = raw.split(/[ \u00a0]+/);
  while (words.length > 1 && LEADING_CONNECTIVES.has(foldKey(words[0] ?? ''))) words.shift();
  const name = trimTrailing(words.join(' '), "’'-");
  return name && !NOT_SOURCES.has(foldKey(name)) ? name : undefined;
}

/** `text` without the characters of `chars` at its end (a loop: `/[…]+$/` rescans from each of them). */
function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** A source found in a plain text: its name, where the name starts, and the attribution pattern that found it. */
export interface FoundSource {
  name: string;
  at: number;
  pattern: AttributionPattern['id'];
}

/** Every attribution of one plain text, in order of appearance, with its offset and pattern. */
export function detectSourceMatches(text: string): FoundSource[] {
  const found: FoundSource[] = [];
  for (const { pattern, regex } of COMPILED) {
    for (const match of text.matchAll(regex)) {
      const raw = match.groups?.name ?? '';
      const name = cleanName(raw);
      // A `before` name is read by a lookbehind: it ends where the match starts.
      const [matched, start] = pattern.position === 'before' ? [raw + match[0], match.index - raw.length] : [match[0], match.index];
      if (name) found.push({ at: start + matched.indexOf(name), name, pattern: pattern.id });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
