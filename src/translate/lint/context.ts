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

/** Characters JSON cannot hold literally: if one precedes the offset, an escape does too. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON requires these characters escaped in strings; finding them is the point
const MUST_ESCAPE = /["\\\u0000-\u001f]/;

/**
 * Place of the character at `offset` (UTF-16 index) of `entry.value`: the value's column + 1 (the
 * opening quote) + offset, when nothing before that offset was written as an escape sequence;
 * otherwise the place of the value itself. Without the raw `text`, escapes are detected only
 * where JSON requires them (quotes, backslashes, control characters).
 */
export function placeAt(entry: LocaleEntry, offset: number, text?: string): Place {
  const before = entry.value.slice(0, offset);
  if (MUST_ESCAPE.test(before)) return entry.place;
  if (text !== undefined && hasEscapeBefore(text, entry.place, offset)) return entry.place;
  return { line: entry.place.line, column: entry.place.column + 1 + offset };
}

function hasEscapeBefore(text: string, place: Place, offset: number): boolean {
  const line = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[place.line - 1];
  const start = place.column - 1;
  if (line === undefined || line[start] !== '"') return false;
  // Each raw character up to `offset` decoded characters is either literal (1 → 1) or an escape.
  return line.slice(start + 1, start + 1 + offset).includes('\\');
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
