/**
 * glyph-coverage.ts's fast paths (numeric control and mark checks, cmap answers kept per font)
 * against the plain definitions they replace, on generated text mixing ASCII, Latin, marks,
 * controls, separators, emoji sequences and lone surrogates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingGlyphs, splitByFont, type GlyphSource } from '../src/render/pdf/glyph-coverage.js';

const JOINING: readonly (readonly [number, number])[] = [
  [0x200d, 0x200d],
  [0xfe00, 0xfe0f],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
  [0xe0100, 0xe01ef],
];
const joins = (char: string, cp: number) => JOINING.some(([a, b]) => cp >= a && cp <= b) || /^\p{M}$/u.test(char);
const notDrawn = (char: string) => /^[\p{Cc}\p{Zl}\p{Zp}]$/u.test(char);
const index = (chain: readonly GlyphSource[], cp: number) => chain.findIndex((f) => f.hasGlyphForCodePoint(cp));

function referenceSplit(text: string, chain: readonly GlyphSource[]) {
  const spans: { text: string; font: number }[] = [];
  let current: { text: string; font: number } | undefined;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    let font = current?.font ?? 0;
    if (!(current && joins(char, cp)) && !notDrawn(char)) {
      const found = index(chain, cp);
      if (found >= 0) font = found;
    }
    if (current && current.font === font) current.text += char;
    else {
      current = { text: char, font };
      spans.push(current);
    }
  }
  return spans;
}

function referenceMissing(text: string, chain: readonly GlyphSource[]) {
  const out: { char: string; codePoint: number; offset: number }[] = [];
  let offset = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (!joins(char, cp) && !notDrawn(char) && !/^\s$/u.test(char) && index(chain, cp) < 0) out.push({ char, codePoint: cp, offset });
    offset += char.length;
  }
  return out;
}

/** Fonts that each have a fixed, arbitrary set of characters. */
const font = (has: (cp: number) => boolean): GlyphSource => ({ hasGlyphForCodePoint: has });
const chain = [font((cp) => cp < 0x250 && cp % 7 !== 3), font((cp) => cp % 3 !== 0 && cp < 0x1f000), font((cp) => cp >= 0x1f000 || cp === 0x2605)];

const pieces = [
  ...'Le café à 5 € — « oui » ',
  '\u0301',
  '\u0300',
  '\u200d',
  '\ufe0f',
  '\t',
  '\n',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u00a0',
  '★',
  '😀',
  '👍🏽',
  '🏴\u{e0067}\u{e0062}\u{e007f}',
  '\ud800',
  '\udc00',
  'ǅ',
  '\u0378',
  '\u{1d400}',
];

describe('glyph-coverage', () => {
  it('splits and reports missing characters as the plain definitions do', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 }), (parts, noise) => {
        const text = parts.join('') + noise;
        expect(splitByFont(text, chain)).toEqual(referenceSplit(text, chain));
        expect(missingGlyphs(text, chain)).toEqual(referenceMissing(text, chain));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});
