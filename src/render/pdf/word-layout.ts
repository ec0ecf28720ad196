/**
 * pdfkit's `EmbeddedFont.layout` (a string's glyphs and positions, word by word from the shaped
 * word cache) without its per-word array copies: pdfkit concatenates each word's glyphs onto a new
 * array (`glyphs.concat(run.glyphs)`), so a line of n words copies O(n²) entries, and it tests each
 * character against a fresh `[' ', '\t']`. Same words (each with its trailing space or tab), same
 * glyph and position objects in the same order, same sum: the PDF's bytes do not change.
 */

interface Shaped {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** The part of pdfkit's `EmbeddedFont` used here (untyped in @types/pdfkit). */
export interface LayingOutFont {
  layoutRun(text: string, features: unknown): Shaped;
  layoutCached(text: string): Shaped;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}

const SPACE = 0x20;
const TAB = 0x09;

/**
 * pdfkit's words: each piece of `text` up to and including a space or tab, then the rest, handed
 * to `add` with the caller's `state`. `add` is a module function, not a closure made per call: the
 * bundle names every closure it creates (esbuild's --keep-names, a `defineProperty` each time), and
 * layout and encode run for every word measured and every line drawn.
 */
function eachWord<State>(text: string, state: State, add: (state: State, word: string) => void): void {
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === TAB) {
      add(state, text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) add(state, text.slice(last));
}

/** A line being laid out: its glyphs and positions (null when only its width is wanted) and its advance. */
interface Laying {
  font: LayingOutFont;
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/** Appends a word's shaped run to the line, its advance summed in order. */
function layWord(line: Laying, word: string): void {
  const run = line.font.layoutCached(word);
  if (line.glyphs && line.positions) {
    for (const glyph of run.glyphs) line.glyphs.push(glyph);
    for (const position of run.positions) line.positions.push(position);
  }
  line.advanceWidth += run.advanceWidth;
}

/** Replaces `embedded.layout` with the copy-free equivalent. */
export function layoutWithoutCopies(embedded: LayingOutFont): void {
  embedded.layout = (text: string, features?: unknown, onlyWidth?: boolean) => {
    if (features) return embedded.layoutRun(text, features);
    const line: Laying = { font: embedded, glyphs: onlyWidth ? null : [], positions: onlyWidth ? null : [], advanceWidth: 0 };
    eachWord(text, line, layWord);
    return { glyphs: line.glyphs, positions: line.positions, advanceWidth: line.advanceWidth };
  };
}

/** The part of pdfkit's `EmbeddedFont` that `encode` uses (untyped in @types/pdfkit). */
export interface EncodingFont extends LayingOutFont {
  subset: { includeGlyph(id: number): number };
  scale: number;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  encode(text: string, features?: unknown): [string[], unknown[]];
}

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A word as drawn in one document: its glyphs' codes in that document's subset, and its positions. */
interface EncodedWord {
  codes: string[];
  positions: unknown[];
}

/** A subset glyph id as pdfkit writes it: four hexadecimal digits (ids are below 65 536). */
const HEX_CODES: string[] = [];
const hexCode = (gid: number): string => (HEX_CODES[gid] ??= `0000${gid.toString(16)}`.slice(-4));

/**
 * pdfkit's `EmbeddedFont.encode` (a line's glyph codes and positions, for `_fragment`), word by word
 * and each word once per document. pdfkit lays the whole line out again and, for every glyph, adds
 * it to the subset, formats its code and records its width and code points. The first time a word is
 * drawn this does the same, in the same order; a word drawn again in the same document only repeats
 * the lookups: its glyphs are already in the subset (same codes), their widths and code points
 * already recorded. The memo lives on the embedded font, which pdfkit makes per document, so a code
 * never outlives its subset.
 */
export function encodeByWords(embedded: EncodingFont): void {
  const encode = embedded.encode.bind(embedded);
  const words = new Map<string, EncodedWord>();
  const encodeWord = (word: string): EncodedWord => {
    let done = words.get(word);
    if (done) return done;
    const run = embedded.layoutCached(word);
    const codes: string[] = [];
    for (const glyph of run.glyphs as Glyph[]) {
      const gid = embedded.subset.includeGlyph(glyph.id);
      codes.push(hexCode(gid));
      if (embedded.widths[gid] == null) embedded.widths[gid] = glyph.advanceWidth * embedded.scale;
      if (embedded.unicode[gid] == null) embedded.unicode[gid] = glyph.codePoints;
    }
    done = { codes, positions: run.positions };
    words.set(word, done);
    return done;
  };
  embedded.encode = (text: string, features?: unknown) => {
    if (features) return encode(text, features);
    const line: Encoding = { encodeWord, codes: [], positions: [] };
    eachWord(text, line, encodeInto);
    return [line.codes, line.positions];
  };
}

/** A line being encoded: the document's word encoder and the codes and positions so far. */
interface Encoding extends EncodedWord {
  encodeWord(word: string): EncodedWord;
}

/** Appends a word's codes and positions to the line's. */
function encodeInto(line: Encoding, word: string): void {
  const done = line.encodeWord(word);
  for (const code of done.codes) line.codes.push(code);
  for (const position of done.positions) line.positions.push(position);
}
