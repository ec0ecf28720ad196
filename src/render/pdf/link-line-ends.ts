/**
 * A link's text wrapped over two lines: pdfkit draws each line's piece with the space the line
 * wrapper left at its end, and underlines it (and makes it clickable) that space included, so the
 * underline runs on past the last word ("mêmes_"). The piece is drawn without its trailing
 * spaces; the next piece's position is computed by pdfkit from the untrimmed text, so it is unchanged.
 */

/** pdfkit's private method that draws one line (or piece of a line) of text once wrapped. */
interface FragmentWriter {
  _fragment(text: string, x: number, y: number, options: { underline?: boolean; textWidth?: number | undefined }): void;
}
const patched = new WeakSet<object>();

export function trimUnderlinedLineEnds(doc: PDFKit.PDFDocument): void {
  if (patched.has(doc)) return;
  patched.add(doc);
  const writer = doc as unknown as FragmentWriter;
  const draw = writer._fragment;
  writer._fragment = function (this: FragmentWriter, text, x, y, options) {
    const trimmed = options.underline ? text.replace(/[ \t]+$/, '') : text;
    // The wrapper's width of the line (spaces included) is dropped: pdfkit then measures the trimmed text.
    draw.call(this, trimmed, x, y, trimmed === text ? options : { ...options, textWidth: undefined });
  };
}
