/**
 * Hinting stripped from embedded subsets (src/render/pdf/strip-hinting.ts): the same outlines and
 * metrics as fontkit's own subset, without instructions or the fpgm/prep/cvt tables, and smaller.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { EMOJI_FONT_FILE, FONT_DIR } from '../src/render/pdf/font-dir.js';
import { stripHinting } from '../src/render/pdf/strip-hinting.js';

interface Glyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
  _decode(): { numberOfContours: number; instructions?: unknown[] } | null;
}
type Internals = Font & {
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  glyphsForString(text: string): Glyph[];
  getGlyph(id: number): Glyph;
  numGlyphs: number;
  directory: { tables: Record<string, unknown> };
};

const open = (file: string) => create(readFileSync(file)) as Internals;
/** Accented capitals and ligature-free French text: DejaVu draws many of these as composite glyphs. */
const SAMPLE = 'Ministère de l’Économie — «\u202Fcoût\u202F» 12,5 % ÀÉÈÊËÎÏÔŒÙÛÜŸÇ àéèêëîïôœùûüÿç ★✓♻ ﬁ';

function subsetOf(font: Internals, text: string): Uint8Array {
  const subset = font.createSubset();
  for (const glyph of font.glyphsForString(text)) subset.includeGlyph(glyph.id);
  return subset.encode();
}

const fonts = ['DejaVuSerif.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif-BoldItalic.ttf', 'DejaVuSansMono.ttf'].map((name) => [
  name,
  path.join(FONT_DIR, name),
]);

describe('stripHinting', () => {
  it.each([...fonts, ['Noto Emoji', EMOJI_FONT_FILE]])('%s: same outlines and advances, no hinting, smaller', (_name, file) => {
    const hinted = subsetOf(open(file), SAMPLE);
    const plain = stripHinting(hinted);
    const before = create(Buffer.from(hinted)) as Internals;
    const after = create(Buffer.from(plain)) as Internals;
    expect(after.numGlyphs).toBe(before.numGlyphs);
    let composites = 0;
    for (let id = 0; id < before.numGlyphs; id++) {
      const [a, b] = [after.getGlyph(id), before.getGlyph(id)];
      expect(a.path.toSVG(), `glyph ${id}`).toBe(b.path.toSVG());
      expect(a.advanceWidth).toBe(b.advanceWidth);
      const decoded = a._decode();
      if (decoded && decoded.numberOfContours < 0) composites++;
      else expect(decoded?.instructions ?? [], `glyph ${id} instructions`).toHaveLength(0);
    }
    for (const table of ['fpgm', 'prep', 'cvt ']) expect(after.directory.tables[table], table).toBeUndefined();
    if (file !== EMOJI_FONT_FILE) {
      expect(composites, 'the sample exercises composite glyphs').toBeGreaterThan(0);
      expect(plain.length).toBeLessThan(hinted.length * 0.75);
    }
  });

  it('writes valid table checksums and head.checkSumAdjustment', () => {
    const plain = stripHinting(subsetOf(open(path.join(FONT_DIR, 'DejaVuSerif.ttf')), SAMPLE));
    const data = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
    const sum = (start: number, length: number) => {
      let total = 0;
      for (let pos = start; pos < start + length; pos += 4) total = (total + (pos + 4 <= plain.length ? data.getUint32(pos) : 0)) >>> 0;
      return total;
    };
    expect(plain.length % 4).toBe(0);
    expect(sum(0, plain.length)).toBe(0xb1b0afba);
    for (let i = 0; i < data.getUint16(4); i++) {
      const record = 12 + i * 16;
      const tag = String.fromCharCode(...plain.subarray(record, record + 4));
      const [offset, length] = [data.getUint32(record + 8), data.getUint32(record + 12)];
      const expected = tag === 'head' ? (sum(offset, length) - data.getUint32(offset + 8)) >>> 0 : sum(offset, length);
      expect(data.getUint32(record + 4), tag).toBe(expected);
    }
  });

  it('returns what it cannot read unchanged', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([1, 2, 3]), new TextEncoder().encode('OTTO and then something else entirely')]) {
      expect(stripHinting(bytes)).toBe(bytes);
    }
    const truncated = subsetOf(open(path.join(FONT_DIR, 'DejaVuSans.ttf')), SAMPLE).subarray(0, 200);
    expect(stripHinting(truncated)).toBe(truncated);
  });
});
