/**
 * Hyphenation of body text (issue 18): soft hyphens (U+00AD) put into the long common words of
 * a paragraph, where the `hyphen` package's patterns (TeX's, French and British English) allow a
 * break. pdfkit's LineWrapper may break a line at a soft hyphen and then draws a hyphen there;
 * a soft hyphen inside a line is drawn as nothing and is not in the text layer, and a word split
 * at a line end carries its whole text as ActualText (./split-word-text.ts), so copied text keeps
 * whole words. ./line-glue.ts replays the same wrapper, so it sees the same breaks.
 *
 * Never inside a name or acronym (any capital letter), a number, a URL, an e-mail address, code,
 * a link's text, a note call, a phrase of typography/no-break.ts, nor a paragraph's last word. The patterns are imported
 * only when the theme turns hyphenation on for the edition being rendered.
 */
import { LRUCache } from 'lru-cache';
import * as pdfkit from 'pdfkit';
import type { Lang } from '../../core/types.js';
import { noBreakSpans } from '../../typography/no-break.js';
import type { Run } from './inline.js';
import { drawSplitWordsWhole } from './split-word-text.js';
import type { PdfTheme } from './theme.js';

/** Returns one lowercase word with soft hyphens where it may break. */
export type Hyphenator = (word: string) => string;

const SOFT_HYPHEN = '\u00ad';
/** Letters kept before and after a break (TeX's lefthyphenmin/righthyphenmin for French and British English). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;

interface Patterns {
  hyphenateSync(text: string, options?: { minWordLength?: number }): string;
}

/** The package's pattern modules, one per language; British English as src/core/dates.ts (en-GB). */
const PATTERNS: Record<Lang, () => Promise<{ default: Patterns }>> = {
  fr: () => import('hyphen/fr/index.js'),
  en: () => import('hyphen/en-gb/index.js'),
};

/**
 * The hyphenator for `lang` in an edition (`bilingual`: the narrow two-column PDF), or undefined
 * when the theme leaves hyphenation off there: then nothing is imported.
 */
export async function hyphenatorFor(doc: PDFKit.PDFDocument, theme: PdfTheme, edition: 'single' | 'bilingual', lang: Lang): Promise<Hyphenator | undefined> {
  const settings = theme.hyphenation;
  if (!settings[edition]) return undefined;
  drawWithoutSoftHyphens(doc);
  const key = `${lang}/${settings.minWordLength}`;
  let hyphenator = hyphenators.get(key);
  if (!hyphenator) {
    hyphenator = wordCache((await PATTERNS[lang]()).default, settings.minWordLength);
    hyphenators.set(key, hyphenator);
  }
  return hyphenator;
}

/** Per language and minimum length, kept between renders (a pure function of its key, like the shaping cache). */
const hyphenators = new Map<string, Hyphenator>();

function wordCache(patterns: Patterns, minWordLength: number): Hyphenator {
  const words = new Map<string, string>();
  return (word) => {
    let out = words.get(word);
    if (out === undefined) {
      out = keepEnds(patterns.hyphenateSync(word, { minWordLength }));
      // Bounded: a process rendering many articles keeps a constant amount of memory.
      if (words.size >= 20_000) words.clear();
      words.set(word, out);
    }
    return out;
  };
}

const drawing = new WeakSet<object>();

/** Installs ./split-word-text.ts on `doc` once. */
function drawWithoutSoftHyphens(doc: PDFKit.PDFDocument): void {
  if (drawing.has(doc)) return;
  drawing.add(doc);
  drawSplitWordsWhole(doc);
}

/** Drops the soft hyphens that would leave fewer than LEFT_MIN letters before or RIGHT_MIN after. */
function keepEnds(hyphenated: string): string {
  const parts = hyphenated.split(SOFT_HYPHEN);
  if (parts.length === 1) return hyphenated;
  const total = parts.join('').length;
  let out = parts[0]!;
  let before = out.length;
  for (const part of parts.slice(1)) {
    if (before >= LEFT_MIN && total - before >= RIGHT_MIN) out += SOFT_HYPHEN;
    out += part;
    before += part.length;
  }
  return out;
}

/** A word of letters (and the combining marks of decomposed accents). */
const WORD = /[\p{L}\p{M}]+/gu;
/** Text between breaking spaces: a URL, an e-mail address or a number is one such chunk. */
const CHUNK = /[^ \t\n]+/g;
/** A chunk never hyphenated: digits, an address (`@`, `/`, `\`, `_`, `://`), a domain (`exemple.fr`). */
const UNTOUCHABLE = /[\p{N}@/\\_]|\p{L}\.\p{L}/u;
const CAPITAL = /\p{Lu}|\p{Lt}/u;

/** Runs that hold ordinary prose: not code, links, note calls, scripts. */
function prose(run: Run): boolean {
  return !run.style.code && run.link === null && run.goTo === undefined && !run.style.sup && !run.style.script;
}

