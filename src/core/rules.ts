/**
 * Every rule id the tool reports, as one table (like `mdast-util-to-markdown`'s `unsafe.js`): its
 * default severity and its one message, a function of typed parameters, so the same id always
 * says the same thing and names the fix. Each id has a section in `docs/rules.md` (anchor = the id
 * without its `briefing:` prefix), which every diagnostic links as `url`, as vfile-message does.
 * `RuleId` is derived from the table: an id that is not in it fails the typecheck.
 */
import type { Place } from './types.js';

export type Severity = 'error' | 'warning' | 'info';

/** One rule: its default severity and how its message is worded from its parameters. */
export interface Rule<P> {
  severity: Severity;
  message: (params: P) => string;
}

/** Parameters of a rule whose message needs none. */
export type NoParams = Record<never, never>;

const rule = <P = NoParams>(severity: Severity, message: (params: P) => string): Rule<P> => ({ severity, message });

const list = (keys: readonly string[], max = 8) => `${keys.slice(0, max).join(', ')}${keys.length > max ? ` and ${keys.length - max} more` : ''}`;

/** Messages of `briefing:ambiguous-wire-line`, one per guess the wire-copy reader makes (src/parse/wire-copy.ts). */
const WIRE_READINGS = {
  subheading: 'Wire copy: a second heading-like line right after a heading, read as its subheading. If it is text, end it with a full stop',
  'long-question': 'Wire copy: a long question on its own line, read as a heading because text follows. If it is text, join it to the next line',
  trailing: 'Wire copy: a heading-like line with no text after it, read as text. If it is a heading, write its section under it',
  'after-list':
    'Wire copy: a line in lower case right after a list, read as a new paragraph (a list ends at the first line without a bullet). If it belongs to the last item, join it to that line',
} as const;

/** Marks that open a pair (`briefing:unbalanced-pair`); a lone straight quote counts as opening. */
const OPENING = '([“«"';

