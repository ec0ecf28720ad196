/**
 * The lint rules of `briefing check`, as pure functions over parsed locale files.
 *
 * Rules (severity): `briefing:placeholder-mismatch` (error), `briefing:nesting` (error),
 * `briefing:unescaped-interpolation` (error), `briefing:incomplete-plural` (error),
 * `briefing:raw-html` (warning), `briefing:whitespace` (warning) — all via `lintLocale`; with the
 * article's units, `briefing:translation-shape` (error), `briefing:note-references` (error) and
 * `briefing:block-markup` (warning);
 * `briefing:french-typography` (warning) via `lintFrenchTypography`, for French files.
 *
 * The reader's own diagnostics (`LocaleFile.diagnostics`: invalid JSON, duplicate keys…) are not
 * repeated here; the caller reports them alongside.
 */
import type { Diagnostic } from '../../core/errors.js';
import type { Lang, Segment } from '../../core/types.js';
import type { LocaleEntry, LocaleFile } from '../../i18n/locale-file.js';
import type { RuleContext } from './context.js';
import { checkFrenchTypography } from './french-typography.js';
import { checkMarkup } from './markup.js';
import { checkInterpolationSyntax, checkPlaceholders } from './placeholders.js';
import { checkPlurals } from './plurals.js';
import { checkShape } from './shape.js';
import { checkNoteReferences } from './note-references.js';
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
   * Raw text of the target file, optional. Diagnostics point at the exact character of a value
   * unless an escape sequence precedes it (then at the value's start); with the text, every
   * escape (`\u00a0`…) is seen, without it only those JSON requires (`\"`, `\\`, `\n`…).
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
  const withUnits = input.units ? { ...ctx, units: new Map(input.units.map((unit) => [unit.key, unit])) } : undefined;
  const shape = withUnits ? [...checkShape(withUnits), ...checkNoteReferences(withUnits)] : [];
  return sortByPlace([
    ...checkPlaceholders(ctx),
    ...checkInterpolationSyntax(ctx),
    ...checkPlurals(ctx),
    ...checkMarkup(ctx),
    ...checkWhitespace(ctx),
    ...shape,
    ...(withUnits && input.glossary ? checkGlossary(withUnits, input.glossary) : []),
  ]);
}

/**
 * The shape rules alone (`briefing:translation-shape`, `briefing:block-markup`): what `build`
 * reports about the translations of `units` it is about to use.
 */
export function lintTranslationShape(target: LocaleFile, lang: Lang, units: readonly Segment[]): Diagnostic[] {
  const ctx = { file: target.file, lang, entries: target.entries, text: target.text, units: new Map(units.map((unit) => [unit.key, unit])) };
  return sortByPlace([...checkShape(ctx), ...checkNoteReferences(ctx)]);
}

/** French typography check for French strings (used on French locale files). */
export function lintFrenchTypography(file: LocaleFile, text?: string): Diagnostic[] {
  return sortByPlace(checkFrenchTypography({ file: file.file, entries: file.entries, ...(text !== undefined ? { text } : {}) }));
}

/** By line, then column; rules keep their order at the same place (stable sort). */
function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}
