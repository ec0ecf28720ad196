/**
 * The bilingual PDF's measures kept per process (src/render/pdf/hyphenation.ts `lineEnds`): the
 * hyphenated line ends of a paragraph, answered from the memo on a second render, give what
 * pdfkit's wrapper gives when replayed (the algorithm before the memo, copied below), at every
 * page position, limit, font and width; and a second render does not replay the wrapper.
 */
import * as pdfkit from 'pdfkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../src/core/paths.js';
import { registerFonts } from '../src/render/pdf/fonts.js';
import { hyphenateRuns, hyphenatorFor, limitHyphenatedLines } from '../src/render/pdf/hyphenation.js';
import type { Run } from '../src/render/pdf/inline.js';
import { shareShaping } from '../src/render/pdf/shaping-cache.js';
import { loadPdfTheme } from '../src/render/pdf/theme.js';

const theme = loadPdfTheme(BUILTIN_TEMPLATES);
const SOFT_HYPHEN = '\u00ad';

interface Shadow {
  on(event: 'line', listener: (buffer: string) => void): void;
  wrap(text: string, options: { continued: boolean }): void;
}
const Wrapper = (pdfkit as unknown as { LineWrapper: (new (doc: PDFKit.PDFDocument, options: object) => Shadow) & { prototype: Shadow } }).LineWrapper;

function newDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
  shareShaping(doc);
  registerFonts(doc, theme);
  return doc;
}

const style = (bold: boolean, italic: boolean): Run['style'] => ({ bold, italic, code: false, strike: false });
const run = (text: string, bold = false, italic = false): Run => ({ text, style: style(bold, italic), link: null });

const setFontOf = (doc: PDFKit.PDFDocument, size: number) => (r: Run) =>
  void doc.font(r.style.bold ? 'bold' : r.style.italic ? 'italic' : 'body').fontSize(size);

/** The replay before the memo (hyphenation.ts at main): wraps until the offending line. */
function reference(doc: PDFKit.PDFDocument, runs: Run[], width: number, max: number, setFont: (r: Run) => void, lastOnPage: number): Run[] {
  if (!runs.some((r) => r.text.includes(SOFT_HYPHEN))) return runs;
  let out = runs;
  for (;;) {
    const whole = out.map((r) => r.text).join('');
    const shadow = new Wrapper(doc, { width, height: Number.POSITIVE_INFINITY });
    let emitted: string[] = [];
    shadow.on('line', (buffer) => emitted.push(buffer));
    let open = '';
    let end = 0;
    let row = 0;
    let index = 0;
    let found: number | undefined;
    const { x, y } = doc;
    for (const r of out) {
      setFont(r);
      emitted = [];
      shadow.wrap(r.text, { continued: true });
      const lines = emitted.length > 0 ? emitted : [''];
      for (let k = 0; k < lines.length - 1 && found === undefined; k++) {
        const line = (k === 0 ? open : '') + lines[k]!;
        end += line.length;
        row = line.endsWith('-') ? row + 1 : 0;
        if ((row > max || index === lastOnPage) && whole[end - 1] === SOFT_HYPHEN) found = end - 1;
        index++;
      }
      if (found !== undefined) break;
      open = (lines.length === 1 ? open : '') + lines[lines.length - 1]!;
    }
    doc.x = x;
    doc.y = y;
    if (found === undefined) return out;
    const at = found;
    const isWord = (c: string | undefined) => c !== undefined && (c === SOFT_HYPHEN || /[\p{L}\p{M}]/u.test(c));
    let from = at;
    while (from > 0 && isWord(whole[from - 1])) from--;
    let to = at + 1;
    while (to < whole.length && isWord(whole[to])) to++;
    let offset = 0;
    out = out.map((r) => {
      const start = offset;
      offset += r.text.length;
      if (offset <= from || start >= to) return r;
      const a = Math.max(from, start) - start;
      const b = Math.min(to, offset) - start;
      return { ...r, text: r.text.slice(0, a) + r.text.slice(a, b).replaceAll(SOFT_HYPHEN, '') + r.text.slice(b) };
    });
  }
}

const PARAGRAPHS: Run[][] = [
  [
    run('La modernisation administrative des collectivités territoriales exige une coordination '),
    run('interministérielle particulièrement rigoureuse', true),
    run(', des responsabilités clairement partagées et une communication gouvernementale '),
    run('irréprochable envers les administrés', false, true),
    run(' des établissements universitaires et départementaux.'),
  ],
  [
    run(
      'Les établissements universitaires accompagnent progressivement la transformation numérique des administrations départementales, avec des expérimentations régulièrement évaluées par les inspections générales.',
    ),
  ],
];

