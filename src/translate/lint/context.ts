/**
 * Shared by the lint rules: what a rule sees, and how it points at a character inside a JSON
 * string value.
 */
import { ruleDiagnostic, type Diagnostic, type RuleId } from '../../core/errors.js';
import type { RuleParams } from '../../core/rules.js';
import type { Lang, Place } from '../../core/types.js';
import type { LocaleEntry } from '../../i18n/locale-file.js';

export interface RuleContext {
  /** Path of the checked file, as given (for messages). */
  file: string;
  lang: Lang;
  entries: readonly LocaleEntry[];
  /** French entries by key, when a French counterpart file exists. */
  french?: ReadonlyMap<string, LocaleEntry>;
  /** Raw text of the checked file, when known: lets columns account for escape sequences. */
  text?: string;
}

/**
 * Place of the character at `offset` (UTF-16 index) of `entry.value`. With the file's raw `text`,
 * the value's raw JSON is walked from its opening quote, so a column stays exact past escape
 * sequences (`\"`, `\n`, `\u00a0`…). Without it, the value is assumed written as `JSON.stringify`
 * writes it (only quotes, backslashes and control characters escaped).
 */
export function placeAt(entry: LocaleEntry, offset: number, text?: string): Place {
  const raw = text === undefined ? JSON.stringify(entry.value.slice(0, offset)).length - 2 : rawWidth(text, entry.place, offset);
  if (raw === undefined) return entry.place;
  return { line: entry.place.line, column: entry.place.column + 1 + raw };
}

/**
 * Raw characters written for the first `offset` decoded UTF-16 units of the JSON string whose
 * opening quote is at `place`; undefined when the text there is not that string.
 */
function rawWidth(text: string, place: Place, offset: number): number | undefined {
  const line = lineOf(text, place.line);
  const quote = place.column - 1;
  if (line === undefined || line[quote] !== '"') return undefined;
  let i = quote + 1;
  for (let decoded = 0; decoded < offset; decoded++) {
    if (i >= line.length || line[i] === '"') return undefined;
    i += rawLength(line, i);
  }
  return i - quote - 1;
}

/**
 * Raw characters of the one decoded UTF-16 unit that starts at `i` of a JSON string's text: a
 * literal unit (1), a `\uXXXX` escape (6) or a two-character escape (2).
 */
export function rawLength(raw: string, i: number): number {
  return raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2;
}

/** Line starts of the last text seen: a file's diagnostics all look into the same text. */
let lastText: string | undefined;
let lastStarts: number[] = [];

/** Line `n` (1-based) of `text`, without its line break; a leading BOM is not part of line 1. */
function lineOf(text: string, n: number): string | undefined {
  if (text !== lastText) {
    lastText = text;
    lastStarts = [text.startsWith('\uFEFF') ? 1 : 0];
    for (const m of text.matchAll(/\r\n|\r|\n/g)) lastStarts.push(m.index + m[0].length);
  }
  const start = lastStarts[n - 1];
  if (start === undefined) return undefined;
  const next = lastStarts[n];
  return text.slice(start, next === undefined ? text.length : next).replace(/[\r\n]+$/, '');
}

/** `French: "…"` for a key's French counterpart (JSON-quoted, so newlines stay visible). */
export function frenchNote(ctx: RuleContext, key: string): string | undefined {
  const french = ctx.french?.get(key);
  return french === undefined ? undefined : `French: ${JSON.stringify(french.value)}`;
}

/** The diagnostic of lint rule `id` at `place` of the checked file, with an optional note. */
export function report<R extends RuleId>(ctx: Pick<RuleContext, 'file'>, id: R, params: RuleParams<R>, place: Place, note?: string): Diagnostic {
  return ruleDiagnostic(id, ctx.file, params, place, { note });
}
