/**
 * One validation of an article's translations against their French units, shared by `check`,
 * `build` and `serve` (which renders through the build's pipeline): everything that would make the
 * build refuse or alter a unit, each problem placed at the locale file's line and column of the
 * value, all found in one pass:
 * - placeholders and i18next syntax (`briefing:placeholder-mismatch`, `nesting`,
 *   `unescaped-interpolation`);
 * - block shape: a list or quote stays one list (same kind, same number of items) or one quote
 *   (`briefing:translation-shape`); block markup in a one-line or one-paragraph unit is a warning
 *   (`briefing:block-markup`: shown as text, nothing lost);
 * - note calls (`briefing:note-references`);
 * - inline markup left unpaired (`briefing:unpaired-markup`);
 * - link syntax and addresses (`briefing:broken-link`, `briefing:invalid-url`).
 * A unit with an error is `invalid`: the build shows its French, marked, like a missing one.
 */
import type { Diagnostic } from '../core/errors.js';
import type { Lang, Place, Segment } from '../core/types.js';
import type { LocaleEntry } from '../i18n/locale-file.js';
import { checkInlineMarkup } from './lint/inline-markup.js';
import { checkLinks } from './lint/links.js';
import { checkNoteReferences } from './lint/note-references.js';
import { checkInterpolationSyntax, checkPlaceholders } from './lint/placeholders.js';
import { checkShape, type ShapeContext } from './lint/shape.js';

export interface TranslationValidation {
  /** The problems, by place. */
  diagnostics: Diagnostic[];
  /** Keys whose translation has an error: shown in French by the build. */
  invalid: ReadonlySet<string>;
}

export interface ValidationInput {
  /** The locale file, as shown in messages (`locales/en/<slug>.json`). */
  file: string;
  lang: Lang;
  /** Its entries; only those of `units` are validated. */
  entries: readonly LocaleEntry[];
  /** The file's raw text, for exact columns past escape sequences. */
  text?: string;
  /** The article's units (its segments) to validate the translations of. */
  units: readonly Segment[];
}

/** Validates each translation of `input.units` against its French; see the module comment. */
export function validateTranslations(input: ValidationInput): TranslationValidation {
  const units = new Map(input.units.map((unit) => [unit.key, unit]));
  const entries = input.entries.filter((entry) => units.has(entry.key));
  // The French is the unit's own text (what the build shows), the same for check and build.
  const french = new Map(input.units.map((unit): [string, LocaleEntry] => [unit.key, { key: unit.key, value: unit.markdown, place: unit.place }]));
  const ctx: ShapeContext = {
    file: input.file,
    lang: input.lang,
    entries,
    french,
    units,
    trees: new Map(),
    ...(input.text !== undefined ? { text: input.text } : {}),
  };
  const diagnostics = [
    ...checkPlaceholders(ctx),
    ...checkInterpolationSyntax(ctx),
    ...checkShape(ctx),
    ...checkNoteReferences(ctx),
    ...checkInlineMarkup(ctx),
    ...checkLinks(ctx),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  return { diagnostics, invalid: invalidKeys(entries, diagnostics) };
}

/**
 * The keys of the entries with an error. Each diagnostic is placed in its entry's value (at its
 * start or at a character of it, on its line), so its entry is the last one starting at or before it.
 */
function invalidKeys(entries: readonly LocaleEntry[], diagnostics: readonly Diagnostic[]): Set<string> {
  const byPlace = [...entries].sort((a, b) => compare(a.place, b.place));
  const keys = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    let lo = 0;
    let hi = byPlace.length - 1;
    let found: LocaleEntry | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const entry = byPlace[mid]!;
      if (compare(entry.place, d) <= 0) {
        found = entry;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found) keys.add(found.key);
  }
  return keys;
}

const compare = (a: Place, b: Place) => a.line - b.line || a.column - b.column;
