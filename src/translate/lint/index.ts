/**
 * The lint rules of `briefing check`, as pure functions over parsed locale files.
 *
 * Rules (severity): `briefing:placeholder-mismatch` (error), `briefing:nesting` (error),
 * `briefing:unescaped-interpolation` (error), `briefing:incomplete-plural` (error),
 * `briefing:raw-html` (warning), `briefing:whitespace` (warning) — all via `lintLocale`; with the
 * article's units, the shared validation of ../validate-unit.ts (shape, note calls, inline markup,
 * links, placeholders of those units), the one `build` runs;
 * `briefing:french-typography` (warning) via `lintFrenchTypography`, for French files.
 *
 * The reader's own diagnostics (`LocaleFile.diagnostics`: invalid JSON, duplicate keys…) are not
 * repeated here; the caller reports them alongside.
 */
import type { Diagnostic } from '../../core/errors.js';
import type { Segment } from '../../core/types.js';
import type { LocaleEntry, LocaleFile } from '../../i18n/locale-file.js';
import type { RuleContext } from './context.js';
import { checkFrenchTypography } from './french-typography.js';
import { checkMarkup } from './markup.js';
import { checkInterpolationSyntax, checkPlaceholders } from './placeholders.js';
import { checkPlurals } from './plurals.js';
import { validateTranslations } from '../validate-unit.js';
import { checkWhitespace } from './whitespace.js';
import { checkGlossary } from './glossary.js';
import type { Glossary } from '../../i18n/glossary.js';
export { pluralCategories } from './plurals.js';
export { markupIn } from './markup.js';
export { typographyIssues } from './french-typography.js';

export interface LintInput {
  /** The translation file being checked (entries with places), e.g. locales/en/microsoft-openai.json or locales/en/common.json */
  target: LocaleFile;
  targetLang: 'fr' | 'en';
  /** The French counterpart file (locales/fr/<same name>.json), for comparing placeholders and plural forms; undefined when linting a French file itself */
  source?: LocaleFile;
  /**
   * Raw text of the target file, optional. Diagnostics point at the exact character of a value:
   * with the text, every escape (`\u00a0`…) is counted as written; without it, the value is
   * assumed escaped as `JSON.stringify` writes it (`\"`, `\\`, `\n`…).
   */
  text?: string;
  /**
   * The article's translation units (its segments), for an article's locale file: each
   * translation is then checked against its unit's kind (paragraph, list, quote, heading…).
   */
  units?: readonly Segment[];
  /** The project's glossary (locales/glossary.json): its terms are checked in each unit's translation. */
  glossary?: Glossary;
}

export function lintLocale(input: LintInput): Diagnostic[] {
  const ctx: RuleContext = {
    file: input.target.file,
    lang: input.targetLang,
    entries: input.target.entries,
    ...(input.source ? { french: new Map(input.source.entries.map((e): [string, LocaleEntry] => [e.key, e])) } : {}),
    ...(input.text !== undefined ? { text: input.text } : {}),
  };
  // An article's units are validated as the build validates them (../validate-unit.ts); other keys here.
  const unitKeys = new Set(input.units?.map((unit) => unit.key));
  const others = { ...ctx, entries: ctx.entries.filter((entry) => !unitKeys.has(entry.key)) };
  const units = input.units
    ? validateTranslations({ file: ctx.file, lang: ctx.lang, entries: ctx.entries, units: input.units, ...(ctx.text !== undefined ? { text: ctx.text } : {}) })
        .diagnostics
    : [];
  return sortByPlace([
    ...checkPlaceholders(others),
    ...checkInterpolationSyntax(others),
    ...checkPlurals(ctx),
    ...checkMarkup(ctx),
    ...checkWhitespace(ctx),
    ...units,
    ...(input.units && input.glossary ? checkGlossary({ ...ctx, units: new Map(input.units.map((unit) => [unit.key, unit])) }, input.glossary) : []),
  ]);
}

/** French typography check for French strings (used on French locale files). */
export function lintFrenchTypography(file: LocaleFile, text?: string): Diagnostic[] {
  return sortByPlace(checkFrenchTypography({ file: file.file, entries: file.entries, ...(text !== undefined ? { text } : {}) }));
}

/** By line, then column; rules keep their order at the same place (stable sort). */
function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}
