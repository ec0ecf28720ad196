/**
 * pdfkit writes the file out piece by piece (`_write`): each object's number line, dictionary,
 * `stream`/`endstream` keywords, each cross-reference line — and each string piece becomes its own
 * `Uint8Array` (`fromBinaryString(data + '\n')`) pushed into the document's `Readable` on its own.
 * Here consecutive string pieces are kept as text and pushed as one buffer when a byte chunk (a
 * stream's data) follows or the file ends. `Buffer.from(text, 'latin1')` keeps each UTF-16 unit's
 * low byte, as pdfkit's `& 0xff` does, and `_offset` (the byte offset each object records for the
 * cross-reference table) still advances at every piece by the same count: the bytes do not change.
 */

/** The parts of pdfkit's `PDFDocument` used here (its typings do not expose them). */
interface WritingDocument {
  _write(data: unknown): void;
  _offset: number;
  push(chunk: unknown): boolean;
}

export function batchDocumentWrites(doc: PDFKit.PDFDocument): void {
  const writer = doc as unknown as WritingDocument;
  const push = writer.push.bind(doc);
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    push(Buffer.from(text, 'latin1'));
  };
  writer._write = (data: unknown) => {
    if (data instanceof Uint8Array) {
      flush();
      push(data);
      writer._offset += data.length;
      return;
    }
    const text = `${data}\n`;
    pending.push(text);
    writer._offset += text.length;
  };
  // pdfkit ends the file with `push(null)`: what is pending goes first.
  writer.push = (chunk: unknown) => {
    flush();
    return push(chunk);
  };
}