/**
 * The runs of a body paragraph or list item with soft hyphens in their long common words; the
 * same runs when `hyphenate` is undefined (hyphenation off).
 */
export function hyphenateRuns(runs: Run[], hyphenate: Hyphenator | undefined, minWordLength: number): Run[] {
  if (hyphenate === undefined) return runs;
  const texts = hyphenatedTexts(runs, hyphenate, minWordLength);
  return runs.map((run, i) => (texts[i] === run.text ? run : { ...run, text: texts[i]! }));
}

/**
 * Each paragraph's hyphenated run texts kept per hyphenator (a pure function of the word, made once
 * per language and minimum length): a re-render (`serve` after an edit, the bench) finds every
 * paragraph's words already marked. The texts depend only on the runs' texts, which of them are
 * prose, and the minimum length. Bounded by the bytes of their keys.
 */
const hyphenatedMemo = new WeakMap<Hyphenator, LRUCache<string, { texts: string[]; bytes: number }>>();

function hyphenatedTexts(runs: readonly Run[], hyphenate: Hyphenator, minWordLength: number): string[] {
  let memo = hyphenatedMemo.get(hyphenate);
  if (!memo) {
    memo = new LRUCache({ maxSize: 1 << 21, sizeCalculation: (entry) => Math.max(1, entry.bytes) });
    hyphenatedMemo.set(hyphenate, memo);
  }
  let key = `${minWordLength}`;
  for (const run of runs) key += `\u0000${prose(run) ? 1 : 0}${run.text.length} ${run.text}`;
  const known = memo.get(key);
  if (known) return known.texts;
  const texts = markWords(runs, hyphenate, minWordLength);
  memo.set(key, { texts, bytes: 4 * key.length });
  return texts;
}

/** The runs' texts with soft hyphens in their long common words (a run that is not prose as it is). */
function markWords(runs: readonly Run[], hyphenate: Hyphenator, minWordLength: number): string[] {
  // Phrases no line may break inside, found in the whole paragraph (they may span runs).
  const whole = runs.map((run) => run.text).join('');
  const untouched = new Uint8Array(whole.length + 1);
  for (const [from, to] of noBreakSpans(whole)) untouched.fill(1, from, to);
  // Nor the paragraph's last word: its end alone on the last line ("frame-" / "work.") reads badly.
  const words = [...whole.matchAll(WORD)];
  const last = words[words.length - 1];
  if (last) untouched.fill(1, last.index, last.index + last[0].length);
  let offset = 0;
  return runs.map((run) => {
    const start = offset;
    offset += run.text.length;
    if (!prose(run)) return run.text;
    return run.text.replace(CHUNK, (chunk, at: number) => {
      // Most chunks are short words: no pattern test for them.
      if (chunk.length < minWordLength || UNTOUCHABLE.test(chunk)) return chunk;
      return chunk.replace(WORD, (word, i: number) => {
        if (word.length < minWordLength || CAPITAL.test(word)) return word;
        const from = start + at + i;
        return untouched.subarray(from, from + word.length).includes(1) ? word : hyphenate(word);
      });
    });
  });
}

/** The part of pdfkit's LineWrapper (exported by pdfkit, untyped in @types/pdfkit) replayed here, as in ./line-glue.ts. */
interface ShadowWrapper {
  on(event: 'line', listener: (buffer: string) => void): void;
  wrap(text: string, options: { continued: boolean }): void;
}
type WrapperClass = new (doc: PDFKit.PDFDocument, options: { width: number; height: number }) => ShadowWrapper;

/**
 * At most `max` lines in a row ending on a hyphenated word (the typographic rule; theme
 * `hyphenation.maxConsecutive`): replays the paragraph's lines on pdfkit's own wrapper, each run in
 * its font (`setFont`), and takes the soft hyphens out of the word that would end one line too
 * many, then replays again. Nor does line `lastOnPage` (0-based: the last line that fits on the
 * page or column) end hyphenated: the reader would turn the page in mid-word. Runs without soft
 * hyphens are returned as they are.
 */
export function limitHyphenatedLines(doc: PDFKit.PDFDocument, runs: Run[], width: number, max: number, setFont: (run: Run) => void, lastOnPage = -1): Run[] {
  if (!runs.some((run) => run.text.includes(SOFT_HYPHEN))) return runs;
  let out = runs;
  // Each pass removes the soft hyphens of one word: it ends.
  for (;;) {
    const whole = out.map((run) => run.text).join('');
    const at = tooManyHyphens(doc, out, width, max, setFont, whole, lastOnPage);
    if (at === undefined) return out;
    out = withoutSoftHyphensAround(out, at, whole);
  }
}