/** "9 % (9%) is missing; 6% is not in the French", for the QA rules comparing two lists. */
const differences = (p: { missing: string[]; extra: string[] }) =>
  [
    p.missing.length > 0 ? `${list(p.missing)} ${p.missing.length === 1 ? 'is' : 'are'} missing` : '',
    p.extra.length > 0 ? `${list(p.extra)} ${p.extra.length === 1 ? 'is' : 'are'} not in the French` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** "AI" or "AI", "artificial intelligence" (for glossary messages). */
const quoted = (terms: readonly string[]) => terms.map((t) => `"${t}"`).join(' or ');

/** What is wrong with the glossary file (src/i18n/glossary.ts). */
export type GlossaryProblem = 'not-object' | 'entry-not-object' | 'no-english' | 'not-text' | 'unknown-field' | 'empty-term';

/** Messages of `briefing:invalid-glossary`, one per problem (src/i18n/glossary.ts). */
const GLOSSARY_PROBLEMS: Record<GlossaryProblem, (p: { term?: string; field?: string }) => string> = {
  'not-object': () => 'The glossary must hold a JSON object of French terms: { "IA": { "en": "AI" } }',
  'entry-not-object': (p) => `The glossary entry "${p.term}" must be an object: { "en": "…", "forbidden": ["…"], "note": "…" }`,
  'no-english': (p) => `The glossary entry "${p.term}" has no English term: add "en": "…" (a text, or a list of texts)`,
  'not-text': (p) =>
    `"${p.field}" of the glossary entry "${p.term}" must be ${p.field === 'note' ? 'a text' : 'a text or a list of texts'}; the entry is ignored until fixed`,
  'unknown-field': (p) => `Unknown field "${p.field}" in the glossary entry "${p.term}" (known: en, forbidden, note); it is ignored`,
  'empty-term': () => 'A glossary entry needs a French term: the key is empty',
};

export const RULES = {
  // Locale files (src/i18n/locale-file.ts).
  'briefing:invalid-json': rule<{ reason: string }>('error', (p) => `Invalid JSON: ${p.reason}`),
  'briefing:invalid-locale': rule('error', () => 'A locale file must hold a JSON object of keys'),
  'briefing:duplicate-key': rule<{ key: string; firstLine: number }>(
    'error',
    (p) => `Duplicate key "${p.key}" (first defined at line ${p.firstLine}): JSON readers disagree on which one wins; keep only one`,
  ),
  'briefing:forbidden-key': rule<{ key: string }>('error', (p) => `Key "${p.key}" is not allowed (it could reach the object prototype)`),
  'briefing:invalid-key': rule<{ key: string }>('error', (p) => `Key "${p.key}" must be non-empty and contain no "." (dots separate nested keys)`),
  'briefing:non-string-value': rule<{ key: string; found: string }>(
    'error',
    (p) => `Key "${p.key}" must hold a string or an object of strings, not ${p.found}`,
  ),
  'briefing:missing-locale-file': rule<{ file: string }>('error', (p) => `Missing locale file ${p.file}`),

  // The glossary, locales/glossary.json (src/i18n/glossary.ts, src/translate/lint/glossary.ts, src/translate/glossary-import/).
  'briefing:invalid-glossary': rule<{ problem: GlossaryProblem; term?: string; field?: string }>('error', (p) => GLOSSARY_PROBLEMS[p.problem](p)),
  'briefing:glossary-import': rule<{ problem: string }>('error', (p) => `Cannot import the glossary: ${p.problem}; nothing was imported`),
  'briefing:glossary-term': rule<{ term: string; expected: readonly string[] }>(
    'warning',
    (p) => `The French has the glossary term "${p.term}": its translation must use ${quoted(p.expected)} (or change the glossary, locales/glossary.json)`,
  ),
  'briefing:glossary-forbidden': rule<{ term: string; found: string; expected: readonly string[] }>(
    'warning',
    (p) => `"${p.found}" is forbidden by the glossary for the French "${p.term}": write ${quoted(p.expected)} instead`,
  ),

  // Articles (src/parse/, src/project/sources.ts).
  'briefing:unreadable-article': rule<{ reason: string }>('error', (p) => `Cannot read the article: ${p.reason}`),
  'briefing:reserved-slug': rule<{ slug: string; name: string }>(
    'error',
    (p) =>
      `The article's name "${p.slug}" is reserved: its folder would collide with the output folder's own ${p.name}. Rename the file (any name not starting with index, manifest or feed)`,
  ),
  'briefing:invalid-front-matter': rule<{ yaml: string } | { field?: string; expected: string; got?: unknown }>('error', (p) =>
    'yaml' in p
      ? `Invalid YAML in the front matter: ${p.yaml}`
      : `${p.field ? `Field "${p.field}"` : 'Front matter'} must be ${p.expected}${p.got === undefined ? '' : `, not ${JSON.stringify(p.got)}`}`,
  ),
  'briefing:invalid-config': rule<{ field?: string; expected: string }>('error', (p) =>
    p.field ? `Setting "${p.field}" of briefing.config.json must be ${p.expected}` : `briefing.config.json must be ${p.expected}`,
  ),
  'briefing:unknown-front-matter-field': rule<{ field: string; known: readonly string[] }>(
    'warning',
    (p) => `Unknown front matter field "${p.field}" (known: ${p.known.join(', ')})`,
  ),
  'briefing:front-matter-quotes': rule<{ line: string }>(
    'error',
    (p) => `Invalid YAML in the front matter: a value holding ": " reads as a second field; put this value in quotes: ${p.line}`,
  ),
  'briefing:ignored-front-matter-fields': rule<{ fields: readonly string[] }>(
    'info',
    (p) => `Front matter field${p.fields.length > 1 ? 's' : ''} not used by briefing, ignored: ${list(p.fields, 12)}`,
  ),
  'briefing:missing-title': rule('warning', () => 'No title: add `title:` to the front matter or start with a `# Title` line; using the file name'),
  'briefing:empty-heading': rule('error', () => 'Empty heading'),
  'briefing:unsupported-block': rule<{ what: string }>('warning', (p) => `A ${p.what} is not part of a briefing and was left out`),
  'briefing:unclosed-container': rule<{ fence: string }>(
    'warning',
    (p) => `The container "${p.fence}" is never closed: its content is kept as ordinary text. Add a line ":::" where it ends`,
  ),
  'briefing:macro': rule<{ name: string; kept: string }>(
    'warning',
    (p) => `"${p.name}" is another site's macro or shortcode (here and in the rest of the file): ${p.kept}. Write its text in plain Markdown to silence this`,
  ),
  'briefing:dropped-html': rule<{ element: string }>(
    'warning',
    (p) =>
      `A raw HTML <${p.element}> element was left out with its content (scripts, styles, embeds and forms have no place in a briefing): remove it, or write what it shows as text`,
  ),
  'briefing:ambiguous-wire-line': rule<{ reading: 'subheading' | 'long-question' | 'trailing' | 'after-list' }>('info', (p) => WIRE_READINGS[p.reading]),
  'briefing:unused-footnote': rule<{ label: string }>(
    'warning',
    (p) =>
      `Footnote [^${p.label}] is never called: it is shown at the end of the Notes, unnumbered in the text. Put [^${p.label}] where it belongs, or remove the note`,
  ),
  'briefing:undefined-footnote': rule<{ label: string }>(
    'warning',
    (p) => `Footnote call [^${p.label}] has no note and is shown as written. Add a line "[^${p.label}]: …" with the note, or remove the call`,
  ),
  'briefing:empty-section': rule<{ heading: string }>('warning', (p) => `Section "${p.heading}" has no paragraphs`),
  'briefing:empty-article': rule('error', () => 'The article has no text'),

  // Limits (src/core/defaults.ts `limits`, docs/parsing.md "Limits"); each names the limit to raise.
  'briefing:article-too-large': rule<{ bytes: number; limit: number }>(
    'error',
    (p) => `The article is ${p.bytes} bytes, more than the ${p.limit} allowed: split it into several articles (or raise articleBytes in BRIEFING_LIMITS)`,
  ),
  'briefing:line-too-long': rule<{ length: number; limit: number }>(
    'error',
    (p) => `This line is ${p.length} characters long, more than the ${p.limit} allowed: break it into paragraphs (or raise lineLength in BRIEFING_LIMITS)`,
  ),
  'briefing:front-matter-limit': rule<{ problem: 'bytes'; bytes: number; limit: number } | { problem: 'depth' | 'aliases'; limit: number }>('error', (p) =>
    p.problem === 'bytes'
      ? `The front matter is ${p.bytes} bytes, more than the ${p.limit} allowed: keep it to the title, date, authors and sources (or raise frontMatterBytes in BRIEFING_LIMITS)`
      : p.problem === 'depth'
        ? `The front matter nests brackets more than ${p.limit} deep: write each field as a plain value or a list of strings`
        : `The front matter's aliases (*name) expand to more than ${p.limit} values, as an "alias bomb" does: write the values out instead of repeating aliases`,
  ),
  'briefing:nesting-too-deep': rule<{ what: 'quotes and lists' | 'emphasis and links'; limit: number }>(
    'warning',
    (p) =>
      `${p.what === 'quotes and lists' ? 'Quotes and lists' : 'Emphasis and links'} nested more than ${p.limit} deep: the deeper levels were flattened into this one. Nest less`,
  ),
  'briefing:too-many': rule<{ what: 'sections' | 'front matter sources'; count: number; limit: number }>(
    'error',
    (p) =>
      `More than ${p.limit} ${p.what} (${p.count}${p.count > p.limit ? '' : ' or more'}), from here on: split the article (or raise the limit in BRIEFING_LIMITS, see docs/parsing.md)`,
  ),
  'briefing:too-many-figures': rule<{ count: number; limit: number }>(
    'error',
    (p) =>
      `More than ${p.limit} key figures declared (${p.count}), from here on: the box holds ${p.limit} cards at most (keyFigures.max in templates/pdf/theme.json); keep the ${p.limit} that matter most in figures:`,
  ),
  'briefing:locale-limit': rule<{ problem: 'bytes'; bytes: number; limit: number } | { problem: 'depth'; limit: number }>('error', (p) =>
    p.problem === 'bytes'
      ? `The locale file is ${p.bytes} bytes, more than the ${p.limit} allowed: check that it is the right file (or raise localeBytes in BRIEFING_LIMITS)`
      : `Objects nested more than ${p.limit} deep: keys are section.id.field, a few levels at most`,
  ),
  'briefing:nesting-limit': rule<
    | { key: string; problem: 'cycle'; through: string }
    | { key: string; problem: 'depth'; limit: number }
    | { key: string; problem: 'length'; chars: number; limit: number }
  >('error', (p) =>
    p.problem === 'cycle'
      ? `"${p.key}" pulls itself in through $t(${p.through}), which never ends: remove the $t(…) that loops`
      : p.problem === 'depth'
        ? `"${p.key}" nests $t(…) more than ${p.limit} deep: write the text itself instead of nesting`
        : `"${p.key}" expands through $t(…) to ${p.chars} characters, more than the ${p.limit} allowed: nest fewer strings, or write the text itself`,
  ),

  // Translation status (src/translate/, `briefing check`, `briefing build`).
  'briefing:extraction-outdated': rule<{ file: string; article: string }>('error', (p) => `${p.file} does not match ${p.article}; run "briefing extract"`),
  'briefing:missing-translation': rule<{ lang: string; key: string; twin?: string }>(
    'error',
    (p) => `Missing ${p.lang} translation of "${p.key}"${p.twin ? `: is it under the unknown key "${p.twin}"? Rename that key to "${p.key}"` : ''}`,
  ),
  'briefing:stale-translation': rule<{ key: string }>(
    'error',
    (p) =>
      `Stale translation of "${p.key}": the French changed since it was translated. Update it, or run "briefing check --accept ${p.key}" if it is still right`,
  ),
  'briefing:obsolete-key': rule<{ key: string; twin?: string }>('warning', (p) =>
    p.twin
      ? `Unknown key "${p.key}": did you mean "${p.twin}"? Rename the key to "${p.twin}" (or run "briefing extract", which carries it over)`
      : `Obsolete key "${p.key}": the French source has no such unit. Run "briefing extract" to move it aside`,
  ),
  'briefing:orphaned-locale': rule<{ slug: string }>(
    'warning',
    (p) =>
      `No article "${p.slug}" in content/ for this locale file: if the article was renamed, run "briefing rename ${p.slug} NEW-NAME" to keep its translations; if it was deleted, delete this file`,
  ),
  'briefing:not-extracted': rule<{ slug: string }>(
    'error',
    (p) => `This article has never been extracted: run "briefing extract ${p.slug}" to write its locale files, then translate them`,
  ),
  'briefing:obsolete-kept': rule<{ count: number }>(
    'warning',
    (p) =>
      `${p.count} obsolete translation${p.count === 1 ? '' : 's'} kept aside here for reuse; drop ${p.count === 1 ? 'it' : 'them'} with "briefing extract --prune"`,
  ),
  'briefing:low-coverage': rule<{
    lang: string;
    slug: string;
    coverage: number;
    total: number;
    minCoverage: number;
    missing: readonly string[];
    stale: readonly string[];
  }>(
    'error',
    (p) =>
      `${p.lang} edition of "${p.slug}" not written: ${p.coverage} % of ${p.total} segments up to date, below the ${p.minCoverage} % threshold` +
      `${p.missing.length ? `; missing: ${list(p.missing)}` : ''}${p.stale.length ? `; stale: ${list(p.stale)}` : ''}. ` +
      `Run "briefing check --lang ${p.lang}" for details, or lower --min-coverage.`,
  ),
  'briefing:invalid-state': rule<{ reason: string }>(
    'warning',
    (p) =>
      `The translation state file is damaged (${p.reason}); it will be rebuilt, and stale translations may go unnoticed once. Restore it from version control if you can.`,
  ),

  // Lint rules of translations (src/translate/lint/, one file each).
  'briefing:placeholder-mismatch': rule<{ missing: readonly string[]; unexpected: readonly string[] }>('error', (p) => {
    const parts = [p.missing.length ? `missing ${p.missing.join(', ')}` : '', p.unexpected.length ? `unexpected ${p.unexpected.join(', ')}` : ''].filter(
      Boolean,
    );
    return `Placeholders differ from the French: ${parts.join(', ')}. Use exactly the French placeholders (names unchanged, not translated)`;
  }),
  'briefing:note-references': rule<{ missing: readonly string[]; unexpected: readonly string[] }>('error', (p) => {
    const parts = [p.missing.length ? `missing ${p.missing.join(', ')}` : '', p.unexpected.length ? `unexpected ${p.unexpected.join(', ')}` : ''].filter(
      Boolean,
    );
    return `Note calls differ from the French: ${parts.join(', ')}. Keep each [^label] of the French, unchanged, next to the word it annotates`;
  }),
  'briefing:nesting': rule('error', () => 'Nesting "$t(…)" is not allowed in a translation (it would pull another string in): write the text itself'),
  'briefing:unescaped-interpolation': rule<{ raw: string; escaped: string }>(
    'error',
    (p) => `Unescaped interpolation "${p.raw}" is not allowed: write ${p.escaped} so the value is escaped`,
  ),
  'briefing:incomplete-plural': rule<{ base: string; lang: string; missing: readonly string[]; needed: readonly string[] }>(
    'error',
    (p) =>
      `Plural forms of "${p.base}" incomplete for ${p.lang}: missing ${p.missing.join(', ')} (${p.lang} needs ${p.needed.map((c) => `${p.base}_${c}`).join(', ')})`,
  ),
  'briefing:raw-html': rule<{ html: string }>(
    'warning',
    (p) => `Raw HTML "${p.html}" is shown as literal text, never interpreted: use Markdown instead (*emphasis*, **strong**, [text](url))`,
  ),
  'briefing:whitespace': rule<{ problem: 'only' } | { problem: 'leading' | 'trailing'; char: string } | { problem: 'repeated'; count: number }>(
    'warning',
    (p) => {
      switch (p.problem) {
        case 'only':
          return 'Value holds only whitespace: write the translation, or leave it empty ("") while untranslated';
        case 'repeated':
          return `${p.count} consecutive spaces: use a single space`;
        default:
          return `${p.problem === 'leading' ? 'Leading' : 'Trailing'} ${p.char}: remove it, it would show in the output`;
      }
    },
  ),
  'briefing:french-typography': rule<{ space: string; side: string; mark: string }>('warning', (p) => `Use ${p.space} ${p.side} "${p.mark}" in French`),
  // Reviewer's QA checks (src/translate/qa/), each acceptable per key with `check --accept KEY --rule ID`.
  'briefing:number-mismatch': rule<{ missing: string[]; extra: string[] }>(
    'warning',
    (p) =>
      `Numbers differ from the French: ${differences(p)}. Write every number of the French, in English form (3,200 · 2.5 million · 6% · 1 March 2018), and no other`,
  ),
  'briefing:url-mismatch': rule<{ missing: string[]; extra: string[] }>(
    'warning',
    (p) => `Links or e-mail addresses differ from the French: ${differences(p)}. Copy URLs and addresses exactly as the French has them`,
  ),
  'briefing:code-mismatch': rule<{ missing: string[]; extra: string[] }>(
    'warning',
    (p) => `Code differs from the French: ${differences(p)}. Copy code spans (\`…\`) unchanged`,
  ),
  'briefing:name-mismatch': rule<{ missing: string[] }>(
    'warning',
    (p) =>
      `${p.missing.length === 1 ? 'Name' : 'Names'} of the French not found in the translation: ${list(p.missing)}. Keep names and acronyms as written, or accept this if English writes them otherwise`,
  ),
  'briefing:untranslated': rule('warning', () => 'The translation is identical to the French: translate it, or accept this if the text is the same in English'),
  'briefing:doubled-word': rule<{ word: string }>('warning', (p) => `Doubled word "${p.word} ${p.word}": remove one`),
  'briefing:unbalanced-pair': rule<{ mark: string }>(
    'warning',
    (p) => `"${p.mark}" has no matching ${OPENING.includes(p.mark) ? 'closing' : 'opening'} mark (the French's are balanced): add it, or remove this one`,
  ),
  'briefing:translation-shape': rule<{ french: 'list' | 'quote'; found: string }>(
    'error',
    (p) =>
      `The French of this unit is one ${p.french}, its translation ${p.found}: keep the French's block shape (${
        p.french === 'list' ? 'one list, each item on its own line starting with the French\'s marker, "- " or "1."' : 'one quote, each line starting with "> "'
      }, no blank line outside it)`,
  ),
  'briefing:block-markup': rule<{ unit: string; markup: string; construct: string }>(
    'warning',
    (p) =>
      `${p.markup === '' ? 'A blank line (a new paragraph) is joined with a space' : `"${p.markup}" (${p.construct}) is shown as literal text`}: ` +
      `the translation of a ${p.unit} is one ${p.unit === 'paragraph' ? 'paragraph' : 'line'} of text and cannot add a block. Remove it, as in the French`,
  ),
  'briefing:unpaired-markup': rule<{ mark: string; name: string }>(
    'error',
    (p) => `"${p.mark}" (${p.name}) is not closed, so it would show as literal text: put it on both sides of the words, as in the French, or remove it`,
  ),
  'briefing:broken-link': rule<{ problem: 'unclosed' | 'no-target' }>('error', (p) =>
    p.problem === 'unclosed'
      ? 'This link is not closed: write [text](address) with ")" right after the address, as in the French'
      : 'The French has a link here, this "[text]" has no address: write [text](address) with the French\'s address',
  ),
  'briefing:invalid-url': rule<{ url: string; fix?: string }>('error', (p) =>
    p.fix
      ? `"${p.url}" is not a full web address (a reader's browser would look for a file of this site): write ${p.fix}`
      : `"${p.url}" is not an address a reader can follow: write a full address (https://… or mailto:…), a path on the site (/…) or an anchor (#…), as in the French`,
  ),

  // Rendering (src/render/, reported by src/pipeline/render-error.ts).
  'briefing:template-error': rule<{ reason: string }>('error', (p) => `${p.reason}: fix the template here`),
  'briefing:invalid-theme': rule<{ syntax: string } | { field: string; problem: string; got?: unknown }>('error', (p) =>
    'syntax' in p
      ? `The PDF theme is not valid JSON: ${p.syntax}`
      : `${p.field ? `"${p.field}"` : 'The theme'} ${p.problem}${p.got === undefined ? '' : `, not ${JSON.stringify(p.got)}`} (see docs/themes.md)`,
  ),
  'briefing:invalid-logo': rule('error', () => 'The logo is not a PNG or JPEG image: a logo must be one of those (replace the file, or remove it for no logo)'),
  'briefing:logo-too-large': rule<{ problem: 'bytes'; bytes: number; limit: number } | { problem: 'pixels'; width: number; height: number; limit: number }>(
    'error',
    (p) =>
      p.problem === 'bytes'
        ? `The logo file is ${p.bytes} bytes, more than the ${p.limit} allowed: save it smaller (a logo is shown a few centimetres wide)`
        : `The logo is ${p.width}×${p.height} pixels, more than the ${p.limit} pixels allowed: scale it down (a logo is shown a few centimetres wide)`,
  ),
  'briefing:invalid-stylesheet': rule<{ found: string }>(
    'error',
    (p) =>
      `A stylesheet must not contain "${p.found}": it is inlined in a <style> element, which "${p.found}" would break. Remove it (write "<\\/style" inside a CSS string)`,
  ),
  'briefing:pairing-mismatch': rule<{ cause: 'template'; problem: string } | { cause: 'translation'; key: string; french: string; translation: string }>(
    'error',
    (p) =>
      p.cause === 'template'
        ? `The bilingual edition cannot pair the two languages: ${p.problem}`
        : `The bilingual edition cannot pair the two languages: the translation of "${p.key}" is ${p.translation} where the French is ${p.french}. Keep the same blocks as the French (no added blank line, list or heading)`,
  ),
  'briefing:template-limit': rule<{ problem: 'output' | 'blocks'; limit: number }>('error', (p) =>
    p.problem === 'output'
      ? `This block makes the template's output exceed ${p.limit} characters (nested {{#each}} over @root?): loop over the data once`
      : `This block makes the template render more than ${p.limit} blocks (nested {{#each}} over @root?): loop over the data once`,
  ),
  'briefing:render-failed': rule<{ reason: string }>('error', (p) => `Rendering failed: ${p.reason}`),
  'briefing:time-budget': rule<{ seconds: number }>(
    'error',
    (p) =>
      `Stopped: rendering this article took longer than its time budget of ${p.seconds} s. Split the article or shorten its longest paragraphs; raise the budget with --time-budget only for content you trust`,
  ),
  'briefing:out-of-memory': rule<{ mb: number }>(
    'error',
    (p) => `Stopped: rendering this article needed more than the ${p.mb} MB of memory one render may use. Split the article or shorten it`,
  ),
  'briefing:unreadable-file': rule<{ reason: string }>('error', (p) => `Cannot read this file: ${p.reason}. Restore it, or make it readable`),
  'briefing:not-a-file': rule<{ kind: string }>(
    'error',
    (p) => `This is ${p.kind}, not a regular file: Briefing reads only regular files. Replace it by a file, or remove it`,
  ),
  'briefing:unused-template': rule<{ instead: string }>('warning', (p) => `No longer used: ${p.instead}; then delete this file`),
  'briefing:missing-glyph': rule<{ char: string; codePoint: string; key: string }>(
    'warning',
    (p) =>
      `No font of the PDF has "${p.char}" (${p.codePoint}) in "${p.key}": it prints as an empty box and is missing from the PDF's text. Replace it by a common character or a word`,
  ),
  'briefing:image-without-alt': rule<{ src: string }>(
    'warning',
    (p) =>
      `The image "${p.src}" has no description: write a short description of what it shows between the brackets, ![like this](${p.src}), so that a reader who cannot see it (and the translation) gets what it says`,
  ),
  'briefing:image-not-embedded': rule<{ src: string; reason: string }>(
    'warning',
    (p) =>
      `The image "${p.src}" is not embedded (${p.reason}): it is shown as a frame with its description. Use a PNG or JPEG file inside the project, next to the article`,
  ),
  'briefing:relative-link': rule<{ url: string }>(
    'warning',
    (p) =>
      `The link "${p.url}" is relative to a web site the article does not name, so it is shown as text. Give the article's address in its front matter (url: https://…), the site's with --base-url https://…, or write the link in full`,
  ),

  // Publishing (src/publish/, `briefing merge-manifests`).
  'briefing:write-failed': rule<{ reason: string }>('error', (p) => `Cannot write the output: ${p.reason}`),
  'briefing:kept-modified-output': rule<{ reason: string }>(
    'warning',
    (p) => `Not removed (${p.reason}): the file differs from the one this tool wrote. Delete it by hand if it is no longer wanted.`,
  ),
  'briefing:invalid-manifest': rule<{ reason: string }>(
    'warning',
    (p) => `Ignoring the build manifest: ${p.reason}. Every output is rebuilt; files it does not list are left alone.`,
  ),
  'briefing:missing-manifest': rule('error', () => 'No manifest here: run "briefing build" (with --out) first, or name the shard\'s manifest.json.'),
  'briefing:merge-conflict': rule(
    'error',
    () => 'Two manifests list this output with different contents (the same article built by two shards from different inputs?). Rebuild it on one shard.',
  ),
  'briefing:merge-missing-output': rule<{ output: string }>(
    'error',
    (p) => `Listed in a manifest but missing or different in ${p.output}: copy every shard's output folder there before merging.`,
  ),

  // Preview server (src/serve/).
  'briefing:no-review': rule('error', () => 'The source language has no review page'),
  'briefing:outside-project': rule<{ into?: string }>(
    'error',
    (p) =>
      `This file resolves ${p.into ?? 'outside the project'} (a symbolic link?): Briefing reads only the project's own files, never .git/ or the output folder. Replace the link by the file itself, or remove it`,
  ),
  // XLIFF exchange with CAT tools (src/translate/xliff/, `briefing xliff`).
  'briefing:xliff-malformed': rule<{ reason: string }>('error', (p) => `Not well-formed XML: ${p.reason}. Fix the file where shown, or export it again`),
  'briefing:xliff-doctype': rule(
    'error',
    () =>
      'An XLIFF file must not declare a DOCTYPE or entities (they could expand without bound or read other files): remove the declaration, or export the file again',
  ),
  'briefing:xliff-too-large': rule<{ size: number; max: number }>(
    'error',
    (p) => `This XLIFF file is ${p.size} bytes, more than the ${p.max} accepted: export and import fewer articles at a time`,
  ),
  'briefing:xliff-unsupported': rule<{ found: string }>(
    'error',
    (p) => `Not an XLIFF 2.0 or 1.2 document (found ${p.found}): import a file written by "briefing xliff export" and saved by your CAT tool`,
  ),
  'briefing:xliff-wrong-language': rule<{ found: string; expected: string }>(
    'error',
    (p) => `This file translates into "${p.found}", not ${p.expected}: import the file of the right language, or set the target language in your CAT tool`,
  ),
  'briefing:xliff-unknown-article': rule<{ slug: string }>(
    'error',
    (p) => `No article "${p.slug}" in content/: the file was exported from another project or the article was renamed; export it again`,
  ),
  'briefing:xliff-unknown-unit': rule<{ id: string; slug: string }>(
    'error',
    (p) => `Unit "${p.id}" is not a unit of ${p.slug} (the French changed since the export, or the id was edited): export again and copy the translation over`,
  ),
  'briefing:xliff-source-changed': rule<{ id: string }>(
    'error',
    (p) =>
      `The French of unit "${p.id}" is not the current French (it changed since the export, or the source was edited): not imported. Export again and translate the new French`,
  ),
  'briefing:xliff-unknown-code': rule<{ code: string }>(
    'error',
    (p) => `Inline code ${p.code} is not one this file defines: keep the tags of the source as they are (move them, never retype them)`,
  ),
} as const satisfies Record<`briefing:${string}`, { severity: Severity }>;

/** A rule id of the table; anything else fails the typecheck. */
export type RuleId = keyof typeof RULES;

/** The parameters the message of rule `R` is worded from. */
export type RuleParams<R extends RuleId> = (typeof RULES)[R] extends Rule<infer P> ? P : never;

/** Where a rule is documented: `docs/rules.md#<id without prefix>`. */
export function ruleUrl(id: string): string {
  return `docs/rules.md#${id.replace(/^briefing:/, '')}`;
}

/** The one message of rule `id`. */
export function ruleMessage<R extends RuleId>(id: R, params: RuleParams<R>): string {
  return (RULES[id] as Rule<RuleParams<R>>).message(params);
}

/** The default severity of rule `id`. */
export function ruleSeverity(id: RuleId): Severity {
  return RULES[id].severity;
}

/** Where in a file a problem is: 1:1 for a file that has no lines to point at. */
export const START: Place = { line: 1, column: 1 };
