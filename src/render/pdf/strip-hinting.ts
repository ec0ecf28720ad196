/**
 * Removes TrueType hinting from a font subset before it is embedded. fontkit's TTFSubset copies
 * each glyph's bytes as they are, instructions included, plus the whole `fpgm`, `prep` and `cvt `
 * tables; for DejaVu that is about half of every embedded font program. PDF viewers render text
 * unhinted (poppler, pdf.js, Chromium, Apple's PDFKit), so the instructions only cost bytes:
 * dropping them leaves outlines, metrics and the rendered pages unchanged.
 *
 * Works on the encoded subset (an sfnt with head, hhea, loca, maxp, glyf, hmtx and the hinting
 * tables); anything it does not recognise is returned untouched.
 */

const HINTING_TABLES = new Set(['fpgm', 'prep', 'cvt ']);

// Composite glyph component flags (OpenType `glyf` table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

interface Table {
  tag: string;
  data: Uint8Array;
}

export function stripHinting(font: Uint8Array): Uint8Array {
  const tables = readTables(font);
  if (!tables) return font;
  const byTag = new Map(tables.map((table) => [table.tag, table]));
  const head = byTag.get('head');
  const maxp = byTag.get('maxp');
  const loca = byTag.get('loca');
  const glyf = byTag.get('glyf');
  if (!head || !maxp || !loca || !glyf || head.data.length < 54 || maxp.data.length < 32) return font;

  const longOffsets = view(head.data).getInt16(50) === 1;
  const numGlyphs = view(maxp.data).getUint16(4);
  const offsets = readLoca(loca.data, numGlyphs, longOffsets);
  if (!offsets) return font;

  const glyphs: Uint8Array[] = [];
  for (let gid = 0; gid < numGlyphs; gid++) {
    const start = offsets[gid] as number;
    const end = offsets[gid + 1] as number;
    if (end < start || end > glyf.data.length) return font;
    const glyph = withoutInstructions(glyf.data.subarray(start, end));
    if (!glyph) return font;
    glyphs.push(glyph);
  }
  // Glyphs stay 2-byte aligned: the short loca format stores offset / 2.
  const newOffsets: number[] = [0];
  for (const glyph of glyphs) newOffsets.push((newOffsets.at(-1) as number) + glyph.length + (glyph.length % 2));
  const newGlyf = new Uint8Array(newOffsets.at(-1) as number);
  glyphs.forEach((glyph, gid) => {
    newGlyf.set(glyph, newOffsets[gid] as number);
  });
  const newLoca = new Uint8Array((numGlyphs + 1) * (longOffsets ? 4 : 2));
  const locaView = view(newLoca);
  newOffsets.forEach((offset, i) => {
    if (longOffsets) locaView.setUint32(i * 4, offset);
    else locaView.setUint16(i * 2, offset / 2);
  });

  // maxp: no twilight zone, storage, functions or instructions any more.
  const newMaxp = maxp.data.slice();
  const maxpView = view(newMaxp);
  maxpView.setUint16(14, 1); // maxZones
  for (const field of [16, 18, 20, 22, 24, 26]) maxpView.setUint16(field, 0);

  const kept = tables
    .filter((table) => !HINTING_TABLES.has(table.tag))
    .map((table) => {
      if (table.tag === 'glyf') return { tag: 'glyf', data: newGlyf };
      if (table.tag === 'loca') return { tag: 'loca', data: newLoca };
      if (table.tag === 'maxp') return { tag: 'maxp', data: newMaxp };
      if (table.tag === 'head') return { tag: 'head', data: head.data.slice() };
      return table;
    });
  return writeFont(view(font).getUint32(0), kept);
}

/** A glyph's bytes without its instructions, or null when the glyph cannot be read. */
function withoutInstructions(glyph: Uint8Array): Uint8Array | null {
  if (glyph.length === 0) return glyph;
  if (glyph.length < 10) return null;
  const data = view(glyph);
  const contours = data.getInt16(0);
  if (contours >= 0) {
    const lengthAt = 10 + contours * 2;
    if (lengthAt + 2 > glyph.length) return null;
    const instructions = data.getUint16(lengthAt);
    const rest = lengthAt + 2 + instructions;
    if (rest > glyph.length) return null;
    const out = new Uint8Array(glyph.length - instructions);
    out.set(glyph.subarray(0, lengthAt + 2));
    view(out).setUint16(lengthAt, 0);
    out.set(glyph.subarray(rest), lengthAt + 2);
    return out;
  }
  const out = glyph.slice();
  const outView = view(out);
  let pos = 10;
  for (;;) {
    if (pos + 4 > out.length) return null;
    const flags = outView.getUint16(pos);
    outView.setUint16(pos, flags & ~WE_HAVE_INSTRUCTIONS);
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return pos > out.length ? null : out.subarray(0, pos);
}

function readTables(font: Uint8Array): Table[] | null {
  if (font.length < 12) return null;
  const data = view(font);
  // TrueType outlines only (a CFF subset is not an sfnt at all).
  const version = data.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) return null;
  const count = data.getUint16(4);
  if (12 + count * 16 > font.length) return null;
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = data.getUint32(record + 8);
    const length = data.getUint32(record + 12);
    if (offset + length > font.length) return null;
    tables.push({ tag, data: font.subarray(offset, offset + length) });
  }
  return tables;
}

function readLoca(loca: Uint8Array, numGlyphs: number, longOffsets: boolean): number[] | null {
  const size = longOffsets ? 4 : 2;
  if (loca.length < (numGlyphs + 1) * size) return null;
  const data = view(loca);
  const offsets: number[] = [];
  for (let i = 0; i <= numGlyphs; i++) offsets.push(longOffsets ? data.getUint32(i * 4) : data.getUint16(i * 2) * 2);
  return offsets;
}

/** Writes an sfnt: table directory sorted by tag, 4-byte aligned tables, checksums and head.checkSumAdjustment. */
function writeFont(sfntVersion: number, tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const head = tables.find((table) => table.tag === 'head');
  if (head) view(head.data).setUint32(8, 0);
  const directory = 12 + tables.length * 16;
  const total = tables.reduce((size, table) => size + align4(table.data.length), directory);
  const out = new Uint8Array(total);
  const data = view(out);
  const entrySelector = Math.floor(Math.log2(tables.length));
  const searchRange = 2 ** entrySelector * 16;
  data.setUint32(0, sfntVersion);
  data.setUint16(4, tables.length);
  data.setUint16(6, searchRange);
  data.setUint16(8, entrySelector);
  data.setUint16(10, tables.length * 16 - searchRange);
  let offset = directory;
  let headOffset = -1;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = table.tag.charCodeAt(c);
    out.set(table.data, offset);
    data.setUint32(record + 4, checksum(out, offset, table.data.length));
    data.setUint32(record + 8, offset);
    data.setUint32(record + 12, table.data.length);
    if (table.tag === 'head') headOffset = offset;
    offset += align4(table.data.length);
  });
  if (headOffset >= 0) data.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}

/** OpenType table checksum: the sum of big-endian uint32 words, zero-padded. */
function checksum(bytes: Uint8Array, start: number, length: number): number {
  let sum = 0;
  const data = view(bytes);
  const end = start + align4(length);
  for (let pos = start; pos < end; pos += 4) {
    sum = (sum + (pos + 4 <= bytes.length ? data.getUint32(pos) : 0)) >>> 0;
  }
  return sum;
}

const align4 = (n: number): number => (n + 3) & ~3;
const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
