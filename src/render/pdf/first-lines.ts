/**
 * pdfkit's `heightOfString`, counting lines, and optionally stopped after the first ones. Keep
 * decisions (a heading with the first lines after it, a short paragraph kept whole) read at most
 * a few lines of a paragraph that `heightOfString` wraps whole before its own render wraps it
 * again; height-memo.ts keeps the line count.
 */

export interface TextOptions {
  width?: number;
  lineGap?: number;
  align?: string;
}

/** pdfkit's private text entry points (untyped in @types/pdfkit), as its `heightOfString` uses them. */
interface PdfkitText {
  x: number;
  y: number;
  _lineGap?: number;
  _initOptions(options: object): { lineGap?: number; height?: number };
  _text(text: string, x: number, y: number, options: object, onLine: () => void): unknown;
}

/**
 * pdfkit's `heightOfString(text, options)` in the current font, computed the same way, with the
 * number of lines. Given `maxLines`, stopped once more than `maxLines` lines are measured: the
 * same height for a text of at most `maxLines` lines; for a longer one, the height of its first
 * `maxLines + 1` or `maxLines + 2` lines. So `Math.min(height, maxLines × line)` and a test
 * `height ≤ maxLines × line` give what they give with the whole text's height (each line adds
 * about one line height).
 */
export function measureLines(doc: PDFKit.PDFDocument, text: string, options: TextOptions, maxLines?: number): { height: number; lines: number } {
  const pdf = doc as unknown as PdfkitText;
  const { x, y } = pdf;
  const initialised = pdf._initOptions(options);
  const lineGap = initialised.lineGap || pdf._lineGap || 0;
  // pdfkit's wrapper ends a block that reaches `height` after the line that does; two lines of
  // margin make sure it never ends one before line `maxLines + 1`.
  initialised.height = maxLines === undefined ? Number.POSITIVE_INFINITY : (maxLines + 2) * (doc.currentLineHeight(true) + lineGap);
  let lines = 0;
  pdf._text(text, pdf.x, pdf.y, initialised, () => {
    lines++;
    pdf.y += doc.currentLineHeight(true) + lineGap;
  });
  const height = pdf.y - y;
  pdf.x = x;
  pdf.y = y;
  return { height, lines };
}