/** Counts the wrapper's `wrap` calls made while `fn` runs. */
function wrapsDuring(fn: () => void): number {
  const proto = Wrapper.prototype;
  const own = proto.wrap;
  let calls = 0;
  proto.wrap = function (this: Shadow, ...args: Parameters<Shadow['wrap']>) {
    calls++;
    return own.apply(this, args);
  };
  try {
    fn();
  } finally {
    proto.wrap = own;
  }
  return calls;
}

describe('hyphenated line ends kept per process', () => {
  it('limits hyphenated lines as the replay does, first and second time, at every page position', async () => {
    const doc = newDocument();
    const expected = newDocument();
    const hyphenate = (await hyphenatorFor(doc, theme, 'bilingual', 'fr'))!;
    await hyphenatorFor(expected, theme, 'bilingual', 'fr');
    let compared = 0;
    for (let round = 0; round < 2; round++) {
      for (const paragraph of PARAGRAPHS) {
        const runs = hyphenateRuns(paragraph, hyphenate, theme.hyphenation.minWordLength);
        expect(runs.some((r) => r.text.includes(SOFT_HYPHEN))).toBe(true);
        for (const width of [120, 157.5, 240]) {
          for (const size of [9, 10]) {
            for (const max of [1, 2]) {
              for (const lastOnPage of [-1, 0, 1, 2, 3, 5, 8]) {
                const actual = limitHyphenatedLines(doc, runs, width, max, setFontOf(doc, size), lastOnPage);
                const wanted = reference(expected, runs, width, max, setFontOf(expected, size), lastOnPage);
                expect(actual.map((r) => r.text)).toEqual(wanted.map((r) => r.text));
                // The document is left in the last run's font, as by the replay.
                const state = (d: PDFKit.PDFDocument) => d as unknown as { _font: { name: string }; _fontSize: number; x: number; y: number };
                expect([state(doc)._font.name, state(doc)._fontSize, doc.x, doc.y]).toEqual([
                  state(expected)._font.name,
                  state(expected)._fontSize,
                  expected.x,
                  expected.y,
                ]);
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('does not replay the wrapper for a paragraph already wrapped at that width and in those fonts', async () => {
    const doc = newDocument();
    const hyphenate = (await hyphenatorFor(doc, theme, 'bilingual', 'fr'))!;
    const runs = hyphenateRuns(PARAGRAPHS[0]!, hyphenate, theme.hyphenation.minWordLength);
    const first = wrapsDuring(() => limitHyphenatedLines(doc, runs, 133.25, 2, setFontOf(doc, 10), 4));
    expect(first).toBeGreaterThan(0);
    // Another document (a later render): the same passes, none replayed.
    const again = newDocument();
    expect(wrapsDuring(() => limitHyphenatedLines(again, runs, 133.25, 2, setFontOf(again, 10), 4))).toBe(0);
    // Another width or size is another key.
    expect(wrapsDuring(() => limitHyphenatedLines(again, runs, 133.5, 2, setFontOf(again, 10), 1))).toBeGreaterThan(0);
    expect(wrapsDuring(() => limitHyphenatedLines(again, runs, 133.25, 2, setFontOf(again, 10.5), 1))).toBeGreaterThan(0);
  });
});

describe('hyphenated paragraphs kept per hyphenator', () => {
  it('marks a paragraph again without asking the hyphenator, with the same texts and run objects kept', () => {
    const asked: string[] = [];
    const mark = (word: string): string => {
      asked.push(word);
      return `${word.slice(0, 3)}${SOFT_HYPHEN}${word.slice(3)}`;
    };
    const runs = [run('Les administrations accompagnent '), run('territoriales', true), run(' et la fin.')];
    const first = hyphenateRuns(runs, mark, 7);
    expect(first.map((r) => r.text)).toEqual([`Les adm${SOFT_HYPHEN}inistrations acc${SOFT_HYPHEN}ompagnent `, `ter${SOFT_HYPHEN}ritoriales`, ' et la fin.']);
    // The unchanged run is the same object, as before the memo.
    expect(first[2]).toBe(runs[2]);
    const count = asked.length;
    const copy = runs.map((r) => ({ ...r }));
    const second = hyphenateRuns(copy, mark, 7);
    expect(asked.length).toBe(count);
    expect(second.map((r) => r.text)).toEqual(first.map((r) => r.text));
    expect(second[2]).toBe(copy[2]);
    // The same texts in a link (not prose), or another minimum length: another key.
    const linked = hyphenateRuns([runs[0]!, { ...runs[1]!, link: 'https://exemple.fr/' }, runs[2]!], mark, 7);
    expect(linked[1]!.text).toBe('territoriales');
    expect(hyphenateRuns(runs, mark, 16).map((r) => r.text)).toEqual(runs.map((r) => r.text));
  });
});
