/**
 * No line break between a styled run and the punctuation or note call glued to it, nor inside a
 * phrase of typography/no-break.ts (`8 Mbit/s`, `M. Dupont`, `1er décembre 2026`).
 *
 * inline.ts writes a paragraph as a chain of pdfkit `continued` text calls, one per piece of one
 * style. pdfkit's LineWrapper checks each call's first word on its own, so every call boundary is
 * a break opportunity: "de `Python`. R" could end a line with "Python" and start the next one
 * with ". R". `planBreaks` replays the chain on a shadow LineWrapper (pdfkit's own, so the
 * decisions are the same) and, where the wrapper would break at a glued boundary, ends the line
 * instead at the last break opportunity before the glued word; the writer ends its chain there
 * and starts a new one on the next line. A line the wrapper ends inside a phrase is ended the same
 * way before the phrase. Chains with no glued boundary and no phrase are left untouched.
 */
import * as pdfkit from 'pdfkit';
import { noBreakSpans } from '../../typography/no-break.js';

/** The part of pdfkit's LineWrapper (exported by pdfkit, untyped in @types/pdfkit) used here. */
interface ShadowWrapper {
  on(event: 'line', listener: (buffer: string) => void): void;
  wrap(text: string, options: { continued: boolean }): void;
}
type WrapperClass = new (doc: PDFKit.PDFDocument, options: { width: number; height: number }) => ShadowWrapper;

/** A piece of text written by one pdfkit call; `breakAfter` ends the line (and the chain) after it. */
export interface GluePiece {
  text: string;
  /** Pieces of the same run share this object. */
  run: object;
  /** Glued to the preceding word whatever its first character (a footnote call number, ^er^). */
  clinging: boolean;
  breakAfter?: boolean;
}

/** Characters that never start a line after a word: closing punctuation and no-break spaces. */
const CLOSING = new Set(['.', ',', ';', ':', '!', '?', '…', ')', ']', '»', '”', '’', '%', '\u00a0', '\u202f', '\u2060']);
const BREAKING_SPACE = new Set([' ', '\t', '\n']);
/** Characters that never end a line before a word: opening brackets and quotes, no-break spaces ("(" then a link, "«\u00a0" then emphasis). */
const OPENING = new Set(['(', '[', '{', '«', '“', '‘', '„', '\u00a0', '\u202f', '\u2060']);

/** True when `text` is spaces and then closing punctuation. */
function closesAfterSpaces(text: string): boolean {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i < text.length && CLOSING.has(text[i]!) && !text[i]!.match(/\s/u);
}

/** True when pdfkit must not break between `prev` and `next` (no space at their boundary). */
function glued(prev: GluePiece, next: GluePiece): boolean {
  if (prev.breakAfter || prev.text === '' || BREAKING_SPACE.has(prev.text[prev.text.length - 1]!)) return false;
  const first = next.text[0];
  if (first === undefined) return false;
  // Spaces then closing punctuation (a link, then " ."): UAX #14 allows no break before it, even after spaces (LB13).
  if (BREAKING_SPACE.has(first)) return closesAfterSpaces(next.text);
  return next.clinging || next.run === prev.run || CLOSING.has(first) || OPENING.has(prev.text[prev.text.length - 1]!);
}

/** Position of a break opportunity: before character `offset` of piece `piece`. */
interface Place {
  piece: number;
  offset: number;
}

function before(a: Place, b: Place): boolean {
  return a.piece < b.piece || (a.piece === b.piece && a.offset < b.offset);
}

/** The last break opportunity before the end of piece `last` (or before `offset` in it) that pdfkit could use, or null. */
function lastOpportunity(pieces: readonly GluePiece[], last: number, offset?: number): Place | null {
  for (let j = last; j >= 0; j--) {
    const text = pieces[j]!.text;
    let k = (j === last && offset !== undefined ? offset : text.length) - 1;
    // Spaces at the very end of piece `last` do not count: the boundary after them is not glued.
    while (k >= 0 && !BREAKING_SPACE.has(text[k]!)) k--;
    if (k >= 0) return { piece: j, offset: k + 1 };
    if (j === 0 || pieces[j - 1]!.breakAfter || !glued(pieces[j - 1]!, pieces[j]!)) return j === 0 ? null : { piece: j, offset: 0 };
  }
  return null;
}

/**
 * For a chain offset `at`, the phrase a line ending there would split (`from < at < to`), the one
 * starting first when several overlap, or undefined. Two binary searches over the phrases sorted by
 * start, with the furthest end reached by each prefix: a paragraph of thousands of figures stays
 * linear, where scanning every phrase at every line end would not.
 */
function phraseSplitter(phrases: readonly (readonly [number, number])[]): (at: number) => readonly [number, number] | undefined {
  const sorted = [...phrases].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const reach: number[] = [];
  let furthest = -1;
  for (const [, to] of sorted) {
    furthest = Math.max(furthest, to);
    reach.push(furthest);
  }
  return (at) => {
    // The phrases starting before `at` are sorted[0 .. starts).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] < at) lo = mid + 1;
      else hi = mid;
    }
    const starts = lo;
    if (starts === 0 || reach[starts - 1]! <= at) return undefined;
    // The first of them reaching past `at` (reach only grows): it starts before `at` and ends after it.
    lo = 0;
    hi = starts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reach[mid]! > at) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo];
  };
}

