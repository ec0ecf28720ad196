/**
 * Packs a finished pdfkit file's small objects into one compressed object stream (PDF 1.5).
 * pdfkit writes every dictionary uncompressed — structure elements, pages, outline items, font
 * dictionaries with their widths — plus a 20-byte-a-line cross-reference table: about a third
 * of a short briefing. pdfkit has no option for object streams, so this rewrites its output:
 * it reads the objects through pdfkit's own cross-reference table, keeps the streams as they
 * are, puts every other object (unchanged) in one /ObjStm, and ends the file with a compressed
 * cross-reference stream. Object numbers, contents and the file ID stay the same; only the
 * byte layout changes. Output stays deterministic.
 *
 * Anything it does not expect (encryption, other generations, an unreadable table) gives the
 * file back untouched.
 */
import { deflateChunks } from './deflate-memo.js';

interface PdfObject {
  id: number;
  /** The object's text between `N 0 obj` and `endobj`, without surrounding white space. */
  body: Buffer;
  isStream: boolean;
}

export function packObjectStreams(pdf: Buffer): Buffer {
  const parsed = readObjects(pdf);
  if (!parsed) return pdf;
  const { header, objects, trailer } = parsed;
  const loose = objects.filter((object) => !object.isStream);
  const streams = objects.filter((object) => object.isStream);
  if (loose.length === 0) return pdf;

  const size = Math.max(...objects.map((o) => o.id)) + 1;
  const objStmId = size;
  const xrefId = size + 1;
  // type, field 2, field 3 for objects 0 … xrefId.
  const entries: [number, number, number][] = Array.from({ length: xrefId + 1 }, () => [0, 0, 0]);
  entries[0] = [0, 0, 0xffff];

  const parts: Buffer[] = [header];
  let offset = header.length;
  const emit = (chunk: Buffer) => {
    parts.push(chunk);
    offset += chunk.length;
  };
  for (const object of streams) {
    entries[object.id] = [1, offset, 0];
    emit(Buffer.concat([Buffer.from(`${object.id} 0 obj\n`), object.body, Buffer.from('\nendobj\n')]));
  }

  const index: string[] = [];
  const bodies: Buffer[] = [];
  let position = 0;
  loose.forEach((object, i) => {
    index.push(`${object.id} ${position}`);
    bodies.push(object.body, Buffer.from('\n'));
    position += object.body.length + 1;
    entries[object.id] = [2, objStmId, i];
  });
  const first = Buffer.from(`${index.join(' ')}\n`);
  entries[objStmId] = [1, offset, 0];
  emit(streamObject(objStmId, `/Type /ObjStm /N ${loose.length} /First ${first.length}`, Buffer.concat([first, ...bodies])));

  entries[xrefId] = [1, offset, 0];
  const xrefOffset = offset;
  const width = byteWidth(offset);
  // Field 3: generation 65 535 of the free object 0, or an index in the object stream.
  const width3 = byteWidth(Math.max(0xffff, loose.length - 1));
  const columns = 1 + width + width3;
  // PNG "Up" predictor on each row: consecutive offsets differ in their last bytes only.
  const rows = Buffer.alloc(entries.length * (columns + 1));
  let previous = Buffer.alloc(columns);
  entries.forEach(([type, field2, field3], row) => {
    const line = Buffer.alloc(columns);
    line[0] = type;
    line.writeUIntBE(field2, 1, width);
    line.writeUIntBE(field3, 1 + width, width3);
    const start = row * (columns + 1);
    rows[start] = 2;
    for (let c = 0; c < columns; c++) rows[start + 1 + c] = ((line[c] as number) - (previous[c] as number)) & 0xff;
    previous = line;
  });
  const dictionary = `/Type /XRef /Size ${entries.length} /W [1 ${width} ${width3}] ${trailer} /DecodeParms << /Predictor 12 /Columns ${columns} >>`;
  emit(streamObject(xrefId, dictionary, rows));
  emit(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Bytes needed to write `n` big-endian. */
function byteWidth(n: number): number {
  let bytes = 1;
  while (n >= 256 ** bytes) bytes++;
  return bytes;
}

function streamObject(id: number, dictionary: string, data: Buffer): Buffer {
  const compressed = deflateChunks([data], 9);
  return Buffer.concat([
    Buffer.from(`${id} 0 obj\n<< ${dictionary} /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`),
    compressed,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
}

/** pdfkit's objects through its cross-reference table, with the header and the trailer's entries. */
function readObjects(pdf: Buffer): { header: Buffer; objects: PdfObject[]; trailer: string } | null {
  const tail = pdf.subarray(-64).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return null;
  const xrefOffset = Number(start[1]);
  const xref = pdf.subarray(xrefOffset).toString('latin1');
  const table = /^xref\n0 (\d+)\n/.exec(xref);
  if (!table) return null;
  const count = Number(table[1]);
  const entriesStart = table[0].length;
  const trailerText = xref.slice(entriesStart + count * 20);
  const trailer = /^trailer\n<<\n([\s\S]*?)\n>>\nstartxref/.exec(trailerText);
  if (!trailer?.[1] || /\/Encrypt|\/Prev/.test(trailer[1])) return null;
  const trailerEntries = trailer[1]
    .split('\n')
    .filter((line) => !line.startsWith('/Size '))
    .join(' ');

  const offsets: { id: number; offset: number }[] = [];
  for (let id = 1; id < count; id++) {
    const entry = /^(\d{10}) (\d{5}) ([nf]) ?\n$/.exec(xref.slice(entriesStart + id * 20, entriesStart + (id + 1) * 20));
    if (entry?.[2] !== '00000' || entry[3] !== 'n') return null;
    offsets.push({ id, offset: Number(entry[1]) });
  }
  const byOffset = [...offsets].sort((a, b) => a.offset - b.offset);
  const headerEnd = byOffset[0]?.offset;
  if (headerEnd === undefined) return null;
  // Object and cross-reference streams are PDF 1.5.
  const version = /^%PDF-(\d+\.\d+)/.exec(pdf.toString('latin1', 0, 16));
  if (!version || Number(version[1]) < 1.5) return null;
  const objects: PdfObject[] = [];
  for (let i = 0; i < byOffset.length; i++) {
    const { id, offset } = byOffset[i] as { id: number; offset: number };
    const end = byOffset[i + 1]?.offset ?? xrefOffset;
    const text = pdf.subarray(offset, end);
    const opening = `${id} 0 obj\n`;
    if (text.toString('latin1', 0, opening.length) !== opening) return null;
    const closing = text.lastIndexOf('endobj');
    if (closing < 0) return null;
    const body = trim(text.subarray(opening.length, closing));
    objects.push({ id, body, isStream: body.toString('latin1', Math.max(0, body.length - 9)) === 'endstream' });
  }
  return { header: pdf.subarray(0, headerEnd), objects: objects.sort((a, b) => a.id - b.id), trailer: trailerEntries };
}

/** The bytes without leading and trailing PDF white space. */
function trim(bytes: Buffer): Buffer {
  const space = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
  let from = 0;
  let to = bytes.length;
  while (from < to && space(bytes[from])) from++;
  while (to > from && space(bytes[to - 1])) to--;
  return bytes.subarray(from, to);
}
