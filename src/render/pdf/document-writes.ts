/**
 * pdfkit writes the file out piece by piece (`_write`): each object's number line, dictionary,
 * `stream`/`endstream` keywords, each cross-reference line — and each string piece becomes its own
 * `Uint8Array` (`fromBinaryString(data + '\n')`) pushed into the document's `Readable` on its own.
 * Here consecutive string pieces are kept as text and pushed as one buffer when a byte chunk (a
 * stream's data) follows or the file ends (./latin1-batch.ts), and `_offset` (the byte offset each
 * object records for the cross-reference table) still advances at every piece by the same count:
 * the bytes do not change.
 */
import { latin1Batch } from './latin1-batch.js';

/** The parts of pdfkit's `PDFDocument` used here (its typings do not expose them). */
interface WritingDocument {
  _write(data: unknown): void;
  _offset: number;
  push(chunk: unknown): boolean;
}

export function batchDocumentWrites(doc: PDFKit.PDFDocument): void {
  const writer = doc as unknown as WritingDocument;
  const push = writer.push.bind(doc);
  const batch = latin1Batch(push);
  writer._write = (data: unknown) => {
    if (data instanceof Uint8Array) {
      batch.flush();
      push(data);
      writer._offset += data.length;
      return;
    }
    const text = `${data}\n`;
    batch.add(text);
    writer._offset += text.length;
  };
  // pdfkit ends the file with `push(null)`: what is pending goes first.
  writer.push = (chunk: unknown) => {
    batch.flush();
    return push(chunk);
  };
}
