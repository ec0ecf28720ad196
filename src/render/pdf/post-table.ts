/**
 * fontkit's `post` table with its glyph names decoded only when asked for. pdfkit reads one field of
 * it when it embeds a font (`post.isFixedPitch`, for the descriptor's flags) and fontkit reads
 * `italicAngle` and the underline metrics; but fontkit decodes the whole table on first access, and
 * for DejaVu (version 2) that is one string per glyph: 6 000 names, 35–60 KB, ~40 ms of a cold build
 * per embedded font. Glyph names are never used here (subsets carry no `post` table).
 *
 * `deferGlyphNames(font)` puts in fontkit's table cache an object with the header decoded as
 * fontkit decodes it (restructure's `fixed32` is a signed 32-bit value / 65 536) and the other
 * fields as getters that decode the real table, so any reader gets the same values as before.
 */
import type { Font } from 'fontkit';

/** The parts of a parsed fontkit font this relies on (fontkit's own, not in its typings). */
interface FontInternals {
  directory: { tables: Record<string, { length: number } | undefined> };
  _tables: Record<string, unknown>;
  stream: { pos: number };
  _getTableStream(tag: string): TableStream | null;
  _decodeTable(entry: unknown): Record<string, unknown>;
}

interface TableStream {
  pos: number;
  readInt32BE(): number;
  readUInt32BE(): number;
  readInt16BE(): number;
}

const HEADER_BYTES = 32;

/** The fields of each version after the header (fontkit's `post` table definition). */
const VERSION_FIELDS: ReadonlyMap<number, readonly string[]> = new Map([
  [1, []],
  [2, ['numberOfGlyphs', 'glyphNameIndex', 'names']],
  [2.5, ['numberOfGlyphs', 'offsets']],
  [3, []],
  [4, ['map']],
]);

export function deferGlyphNames(parsed: Font): void {
  const font = parsed as unknown as FontInternals;
  const entry = font.directory?.tables.post;
  // WOFF2 fonts decompress on first table access: left to fontkit. So is a table too short for
  // its header (fontkit's decoding would fail, and its failure is what it caches).
  if (!entry || entry.length < HEADER_BYTES || 'post' in font._tables || '_decompress' in font) return;
  const saved = font.stream.pos;
  const stream = font._getTableStream('post');
  if (!stream) return;
  const fixed32 = () => stream.readInt32BE() / 65536;
  const header: Record<string, unknown> = {
    version: fixed32(),
    italicAngle: fixed32(),
    underlinePosition: stream.readInt16BE(),
    underlineThickness: stream.readInt16BE(),
    isFixedPitch: stream.readUInt32BE(),
    minMemType42: stream.readUInt32BE(),
    maxMemType42: stream.readUInt32BE(),
    minMemType1: stream.readUInt32BE(),
    maxMemType1: stream.readUInt32BE(),
  };
  font.stream.pos = saved;
  const fields = VERSION_FIELDS.get(header.version as number);
  // An unknown version makes fontkit's decoding fail: left to it, as is.
  if (!fields) return;
  let full: Record<string, unknown> | undefined;
  const decoded = () => {
    full ??= font._decodeTable(entry);
    return full;
  };
  for (const field of fields) {
    Object.defineProperty(header, field, { enumerable: true, configurable: true, get: () => decoded()[field] });
  }
  font._tables.post = header;
}
