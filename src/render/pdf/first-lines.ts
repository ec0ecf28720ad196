/**
 * The height of a text's first lines, without wrapping the rest. Keep decisions (a heading with
 * the first lines after it, a short paragraph kept whole) read at most a few lines of a paragraph
 * that pdfkit's `heightOfString` wraps whole before its own render wraps it again.
 */

interface TextOptions {
  width: number;
  lineGap: number;
  align: 'left' | 'center' | 'right';
}

/** pdfkit's private text entry points (untyped in @types/pdfkit), as its `heightOfString` uses them. */
interface PdfkitText {
  x: number;
  y: number;
  _initOptions(options: object): { lineGap?: number; height?: number };
  _text(text: string, x: number, y: number, options: object, onLine: () => void): unknown;
}

/**
 * pdfkit's `heightOfString(text, options)` in the current font, stopped once more than `maxLines`
 * lines are measured: the same number, computed the same way, for a text of at most `maxLines`
 * lines; for a longer one, the height of its first `maxLines + 1` or `maxLines + 2` lines. So
 * `Math.min(height, maxLines × line)` and a test `height ≤ maxLines × line` give what they give
 * with the whole text's height (each line adds about one line height).
 */
export function heightOfFirstLines(doc: PDFKit.PDFDocument, text: string, options: TextOptions, maxLines: number): number {
  const pdf = doc as unknown as PdfkitText;
  const { x, y } = pdf;
  const initialised = pdf._initOptions(options);
  const lineGap = initialised.lineGap || (doc as unknown as { _lineGap?: number })._lineGap || 0;
  const line = doc.currentLineHeight(true) + lineGap;
  // pdfkit's wrapper ends a block that reaches `height` after the line that does; two lines of
  // margin make sure it never ends one before line `maxLines + 1`.
  initialised.height = (maxLines + 2) * line;
  pdf._text(text, pdf.x, pdf.y, initialised, () => {
    pdf.y += doc.currentLineHeight(true) + lineGap;
  });
  const height = pdf.y - y;
  pdf.x = x;
  pdf.y = y;
  return height;
}
