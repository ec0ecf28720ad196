/**
 * Drawing a warm PDF without repeating work: each word's glyph codes encoded once per document
 * (word-layout.ts `encodeByWords`), a shaped run's advance summed once (shaping-cache.ts
 * `fixAdvance`), and a stream's text operators, and the file's pieces, turned into bytes together
 * (deflate-memo.ts, document-writes.ts). Each must leave pdfkit's results, and the PDF's bytes, as
 * they were.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../src/core/paths.js';
import { memoizeDeflate } from '../src/render/pdf/deflate-memo.js';
import { batchDocumentWrites } from '../src/render/pdf/document-writes.js';
import { registerFonts } from '../src/render/pdf/fonts.js';
import { fixAdvance, shareShaping } from '../src/render/pdf/shaping-cache.js';
import { loadPdfTheme } from '../src/render/pdf/theme.js';

const theme = loadPdfTheme(BUILTIN_TEMPLATES);

function newDocument(shared: boolean): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string, info: { CreationDate: new Date(0), Title: 'L’Autorité' } });
  if (shared) {
    memoizeDeflate(doc);
    batchDocumentWrites(doc);
    shareShaping(doc);
  }
  registerFonts(doc, theme);
  return doc;
}

interface Encoding {
  encode(text: string, features?: unknown): [string[], object[]];
  subset: { glyphs: number[] };
  widths: unknown[];
  unicode: unknown[];
}
const embedded = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: Encoding })._font;

const TEXTS = [
  'Le',
  'quotient ',
  "l'Autorité de la concurrence",
  'Vingt-trois\tkilomètres  et demi ',
  ' espace au début',
  'zéphyrin « guillemets » 42 % ',
  "l'Autorité de la concurrence",
  '',
];

function bytesOf(doc: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('words drawn once per document', () => {
  it('encodes as pdfkit does and leaves the subset, widths and code points as it does, first and second time', () => {
    const plain = newDocument(false);
    const shared = newDocument(true);
    for (const role of ['body', 'italic', 'heading'] as const) {
      plain.font(role);
      shared.font(role);
      for (let round = 0; round < 2; round++) {
        for (const text of TEXTS) {
          const [codes, positions] = embedded(shared).encode(text);
          const [expectedCodes, expectedPositions] = embedded(plain).encode(text);
          expect(codes).toEqual(expectedCodes);
          expect(positions).toEqual(expectedPositions);
          expect(embedded(shared).subset.glyphs).toEqual(embedded(plain).subset.glyphs);
          expect(embedded(shared).widths).toEqual(embedded(plain).widths);
          expect(embedded(shared).unicode).toEqual(embedded(plain).unicode);
        }
      }
      // Explicit features are pdfkit's own path.
      expect(embedded(shared).encode('office', ['liga'])[0]).toEqual(embedded(plain).encode('office', ['liga'])[0]);
    }
  });

  it('sums a run’s advance once, to the number its getter gives', () => {
    const doc = newDocument(false);
    doc.font('body');
    const font = (doc as unknown as { _font: { layoutRun(text: string): { advanceWidth: number } } })._font;
    const run = font.layoutRun('concurrence ');
    const summed = run.advanceWidth;
    fixAdvance(run);
    expect(Object.getOwnPropertyDescriptor(run, 'advanceWidth')?.value).toBe(summed);
    // A run read from the store has its own getter: replaced by its value too.
    const positions = [{ xAdvance: 0.1 }, { xAdvance: 0.2 }];
    const stored = {
      positions,
      get advanceWidth() {
        return positions.reduce((width, position) => width + position.xAdvance, 0);
      },
    };
    fixAdvance(stored);
    expect(Object.getOwnPropertyDescriptor(stored, 'advanceWidth')).toMatchObject({ value: 0.1 + 0.2 });
  });

  it('writes the same PDF bytes with text operators and file pieces batched, byte chunks and late dictionary keys included', async () => {
    const draw = (doc: PDFKit.PDFDocument) => {
      doc.font('body').fontSize(11).fillColor('#336699').text("l'Autorité de la concurrence, deux fois : l'Autorité de la concurrence", 72, 72, { width: 200 });
      const ref = (doc as unknown as { ref(data: object): { write(chunk: unknown): void; end(chunk?: unknown): void; data: Record<string, unknown> } }).ref({
        Type: 'Test',
      });
      ref.write('first line');
      ref.data.Late = 1;
      ref.write(Buffer.from([0, 1, 2, 255]));
      ref.write('après \u0100\u20ac');
      ref.write(42);
      ref.end('last');
      const plainRef = (doc as unknown as { ref(data: object): { end(chunk?: unknown): void } }).ref({});
      plainRef.end();
    };
    const [plain, shared] = await Promise.all([bytesOf(newDocument(false), draw), bytesOf(newDocument(true), draw)]);
    expect(shared.equals(plain)).toBe(true);
  });
});
