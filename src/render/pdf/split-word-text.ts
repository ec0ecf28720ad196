/**
 * A word hyphenated at a line end ("ap-" / "plicables") is read whole in the text layer (issue 18):
 * copy-paste, search and screen readers get "applicables", not "ap- plicables". The first piece is
 * drawn inside `/Span <</ActualText (applicables)>> BDC … EMC` and the continuation inside
 * `/Span <</ActualText ()>> BDC … EMC` (PDF 32000-1 14.9.4), nested in the paragraph's marked
 * content. The line is still drawn by one pdfkit call: the page looks the same.
 *
 * pdfkit draws a wrapped line through its private `_fragment`; `_text` gives the source of the
 * call (with its soft hyphens), which a cursor follows line by line to tell a soft hyphen turned
 * into "-" from a typed one. Installed only when hyphenation is on (./hyphenation.ts).
 */

const SOFT_HYPHEN = '\u00ad';
/** A character of a word: letters, combining marks, soft hyphens. */
const WORD_CHAR = /[\p{L}\p{M}\u00ad]/u;
const BREAKING_SPACE = /[ \t\n]/;

type DrawFragment = (this: PDFKit.PDFDocument, text: string, x: number, y: number, options: FragmentOptions) => void;

interface FragmentOptions {
  features?: unknown;
}

/** pdfkit's private text methods wrapped here (untyped in @types/pdfkit). */
interface TextInternals {
  _text(text: unknown, x: unknown, y: unknown, options: unknown, lineCallback: unknown): unknown;
  _fragment: DrawFragment;
  _font: { encode(text: string, features?: unknown): [string[], unknown[]] };
  addContent(data: string): unknown;
}

/** Where the drawing is in the source of the current `doc.text` call. */
interface Cursor {
  source: string;
  at: number;
  /** Characters at the start of the next line that continue a word split at the previous one. */
  carry: number;
  /** The last character of the previous call: a letter there means a word may start before this call. */
  before: string;
}

/** A piece of a line drawn on its own; `actual` set: inside a Span with that ActualText. */
interface Piece {
  from: number;
  to: number;
  actual?: string;
}

/**
 * Makes `doc` draw lines without the soft hyphens left inside them (zero-width: the measured line
 * is unchanged) and mark the two pieces of each word split at a line end with their ActualText.
 */
export function drawSplitWordsWhole(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as TextInternals;
  const cursor: Cursor = { source: '', at: 0, carry: 0, before: '' };
  const text = internals._text;
  let depth = 0;
  internals._text = function (this: TextInternals, value, x, y, options, lineCallback) {
    // A call made while another draws (text on a page added mid-paragraph) must not lose its place.
    const outer = depth > 0 ? { ...cursor } : undefined;
    cursor.before = cursor.source.at(-1) ?? '';
    cursor.source = value == null ? '' : `${value}`;
    cursor.at = 0;
    cursor.carry = 0;
    depth++;
    try {
      return text.call(this, value, x, y, options, lineCallback);
    } finally {
      depth--;
      if (outer) Object.assign(cursor, outer);
    }
  };
  const draw = internals._fragment;
  internals._fragment = function (this: PDFKit.PDFDocument, line, x, y, options) {
    const pieces = follow(cursor, `${line}`);
    if (pieces.length === 1 && pieces[0]!.actual === undefined) {
      draw.call(this, withoutSoftHyphens(line), x, y, options);
      return;
    }
    drawPieces(this, draw, line, pieces, x, y, options);
  };
}

function withoutSoftHyphens(text: string): string {
  return text.includes(SOFT_HYPHEN) ? text.replaceAll(SOFT_HYPHEN, '') : text;
}

