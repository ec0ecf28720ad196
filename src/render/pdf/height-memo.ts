/**
 * Each text's line count kept per process. `heightOfString` wraps a whole paragraph to measure it
 * (keep decisions, widows, table rows, the title's balanced width), and a warm render — `serve`
 * after an edit, the bench — wraps the same paragraphs again. How many lines a text wraps to
 * depends only on the font, its size, the width and the text (measured with no page limit), not
 * on where it is drawn; the height is pdfkit's sum of line heights from the current y, so it is
 * replayed addition by addition: the same number, to the last bit.
 */
import { LRUCache } from 'lru-cache';
import { measureLines, type TextOptions } from './first-lines.js';

/** The part of pdfkit's document used here (untyped in @types/pdfkit). */
interface PdfkitState {
  y: number;
  _fontSize: number;
  _lineGap?: number;
  _textOptions?: object | null;
  _font?: { font?: object } | null;
}

/** A text's line count; not `complete` when its measure stopped early: it has at least `lines`. */
interface Count {
  lines: number;
  complete: boolean;
  bytes: number;
}

/** Line counts per parsed font, bounded by the bytes of their keys (the texts). */
const countsByFont = new WeakMap<object, LRUCache<string, Count>>();

/** Key text kept per parsed font (the seed's paragraphs are ~20 KiB). */
const BYTES_PER_FONT = 1 << 20;

/** Options the memo understands; any other makes the call go to pdfkit as is. */
const KNOWN = new Set(['width', 'lineGap', 'align']);

/** The memo of the current font, or null when the call depends on more than font, size, width and text. */
function countsFor(doc: PDFKit.PDFDocument, options: TextOptions): LRUCache<string, Count> | null {
  const state = doc as unknown as PdfkitState;
  const font = state._font?.font;
  // Inside a `continued` chain pdfkit merges the chain's options into the measure's.
  if (!font || state._textOptions || typeof options.width !== 'number' || Object.keys(options).some((key) => !KNOWN.has(key))) return null;
  let counts = countsByFont.get(font);
  if (!counts) {
    counts = new LRUCache<string, Count>({ maxSize: BYTES_PER_FONT, sizeCalculation: (entry) => Math.max(1, entry.bytes) });
    countsByFont.set(font, counts);
  }
  return counts;
}

/**
 * `measureLines(doc, text, options, maxLines).height` (./first-lines.ts), its line count kept: the
 * height of the text, or with `maxLines` of its first lines only.
 */
export function linesHeight(doc: PDFKit.PDFDocument, text: string, options: TextOptions, maxLines?: number): number {
  const counts = countsFor(doc, options);
  if (!counts) return measureLines(doc, text, options, maxLines).height;
  const state = doc as unknown as PdfkitState;
  const key = `${state._fontSize} ${options.width} ${text}`;
  const known = counts.get(key);
  const enough = known && (known.complete || (maxLines !== undefined && maxLines < known.lines));
  if (!enough) {
    const measured = measureLines(doc, text, options, maxLines);
    // Fewer lines than the limit: the measure did not stop early.
    const complete = maxLines === undefined || measured.lines <= maxLines;
    counts.set(key, { lines: measured.lines, complete, bytes: 2 * key.length });
    return measured.height;
  }
  const lines = maxLines === undefined ? known.lines : Math.min(known.lines, maxLines + 1);
  // pdfkit's own accumulation (heightOfString's line callback), from the same y.
  const lineGap = options.lineGap || state._lineGap || 0;
  const y = state.y;
  let bottom = y;
  for (let line = 0; line < lines; line++) bottom += doc.currentLineHeight(true) + lineGap;
  return bottom - y;
}

/** Makes `doc.heightOfString` count a text's lines once per process (calls the memo cannot key go to pdfkit). */
export function memoiseHeights(doc: PDFKit.PDFDocument): void {
  const measure = doc.heightOfString.bind(doc);
  (doc as unknown as { heightOfString: (text: string, options?: TextOptions) => number }).heightOfString = (text, options = {}) =>
    typeof text === 'string' && countsFor(doc, options) ? linesHeight(doc, text, options) : measure(text, options as PDFKit.Mixins.TextOptions);
}