/**
 * Returns the pieces to write, split and marked `breakAfter` where a line must end early so that a
 * glued boundary is never a line end. `setFont(piece)` must set the document's font and size
 * exactly as the writer will for that piece.
 */
export function planBreaks<P extends GluePiece>(doc: PDFKit.PDFDocument, input: readonly P[], width: number, setFont: (piece: P) => void): P[] {
  const pieces = [...input];
  // Offset of each piece in the text of the whole chain, kept in step with `pieces`.
  const offsets: number[] = [];
  let length = 0;
  for (const piece of pieces) {
    offsets.push(length);
    length += piece.text.length;
  }
  const phrases = noBreakSpans(pieces.map((piece) => piece.text).join(''));
  // A piece starting with a space after one ending a word (`code` then " en fin") may start a line with that space.
  const spaceAfterWord = (piece: GluePiece, i: number): boolean =>
    i > 0 && BREAKING_SPACE.has(piece.text[0]!) && !BREAKING_SPACE.has(pieces[i - 1]!.text.at(-1)!);
  if (phrases.length === 0 && !pieces.some((piece, i) => i > 0 && (glued(pieces[i - 1]!, piece) || spaceAfterWord(piece, i)))) return pieces;
  const splitPhrase = phraseSplitter(phrases);
  const Wrapper = (pdfkit as unknown as { LineWrapper: WrapperClass }).LineWrapper;
  const { x, y } = doc;
  let shadow: ShadowWrapper;
  // Lines the shadow emitted during the current call; where the current line starts.
  let lines: string[] = [];
  let lineStart: Place = { piece: 0, offset: 0 };
  const restart = (at: number): void => {
    shadow = new Wrapper(doc, { width, height: Number.POSITIVE_INFINITY });
    shadow.on('line', (buffer) => lines.push(buffer));
    lineStart = { piece: at, offset: 0 };
  };
  // Where the line must end instead, when the wrapper just broke at a glued boundary before piece `i`.
  const gluedBreak = (i: number): Place | null =>
    lines.length > 1 && lines[0] === '' && i > 0 && glued(pieces[i - 1]!, pieces[i]!) ? lastOpportunity(pieces, i - 1) : null;
  // Where the line must end instead, when one of the `ended` lines of piece `i` ends inside a phrase.
  const phraseBreak = (i: number, ended: number): Place | null => {
    let end = offsets[i]!;
    for (let k = 0; k < ended; k++) {
      end += lines[k]!.length;
      const phrase = splitPhrase(end);
      if (!phrase) continue;
      let j = i;
      while (j > 0 && offsets[j]! > phrase[0]) j--;
      return lastOpportunity(pieces, j, phrase[0] - offsets[j]!);
    }
    return null;
  };
  restart(0);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const startOfLine = lineStart;
    setFont(piece);
    lines = [];
    shadow!.wrap(piece.text, { continued: true });
    // Every call ends by emitting its open line; the lines before it (all of them after a hard
    // break) really ended. The open line is emitted as '' when the call's first word does not fit.
    const ended = piece.text.endsWith('\n') ? lines.length : lines.length - 1;
    if (ended > 0) lineStart = { piece: i, offset: lines.slice(0, ended).join('').length };
    // The line ended right before this piece's leading space (after inline code, a link): the
    // space would start the next line, indenting it. End the line after the previous piece instead
    // and drop the space (`offsets` stay positions in the whole chain's text).
    if (lines.length > 1 && lines[0] === '' && i > 0 && !pieces[i - 1]!.breakAfter && BREAKING_SPACE.has(piece.text[0]!) && !glued(pieces[i - 1]!, piece)) {
      const text = piece.text.replace(/^[ \t]+/, '');
      offsets[i]! += piece.text.length - text.length;
      pieces[i - 1] = { ...pieces[i - 1]!, breakAfter: true };
      pieces[i] = { ...piece, text };
      i -= 1;
      restart(i + 1);
      continue;
    }
    const at = gluedBreak(i) ?? phraseBreak(i, ended);
    if (at === null || !before(startOfLine, at)) continue;
    if (at.offset === 0) {
      pieces[at.piece - 1] = { ...pieces[at.piece - 1]!, breakAfter: true };
      i = at.piece - 1;
    } else {
      const split = pieces[at.piece]!;
      pieces.splice(at.piece, 1, { ...split, text: split.text.slice(0, at.offset), breakAfter: true }, { ...split, text: split.text.slice(at.offset) });
      offsets.splice(at.piece + 1, 0, offsets[at.piece]! + at.offset);
      i = at.piece;
    }
    // Replay from the first piece of the new line.
    restart(i + 1);
  }
  doc.x = x;
  doc.y = y;
  return pieces.filter((piece) => piece.text !== '');
}