/** Advances the cursor over `line` (a line or piece of one, as the wrapper emits it) and returns its pieces. */
function follow(cursor: Cursor, line: string): Piece[] {
  const whole: Piece[] = [{ from: 0, to: line.length }];
  const { source, at } = cursor;
  const lead = Math.min(cursor.carry, line.length);
  cursor.carry = 0;
  let soft: boolean;
  if (source.startsWith(line, at)) soft = false;
  else if (line.endsWith('-') && source.startsWith(`${line.slice(0, -1)}${SOFT_HYPHEN}`, at)) soft = true;
  else {
    // Not the text of this call (a list label, a line pdfkit rewrote): nothing more is marked in it.
    cursor.source = '';
    return whole;
  }
  cursor.at = at + line.length;
  const pieces: Piece[] = [];
  if (lead > 0) pieces.push({ from: 0, to: lead, actual: '' });
  if (soft) {
    let head = line.length - 1;
    while (head > 0 && WORD_CHAR.test(line[head - 1]!)) head--;
    let end = cursor.at;
    while (end < source.length && WORD_CHAR.test(source[end]!)) end++;
    // A word that may go on in another call (another style or font) is left as it is.
    const starts = head > 0 || at > 0 || !WORD_CHAR.test(cursor.before);
    if (end < source.length && starts) {
      // The punctuation glued to the word goes with it: "fulgurante," not "fulgurante" then ", Microsoft".
      while (end < source.length && !BREAKING_SPACE.test(source[end]!)) end++;
      cursor.carry = end - cursor.at;
      if (head <= lead) {
        // The whole line is the middle of a word split over three lines: its ActualText was given.
        return [{ from: 0, to: line.length, actual: '' }];
      }
      if (head > lead) pieces.push({ from: lead, to: head });
      pieces.push({ from: head, to: line.length, actual: withoutSoftHyphens(line.slice(head, -1) + source.slice(cursor.at, end)) });
      return pieces;
    }
  }
  if (lead < line.length) pieces.push({ from: lead, to: line.length });
  return pieces.length > 0 ? pieces : whole;
}

/** A PDF text string for a content stream: UTF-16BE in hex, so nothing needs escaping. */
function pdfTextString(text: string): string {
  if (text === '') return '()';
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/**
 * Draws `line` in one pdfkit call, as before, with the marked pieces' glyphs wrapped in their Span:
 * pdfkit's `[…] TJ` arrays are cut at the pieces' first and last glyphs. The glyphs, their order
 * and their adjustments are pdfkit's own, so the page is drawn exactly as without the marks. A
 * line whose glyphs the pieces cannot be matched to (glyphs shaped across a piece boundary) is
 * drawn unmarked.
 */
function drawPieces(doc: PDFKit.PDFDocument, draw: DrawFragment, line: string, pieces: Piece[], x: number, y: number, options: FragmentOptions): void {
  const internals = doc as unknown as TextInternals;
  const plain = (text: string) => withoutSoftHyphens(text).replaceAll('\n', '');
  const text = plain(line);
  const [glyphs] = internals._font.encode(text, options.features);
  const parts = pieces.map((piece) => internals._font.encode(plain(line.slice(piece.from, piece.to)), options.features)[0]);
  // Where each marked piece opens (glyph index → its BDC) and closes.
  const opens = new Map<number, string>();
  const closes = new Set<number>();
  let at = 0;
  pieces.forEach((piece, i) => {
    const count = parts[i]!.length;
    if (piece.actual !== undefined && count > 0) {
      opens.set(at, `/Span <</ActualText ${pdfTextString(piece.actual)}>> BDC`);
      closes.add(at + count);
    }
    at += count;
  });
  if (at !== glyphs.length || parts.flat().join(' ') !== glyphs.join(' ')) {
    draw.call(doc, text, x, y, options);
    return;
  }
  const add = internals.addContent;
  let glyph = 0;
  let open = false;
  internals.addContent = function (this: TextInternals, data: string) {
    const array = /^\[(.*)\] TJ$/s.exec(data);
    if (array === null) {
      if (data === 'ET' && open) add.call(this, 'EMC');
      return add.call(this, data);
    }
    let items: string[] = [];
    const flush = (): void => {
      if (items.length > 0) add.call(this, `[${items.join(' ')}] TJ`);
      items = [];
    };
    for (const token of array[1]!.match(/<[0-9a-fA-F]*>|\S+/g) ?? []) {
      if (!token.startsWith('<')) {
        items.push(token);
        continue;
      }
      let hex = token.slice(1, -1);
      let run = '';
      while (hex.length > 0) {
        if (closes.has(glyph) || opens.has(glyph)) {
          if (run) items.push(`<${run}>`);
          run = '';
          flush();
          if (closes.has(glyph) && open) add.call(this, 'EMC');
          open = opens.has(glyph);
          if (open) add.call(this, opens.get(glyph)!);
        }
        const width = glyphs[glyph]?.length ?? 4;
        run += hex.slice(0, width);
        hex = hex.slice(width);
        glyph++;
      }
      if (run) items.push(`<${run}>`);
    }
    flush();
    return this;
  };
  try {
    draw.call(doc, text, x, y, options);
  } finally {
    internals.addContent = add;
  }
}
