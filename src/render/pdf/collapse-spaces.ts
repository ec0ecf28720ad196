/**
 * A heading's or title's text on one line: runs of breaking white space become one space. Not
 * `\s`, which also matches the no-break spaces the typography stage put there on purpose (U+00A0
 * before ":", U+202F after "«"): turned into ordinary spaces, they let pdfkit end a line on "«".
 */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}
