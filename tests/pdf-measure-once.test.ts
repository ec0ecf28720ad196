/**
 * Words measured once (src/render/pdf/width-memo.ts, word-layout.ts, first-lines.ts): the memoised
 * width, the copy-free layout and the truncated height give pdfkit's own numbers, bit for bit.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../src/core/paths.js';
import { measureLines } from '../src/render/pdf/first-lines.js';
import { registerFonts } from '../src/render/pdf/fonts.js';
import { KEPT_WHOLE_LINES } from '../src/render/pdf/layout.js';
import { linesHeight, memoiseHeights } from '../src/render/pdf/height-memo.js';
import { shareShaping } from '../src/render/pdf/shaping-cache.js';
import { loadPdfTheme } from '../src/render/pdf/theme.js';
import { MAX_MEMO_LENGTH, memoiseWidths, memoisedWidthCount, type MeasuringFont } from '../src/render/pdf/width-memo.js';

const theme = loadPdfTheme(BUILTIN_TEMPLATES);

function newDocument(shared: boolean): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
  if (shared) shareShaping(doc);
  registerFonts(doc, theme);
  return doc;
}

interface Laid {
  glyphs: { id: number }[];
  positions: object[];
  advanceWidth: number;
}
const embedded = (doc: PDFKit.PDFDocument) =>
  (doc as unknown as { _font: { layout(text: string): Laid; widthOfString(text: string, size: number): number } })._font;

/** Lays `text` out in the current font, with the words it looked up in the shaped-word cache. */
function wordsOf(doc: PDFKit.PDFDocument, text: string): Laid & { words: string[] } {
  const font = embedded(doc) as unknown as { layout(text: string): Laid; layoutCached(word: string): unknown };
  const words: string[] = [];
  const lookUp = font.layoutCached;
  font.layoutCached = (word: string) => {
    words.push(word);
    return lookUp.call(font, word);
  };
  try {
    return { ...font.layout(text), words };
  } finally {
    font.layoutCached = lookUp;
  }
}

const TEXTS = [
  'Le',
  'quotient ',
  "l'Autorité de la concurrence",
  'Vingt-trois\tkilomètres  et demi ',
  ' espace au début',
  'A'.repeat(MAX_MEMO_LENGTH + 5),
  'zéphyrin « guillemets » 42 % ',
];

describe('words measured once', () => {
  it('gives pdfkit’s widths and glyph runs, first and second time', () => {
    const plain = newDocument(false);
    const shared = newDocument(true);
    for (const role of ['body', 'italic', 'heading'] as const) {
      plain.font(role);
      shared.font(role);
      for (let round = 0; round < 2; round++) {
        for (const text of TEXTS) {
          for (const size of [7.5, 10, 13.3]) expect(embedded(shared).widthOfString(text, size)).toBe(embedded(plain).widthOfString(text, size));
          const expected = wordsOf(plain, text);
          const actual = wordsOf(shared, text);
          expect(actual.words).toEqual(expected.words);
          expect(actual.advanceWidth).toBe(expected.advanceWidth);
          expect(actual.glyphs.map((glyph) => glyph.id)).toEqual(expected.glyphs.map((glyph) => glyph.id));
          expect(actual.positions).toEqual(expected.positions);
        }
      }
    }
  });

  it('keeps at most `capacity` widths per font, and long strings none', () => {
    const font = {};
    let measured = 0;
    const fake: MeasuringFont = {
      font,
      layout: (text) => ({ advanceWidth: text.length * 500 }),
      widthOfString: (text, size) => {
        measured++;
        return text.length * 500 * (size / 1000);
      },
    };
    memoiseWidths(fake, 3);
    for (const word of ['a ', 'bb ', 'ccc ', 'dddd ', 'eeeee ']) expect(fake.widthOfString(word, 10)).toBe(word.length * 5);
    expect(memoisedWidthCount(font)).toBe(3);
    expect(fake.widthOfString('x'.repeat(MAX_MEMO_LENGTH + 1), 10)).toBe((MAX_MEMO_LENGTH + 1) * 5);
    expect(measured).toBe(1);
    expect(memoisedWidthCount(font)).toBe(3);
  });
});

describe('measureLines', () => {
  it('decides as the whole height does, and equals it for short texts', () => {
    const doc = newDocument(true);
    doc.font('body').fontSize(theme.sizes.body);
    const line = theme.sizes.body * theme.lineHeight;
    const lineGap = Math.max(0, line - doc.currentLineHeight(true));
    const options = { width: 180, lineGap, align: 'left' as const };
    const sentence = 'La commission rend son avis sur le projet de loi relatif à la géothermie. ';
    for (let n = 0; n <= 12; n++) {
      const text = sentence.repeat(n).trim() || 'Court';
      doc.y = 72 + n * 13.7;
      const whole = doc.heightOfString(text, options);
      for (const maxLines of [1, 2, 3, 4]) {
        const y = doc.y;
        const first = measureLines(doc, text, options, maxLines).height;
        expect(doc.y).toBe(y);
        expect(Math.min(first, maxLines * line)).toBe(Math.min(whole, maxLines * line));
        if (whole <= maxLines * line + 1) expect(first).toBe(whole);
        else expect(first).toBeGreaterThan(maxLines * line + 1);
      }
      const kept = measureLines(doc, text, options, KEPT_WHOLE_LINES).height;
      expect(kept <= KEPT_WHOLE_LINES * line + 1).toBe(whole <= KEPT_WHOLE_LINES * line + 1);
    }
  });
});

describe('memoised heights', () => {
  it('gives heightOfString’s number at any y, first and second time', () => {
    const plain = newDocument(false);
    const memo = newDocument(true);
    memoiseHeights(memo);
    const sentence = 'La commission rend son avis sur le projet de loi relatif à la géothermie. ';
    for (let round = 0; round < 2; round++) {
      for (const [role, size] of [
        ['body', 10],
        ['heading', 15.5],
      ] as const) {
        plain.font(role).fontSize(size);
        memo.font(role).fontSize(size);
        for (let n = 1; n <= 8; n++) {
          for (const y of [72, 73.37, 511.9 + n, 700.123]) {
            plain.y = y;
            memo.y = y;
            for (const options of [
              { width: 180, lineGap: 3.1 },
              { width: 255.5, lineGap: 0.7, align: 'left' as const },
            ]) {
              const text = sentence.repeat(n);
              const whole = plain.heightOfString(text, options);
              // First lines before the whole (a count that stopped early), and after it (a complete one).
              for (const maxLines of [2, 3]) {
                const limit = maxLines * plain.currentLineHeight(true) + maxLines * options.lineGap;
                const first = linesHeight(memo, text, options, maxLines);
                expect(first <= limit + 0.01).toBe(whole <= limit + 0.01);
                if (whole <= limit + 0.01) expect(first).toBe(whole);
              }
              expect(memo.heightOfString(text, options)).toBe(whole);
            }
            expect(memo.y).toBe(y);
          }
        }
      }
    }
  });
});
