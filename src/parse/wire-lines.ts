/**
 * Wire copy, one line at a time: what a single trimmed line looks like, before its neighbours are
 * known. The decisions that need the neighbours (a heading needs text after it, a line in lower
 * case continues the one before…) are taken in wire-copy.ts. The rules and their examples are in
 * docs/parsing.md ("Wire copy"); the length thresholds in `DEFAULTS.wireCopy`.
 */
import { DEFAULTS } from '../core/defaults.js';

/**
 * - `bullet`: a list item (`- `, `* `, `• `, `– `);
 * - `numbered`: `1. `, `2) `: an item of a numbered list, or a numbered heading when it stands
 *   alone before text (wire-copy.ts);
 * - `lead-in`: ends with `:`, so it introduces what follows (a paragraph or a list);
 * - `open`: ends with `,` or `;`, so the sentence goes on at the next line;
 * - `heading`: short, starts with a capital, a digit or a quote, one sentence without a final
 *   full stop (a short question may end with `?`);
 * - `long-question`: one question longer than a short heading: a heading only if text follows;
 * - `sentence`: anything else (text).
 */
export type LineKind = 'bullet' | 'numbered' | 'lead-in' | 'open' | 'heading' | 'long-question' | 'sentence';

const BULLET = /^[-*•–][ \t]/;
/** `1. `, `2) `: a numbered list item, or a numbered subhead (decided in wire-copy.ts). */
const NUMBERED = /^(\d{1,3})[.)][ \t]/;
const SENTENCE_END = /[.!?…]["'»”’)\]\s\u00a0\u202f]*$/;
const HEADING_START = /^[\p{Lu}\p{N}«"“'‘]/u;
const SECOND_SENTENCE = /[.!?…]\s+\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;

/** Classifies one trimmed, non-blank line of wire copy (see `LineKind`). */
export function classifyLine(line: string): LineKind {
  if (BULLET.test(line)) return 'bullet';
  if (NUMBERED.test(line)) return 'numbered';
  if (line.endsWith(':')) return 'lead-in';
  if (line.endsWith(',') || line.endsWith(';')) return 'open';
  const { headingChars, headingWords, questionChars, longQuestionChars } = DEFAULTS.wireCopy;
  const question = line.endsWith('?');
  if (!HEADING_START.test(line) || SECOND_SENTENCE.test(question ? line.slice(0, -1) : line)) return 'sentence';
  const short = line.split(/\s+/).length <= headingWords;
  if (question) {
    if (short && line.length <= questionChars) return 'heading';
    return line.length <= longQuestionChars ? 'long-question' : 'sentence';
  }
  return short && line.length <= headingChars && !SENTENCE_END.test(line) ? 'heading' : 'sentence';
}

/** A line starting with a lower-case letter continues the sentence of the line before it. */
export function startsInLowerCase(line: string): boolean {
  return LOWER_START.test(line);
}

/** Length of a bullet or number line's marker and the spaces after it (0 when it has none). */
export function bulletWidth(line: string): number {
  const marker = BULLET.test(line) ? 1 : (NUMBERED.exec(line)?.[0].length ?? 0);
  if (marker === 0) return 0;
  return line.length - line.slice(marker).trimStart().length;
}

/** The number of a numbered line (`12. …` → 12), else undefined. */
export function lineNumber(line: string): number | undefined {
  const digits = NUMBERED.exec(line)?.[1];
  return digits === undefined ? undefined : Number(digits);
}
