/**
 * A JSON parser's error (momoa: "Unexpected token String found.") in a translator's words, with
 * the fix, placed where the mistake is rather than where the parser stopped: a missing comma is
 * reported at the end of the value that lacks it, not at the start of the next line.
 */
import type { Place } from '../core/types.js';

export interface PlainJsonError {
  reason: string;
  place: Place;
}

const CURLY_QUOTES = new Set(['“', '”', '„', '«', '»', '‘', '’']);

/**
 * Explains the parse error momoa reported at `stopped` in `text` (the text it parsed). Unknown
 * errors keep the parser's words (`fallback`).
 */
export function plainJsonError(text: string, stopped: Place, fallback: string): PlainJsonError {
  const lines = text.split('\n');
  const offsetOf = (place: Place) => {
    let offset = 0;
    for (let i = 0; i < place.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    return offset + place.column - 1;
  };
  const placeOf = (offset: number): Place => {
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      if (text[i] === '\n') {
        line++;
        start = i + 1;
      }
    }
    return { line, column: offset - start + 1 };
  };
  const at = offsetOf(stopped);
  const found = text[at] ?? '';
  let before = at - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  const previous = text[before] ?? '';
  const character = /^Unexpected character '(.+)' found\./s.exec(fallback)?.[1];

  if (/^Unexpected token (RBrace|RBracket) found/.test(fallback) && previous === ',') {
    const closing = found === ']' ? ']' : '}';
    return {
      reason: `trailing comma before ${closing}: delete the comma on line ${placeOf(before).line} (JSON allows none after the last entry)`,
      place: placeOf(before),
    };
  }
  if (/^Unexpected token (String|Number|True|False|Null|LBrace|LBracket) found/.test(fallback)) {
    const end = placeOf(before + 1);
    if (previous === '"' && isKey(text, before)) return { reason: `missing colon after the key on line ${end.line}: write "key": "value"`, place: end };
    return { reason: `missing comma after the value on line ${end.line}: add a , at its end`, place: end };
  }
  if (character !== undefined && CURLY_QUOTES.has(character)) {
    return { reason: `use straight double quotes " around keys and values, not “ ” or « » (curly quotes are fine inside a text)`, place: stopped };
  }
  if (character === "'") return { reason: `use straight double quotes " around keys and values, not ' '`, place: stopped };
  if (character === '/') {
    return { reason: 'JSON has no comments: delete it, and put notes in the commit message or the pull request', place: stopped };
  }
  if (character !== undefined && previous === '"' && before === at - 1) {
    // A straight quote inside a text ended it early: `"He said "No" …"`.
    return { reason: `a " inside a text ends it early: write \\" for a quote inside a text (or use “ ”)`, place: placeOf(before) };
  }
  if (/^Unexpected end of input/.test(fallback)) {
    return { reason: 'the file ends too early: a closing " or } is missing (each { needs its }, each text its closing ")', place: stopped };
  }
  return { reason: fallback, place: stopped };
}

/** Whether the string that ends at `end` (its closing quote) is a key: `{` or `,` comes before it. */
function isKey(text: string, end: number): boolean {
  let start = end - 1;
  while (start >= 0 && !(text[start] === '"' && text[start - 1] !== '\\')) start--;
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  return text[before] === '{' || text[before] === ',';
}
