/**
 * The deferred `post` table (src/render/pdf/post-table.ts): the same values as fontkit's own
 * decoding for every font the theme can use, glyph names decoded only when read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { EMOJI_FONT_FILE, FONT_DIR } from '../src/render/pdf/font-dir.js';
import { deferGlyphNames } from '../src/render/pdf/post-table.js';

type Internals = { italicAngle: number; post: Record<string, unknown>; _tables: Record<string, unknown>; getGlyph(id: number): { name: string } };
const files = [...readdirSync(FONT_DIR).map((f) => path.join(FONT_DIR, f)), EMOJI_FONT_FILE].filter((f) => f.endsWith('.ttf'));
const open = (file: string) => create(readFileSync(file)) as Font;

describe('post-table', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s: the same post table as fontkit decodes', (_name, file) => {
    const plain = open(file) as unknown as Internals;
    const deferred = open(file);
    deferGlyphNames(deferred);
    const lazy = deferred as unknown as Internals;
    const expected = plain.post;
    expect(Object.keys(lazy.post).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected)) expect(lazy.post[key], key).toEqual(expected[key]);
    for (const id of [0, 1, 3, 36, 100]) expect(lazy.getGlyph(id).name).toBe(plain.getGlyph(id).name);
    expect(lazy.italicAngle).toBe(plain.italicAngle);
  });

  it('reads the header without decoding the glyph names', () => {
    const font = open(path.join(FONT_DIR, 'DejaVuSerif.ttf'));
    deferGlyphNames(font);
    const internals = font as unknown as Internals & { _decodeTable: (entry: unknown) => unknown };
    let decodes = 0;
    const decode = internals._decodeTable.bind(font);
    internals._decodeTable = (entry) => {
      decodes++;
      return decode(entry);
    };
    expect(internals.post.version).toBe(2);
    expect(internals.post.isFixedPitch).toBe(0);
    expect(decodes).toBe(0);
    expect((internals.post.names as string[]).length).toBeGreaterThan(1000);
    expect(decodes).toBe(1);
    void internals.post.glyphNameIndex;
    expect(decodes).toBe(1);
  });
});
