/**
 * A PDF's finished parts are made once per process: font programs per (font, glyph sequence)
 * (src/render/pdf/font-programs.ts) and deflated streams per content (src/render/pdf/deflate-memo.ts).
 * What they hand out equals what is made from scratch, different glyph sequences never share an
 * entry, and both caches stay within their bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../src/core/paths.js';
import { deflateChunks, deflatedCache } from '../src/render/pdf/deflate-memo.js';
import { FONT_DIR } from '../src/render/pdf/font-dir.js';
import { cachedEncode, programCache } from '../src/render/pdf/font-programs.js';
import { themeFont } from '../src/render/pdf/fonts.js';
import { loadPdfTheme } from '../src/render/pdf/index.js';
import { stripHinting } from '../src/render/pdf/strip-hinting.js';

interface Subset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

const theme = loadPdfTheme(BUILTIN_TEMPLATES);
/** A parsed font of our own, never touched by fonts.ts: fontkit's subsets as they are. */
const plain = create(readFileSync(path.join(FONT_DIR, theme.fonts.body))) as Font;

function glyphIds(font: Font, text: string): number[] {
  return [...text].map((char) => font.glyphForCodePoint(char.codePointAt(0)!).id);
}

function subsetOf(font: Font, ids: readonly number[]): Subset {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  for (const id of ids) subset.includeGlyph(id);
  return subset;
}

describe('font programs per glyph sequence', () => {
  // "É" and "à" are composite glyphs in DejaVu: encoding adds their components to the subset.
  const ids = glyphIds(plain, 'Éléphant à Zürich');

  it('hands out the bytes fontkit and strip-hinting make, and leaves the subset as encoding does', () => {
    const reference = subsetOf(plain, ids);
    const expected = stripHinting(reference.encode());
    const cache = programCache(1 << 20);
    let made = 0;
    const make = (subset: Subset) => () => {
      made++;
      return stripHinting(subset.encode());
    };
    const first = subsetOf(plain, ids);
    const second = subsetOf(plain, ids);
    expect(Buffer.from(cachedEncode(plain, first, make(first), cache)).equals(Buffer.from(expected))).toBe(true);
    expect(Buffer.from(cachedEncode(plain, second, make(second), cache)).equals(Buffer.from(expected))).toBe(true);
    expect(made).toBe(1);
    expect(second.glyphs).toEqual(reference.glyphs);
    expect(reference.glyphs.length).toBeGreaterThan(new Set(ids).size + 1);
  });

  it('gives another glyph sequence, or the same glyphs in another order, its own entry', () => {
    const cache = programCache(1 << 20);
    const unique = [...new Set(ids)];
    const sequences = [unique, [...unique].reverse(), unique.slice(1), [...unique, glyphIds(plain, 'Q')[0]!]];
    const programs = sequences.map((sequence) => {
      const subset = subsetOf(plain, sequence);
      return Buffer.from(cachedEncode(plain, subset, () => stripHinting(subset.encode()), cache));
    });
    expect(cache.size).toBe(sequences.length);
    sequences.forEach((sequence, i) => {
      expect(programs[i]!.equals(Buffer.from(stripHinting(subsetOf(plain, sequence).encode())))).toBe(true);
    });
  });

  it('keeps fonts apart: the same glyph ids in two fonts are two entries', () => {
    const cache = programCache(1 << 20);
    const bold = themeFont(theme, 'bold');
    const a = subsetOf(plain, ids);
    const b = subsetOf(bold, ids);
    const fromPlain = cachedEncode(plain, a, () => stripHinting(a.encode()), cache);
    const fromBold = cachedEncode(bold, b, () => b.encode(), cache);
    expect(cache.size).toBe(2);
    expect(Buffer.from(fromPlain).equals(Buffer.from(fromBold))).toBe(false);
  });

  it('stays within its bytes, dropping the least recently used', () => {
    const sequences = [1, 2, 3, 4, 5, 6].map((n) => ids.slice(0, n));
    // Each entry's bytes, measured in a cache that keeps them all; the bounded one fits the last two.
    const sizes = sequences.map((sequence) => {
      const alone = programCache(1 << 20);
      const subset = subsetOf(plain, sequence);
      cachedEncode(plain, subset, () => stripHinting(subset.encode()), alone);
      return alone.calculatedSize;
    });
    const capacity = sizes[4]! + sizes[5]!;
    const cache = programCache(capacity);
    const encode = (sequence: number[]) => {
      let made = false;
      const subset = subsetOf(plain, sequence);
      cachedEncode(
        plain,
        subset,
        () => {
          made = true;
          return stripHinting(subset.encode());
        },
        cache,
      );
      return made;
    };
    for (const sequence of sequences) {
      expect(encode(sequence)).toBe(true);
      expect(cache.calculatedSize).toBeLessThanOrEqual(capacity);
    }
    expect(cache.size).toBe(2);
    expect(encode(sequences[5]!)).toBe(false);
    expect(encode(sequences[0]!)).toBe(true);
  });
});

describe('deflated streams per content', () => {
  const page = Buffer.from('BT /F1 12 Tf 72 712 Td (Bonjour) Tj ET\n'.repeat(200), 'latin1');

  it('deflates as zlib does, once per distinct content and level', () => {
    const cache = deflatedCache(1 << 20);
    const chunks = [page.subarray(0, 1000), page.subarray(1000)];
    expect(deflateChunks(chunks, undefined, cache).equals(deflateSync(page))).toBe(true);
    expect(deflateChunks([page], undefined, cache).equals(deflateSync(page))).toBe(true);
    expect(cache.size).toBe(1);
    expect(deflateChunks([page], 9, cache).equals(deflateSync(page, { level: 9 }))).toBe(true);
    expect(cache.size).toBe(2);
    const other = Buffer.from(page);
    other[5] = 0x32;
    expect(deflateChunks([other], undefined, cache).equals(deflateSync(other))).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('stays within its bytes', () => {
    const capacity = deflateSync(page).length * 3;
    const cache = deflatedCache(capacity);
    for (let i = 0; i < 20; i++) {
      deflateChunks([page, Buffer.from(String(i))], undefined, cache);
      expect(cache.calculatedSize).toBeLessThanOrEqual(capacity);
    }
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
