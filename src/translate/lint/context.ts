/**
 * Shared by the lint rules: what a rule sees, and how it points at a character inside a JSON
 * string value.
 */
import { diagnostic, type Diagnostic, type Severity } from '../../core/errors.js';
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

export function report(
  ctx: RuleContext,
  ruleId: string,
  message: string,
  place: Place,
  severity: Severity,
  note?: string,
): Diagnostic {
  const d = diagnostic(ctx.file, ruleId, message, place, severity);
  return note === undefined ? d : { ...d, note };
}