/** The chain offset of the soft hyphen ending the line that makes more than `max` in a row (or ends the page), if any. */
function tooManyHyphens(
  doc: PDFKit.PDFDocument,
  runs: readonly Run[],
  width: number,
  max: number,
  setFont: (run: Run) => void,
  whole: string,
  lastOnPage: number,
): number | undefined {
  const lines = lineEnds(doc, runs, width, setFont);
  let row = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // pdfkit turned the soft hyphen ending the line into "-"; a hyphen typed there counts too.
    row = line.dash ? row + 1 : 0;
    if ((row > max || index === lastOnPage) && whole[line.end - 1] === SOFT_HYPHEN) return line.end - 1;
  }
  return undefined;
}

/** A line of a paragraph that really ended (not its last): its end in the chain, and whether it is drawn ending with "-". */
interface LineEnd {
  end: number;
  dash: boolean;
}

/**
 * Each paragraph's line ends kept per process. The narrow columns of the bilingual edition replay
 * every hyphenated paragraph on pdfkit's wrapper at each render (`serve` after an edit, the bench,
 * the corpus's variants of one text). Where a wrapper with no height limit breaks lines depends
 * only on each run's font and size, the width and the texts (pdfkit's `widthOfString` of the
 * words), not on where the paragraph is drawn; the page's last line (`lastOnPage`) and the limit
 * are applied to the kept ends. Bounded by the bytes of its keys.
 */
const lineEndsMemo = new LRUCache<string, { lines: LineEnd[]; bytes: number }>({ maxSize: 1 << 21, sizeCalculation: (entry) => Math.max(1, entry.bytes) });

/** A number per parsed font (shared by every document), for the memo's keys. */
const fontIds = new WeakMap<object, number>();
let nextFontId = 0;

/** The font state of pdfkit's document read here (untyped in @types/pdfkit). */
interface FontState {
  _font?: { font?: object } | null;
  _fontSize: number;
}

/**
 * The ends of the paragraph's lines but its last, as pdfkit's wrapper breaks them, each run in its
 * font (`setFont`, called for every run in order as the replay does, so the document's font state
 * after it is the same); memoised when every run's font is a parsed font.
 */
function lineEnds(doc: PDFKit.PDFDocument, runs: readonly Run[], width: number, setFont: (run: Run) => void): LineEnd[] {
  const state = doc as unknown as FontState;
  let key = `${width}`;
  for (const run of runs) {
    setFont(run);
    const font = state._font?.font;
    if (!font) return wrapLineEnds(doc, runs, width, setFont);
    let id = fontIds.get(font);
    if (id === undefined) {
      id = nextFontId++;
      fontIds.set(font, id);
    }
    key += `\u0000${id} ${state._fontSize} ${run.text.length} ${run.text}`;
  }
  const known = lineEndsMemo.get(key);
  if (known) return known.lines;
  const lines = wrapLineEnds(doc, runs, width, setFont);
  lineEndsMemo.set(key, { lines, bytes: 2 * key.length + 16 * lines.length });
  return lines;
}

/** Replays the paragraph on pdfkit's own wrapper (no height limit) and lists its ended lines. */
function wrapLineEnds(doc: PDFKit.PDFDocument, runs: readonly Run[], width: number, setFont: (run: Run) => void): LineEnd[] {
  const Wrapper = (pdfkit as unknown as { LineWrapper: WrapperClass }).LineWrapper;
  const { x, y } = doc;
  const shadow = new Wrapper(doc, { width, height: Number.POSITIVE_INFINITY });
  let emitted: string[] = [];
  shadow.on('line', (buffer) => emitted.push(buffer));
  // The line still open after a call, continued by the next; where the open line starts in the chain.
  let open = '';
  let end = 0;
  const ends: LineEnd[] = [];
  try {
    for (const run of runs) {
      setFont(run);
      emitted = [];
      shadow.wrap(run.text, { continued: true });
      // Every call ends by emitting its open line; the ones before it really ended.
      const lines = emitted.length > 0 ? emitted : [''];
      for (let k = 0; k < lines.length - 1; k++) {
        const line = (k === 0 ? open : '') + lines[k]!;
        end += line.length;
        ends.push({ end, dash: line.endsWith('-') });
      }
      open = (lines.length === 1 ? open : '') + lines[lines.length - 1]!;
    }
    return ends;
  } finally {
    doc.x = x;
    doc.y = y;
  }
}

/** The runs with the soft hyphens of the word around chain offset `at` removed. */
function withoutSoftHyphensAround(runs: readonly Run[], at: number, whole: string): Run[] {
  const isWord = (c: string | undefined) => c !== undefined && (c === SOFT_HYPHEN || /[\p{L}\p{M}]/u.test(c));
  let from = at;
  while (from > 0 && isWord(whole[from - 1])) from--;
  let to = at + 1;
  while (to < whole.length && isWord(whole[to])) to++;
  let offset = 0;
  return runs.map((run) => {
    const start = offset;
    offset += run.text.length;
    if (offset <= from || start >= to) return run;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, offset) - start;
    return { ...run, text: run.text.slice(0, a) + run.text.slice(a, b).replaceAll(SOFT_HYPHEN, '') + run.text.slice(b) };
  });
}
