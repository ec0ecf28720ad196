/**
 * Inline (phrasing) content: flattened into styled runs, then written as one chain of
 * pdfkit `continued: true` text calls so line wrapping flows across style changes.
 */
import type { PhrasingContent } from 'mdast';
import { FALLBACK_ROLES, fallbackFonts, themeFont, type FallbackRole, type FontRole } from './fonts.js';
import { splitByFont } from './glyph-coverage.js';
import type { LayoutContext } from './layout.js';
import { useFont } from './layout.js';
import { scriptShift } from './scripts.js';
import { noteDestination } from './notes.js';
import { type GluePiece, planBreaks } from './line-glue.js';
import { linesHeight } from './height-memo.js';

export interface RunStyle {
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
  /** Superscript or subscript (`^er^`, `H~2~O`): smaller, raised or lowered (see ./scripts.ts). */
  script?: 'sup' | 'sub';
  /** A footnote call's number: smaller, raised (text set from the line's top sits higher). */
  sup?: boolean;
}

export interface Run {
  text: string;
  style: RunStyle;
  /** Target URL when the run is (part of) a link. */
  link: string | null;
  /** Named destination a footnote call's number links to (./notes.ts). */
  goTo?: string;
}

const PLAIN: RunStyle = { bold: false, italic: false, code: false, strike: false };

/** Flattens phrasing nodes into runs; raw HTML and the like are dropped, a footnote call is its number. */
export function collectRuns(nodes: readonly PhrasingContent[], base: Partial<RunStyle> = {}): Run[] {
  const out: Run[] = [];
  walk(nodes, { ...PLAIN, ...base }, null, out);
  return mergeRuns(out);
}

/**
 * A soft line break and the spaces around it. Spaces before it are taken only from the start of
 * their run: tried from every space of a long run not followed by a break, the search is quadratic.
 */
const SOFT_BREAK = /(?:(?<![ \t])[ \t]+)?\r?\n[ \t]*/g;
/** Two or more ordinary spaces or tabs (one start per run: linear). */
const SPACE_RUN = /(?<![ \t])[ \t]{2,}/g;

function walk(nodes: readonly PhrasingContent[], style: RunStyle, link: string | null, out: Run[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // Soft line breaks of the source become spaces, and runs of spaces one space, as a browser
        // shows them ("Article  L. 312" typed twice is not a gap); other whitespace (U+00A0, U+202F) stays.
        out.push({ text: node.value.replace(SOFT_BREAK, ' ').replace(SPACE_RUN, ' '), style, link });
        break;
      case 'emphasis':
        walk(node.children, { ...style, italic: true }, link, out);
        break;
      case 'strong':
        walk(node.children, { ...style, bold: true }, link, out);
        break;
      case 'delete':
        walk(node.children, { ...style, strike: true }, link, out);
        break;
      case 'superscript':
        walk(node.children, { ...style, script: 'sup' }, link, out);
        break;
      case 'subscript':
        walk(node.children, { ...style, script: 'sub' }, link, out);
        break;
      case 'inlineCode':
      case 'inlineMath':
        out.push({ text: node.value, style: { ...style, code: true }, link });
        break;
      case 'link':
        walk(node.children, style, safeUrl(node.url) ?? link, out);
        break;
      case 'linkReference':
        walk(node.children, style, link, out);
        break;
      case 'break':
        out.push({ text: '\n', style, link: null });
        break;
      case 'footnoteReference':
        // The note's number, linked to the note (a call with no number is never in a document).
        if (node.data?.noteNumber !== undefined) {
          out.push({ text: String(node.data.noteNumber), style: { ...style, sup: true }, link: null, goTo: noteDestination(node.identifier) });
        }
        break;
      case 'image':
      case 'imageReference':
        if (node.alt) out.push({ text: node.alt, style, link });
        break;
      default:
        // html and unknown extensions: never printed raw.
        break;
    }
  }
}

/** Only absolute web and mail links become PDF link annotations. */
function safeUrl(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strike === b.strike && a.script === b.script && a.sup === b.sup;
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const prev = out[out.length - 1];
    if (prev && prev.link === run.link && prev.goTo === run.goTo && sameStyle(prev.style, run.style)) prev.text += run.text;
    else out.push({ ...run });
  }
  // Leading and trailing spaces of a block would only shift or pad its lines.
  const first = out[0];
  if (first) first.text = first.text.replace(/^[ \t]+/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.slice(0, trailingBlank(last.text));
  return out.filter((run) => run.text !== '');
}

/** Where the trailing spaces, tabs and line breaks of `text` start (a loop: `/[ \t\n]+$/` rescans every run). */
function trailingBlank(text: string): number {
  let end = text.length;
  while (end > 0 && ' \t\n'.includes(text[end - 1]!)) end--;
  return end;
}

function plainText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** Which registered font draws a run, given the block's base family (table.ts measures cells with it). */
export function fontFor(style: RunStyle, family: 'serif' | 'sans' = 'serif'): FontRole {
  if (style.code) return 'mono';
  if (family === 'sans') return style.bold ? 'heading' : style.italic ? 'sansItalic' : 'sans';
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'body';
}

export interface RunLayout {
  x: number;
  y: number;
  width: number;
  size: number;
  color: string;
  family?: 'serif' | 'sans';
  lineHeight?: number;
  /** Left unless given (a table column's alignment). */
  align?: 'left' | 'center' | 'right';
}

/**
 * Height the runs will take when written with `layout` (measured in the base font). With
 * `maxLines`, lines past `maxLines + 1` may be left unmeasured (see ./first-lines.ts): for callers
 * that only compare the height with `maxLines` lines.
 */
export function measureRuns(ctx: LayoutContext, runs: readonly Run[], layout: RunLayout, maxLines?: number): number {
  if (runs.length === 0) return 0;
  const lineGap = useFont(ctx, fontFor(PLAIN, layout.family), layout.size, layout.lineHeight);
  const options = { width: layout.width, lineGap, align: 'left' as const };
  return linesHeight(ctx.doc, plainText(runs), options, maxLines);
}

/** A piece of a run drawn with one registered font: the run's own role or a fallback. */
interface Piece extends GluePiece {
  run: Run;
  /** Registered font name; null for the run's own font. */
  fallback: FallbackRole | null;
}

/** Splits text set in `role` by the font that has each character (see glyph-coverage.ts). */
function splitForFonts(ctx: LayoutContext, role: FontRole, text: string): { text: string; fallback: FallbackRole | null }[] {
  const chain = [themeFont(ctx.theme, role), ...fallbackFonts(ctx.theme)];
  return splitByFont(text, chain).map((span) => ({ text: span.text, fallback: span.font === 0 ? null : FALLBACK_ROLES[span.font - 1]! }));
}

/** Writes the runs as one left-aligned text chain; leaves doc.y below the last line. */
export function writeRuns(ctx: LayoutContext, runs: readonly Run[], layout: RunLayout): void {
  const { doc, theme } = ctx;
  const split: Piece[] = runs.flatMap((run) =>
    splitForFonts(ctx, fontFor(run.style, layout.family), run.text).map((part) => ({ ...part, run, clinging: Boolean(run.style.sup || run.style.script) })),
  );
  const scripted = runs.some((run) => run.style.script);
  // Sets a piece's font and size; returns its line gap and baseline shift (null: keep the line gap).
  const setFont = (piece: Piece, prev: Piece | undefined): { lineGap: number | null; shift?: { lineGap: number; baseline: number } } => {
    const { run, fallback } = piece;
    // A fallback piece keeps the size and line gap of its run's own font.
    const shift = run.style.script ? scriptShift(ctx, fontFor(run.style, layout.family), run.style.script, layout) : undefined;
    let lineGap: number | null = null;
    if (shift) lineGap = shift.lineGap;
    else if (fallback === null || prev === undefined || prev.run.style.script)
      lineGap = useFont(ctx, fontFor(run.style, layout.family), layout.size, layout.lineHeight);
    if (run.style.sup) {
      // Same line height, smaller glyphs: the line advances as for the body text.
      const line = layout.size * (layout.lineHeight ?? theme.lineHeight);
      const size = (layout.size * theme.sizes.noteCall) / theme.sizes.body;
      lineGap = useFont(ctx, fontFor(run.style, layout.family), size, line / size);
    }
    if (fallback !== null) doc.font(fallback);
    return shift ? { lineGap, shift } : { lineGap };
  };
  let planned: Piece | undefined;
  const pieces = planBreaks(doc, split, layout.width, (piece) => {
    setFont(piece, planned?.breakAfter ? undefined : planned);
    planned = piece;
  });
  let lineGap = 0;
  let chainStart = true;
  pieces.forEach((piece, i) => {
    const { text, run } = piece;
    const font = setFont(piece, chainStart ? undefined : pieces[i - 1]);
    if (font.lineGap !== null) lineGap = font.lineGap;
    const shift = font.shift;
    doc.fillColor(run.link ? theme.colors.link : run.style.code ? theme.colors.code : layout.color);
    const options: PDFKit.Mixins.TextOptions = {
      width: layout.width,
      lineGap,
      align: layout.align ?? 'left',
      continued: i < pieces.length - 1 && !piece.breakAfter,
      // Set on every call: pdfkit carries options over between continued calls.
      link: run.link,
      underline: run.link !== null,
      strike: run.style.strike,
      // Set on every call of a chain with scripts: a shifted baseline must not carry over.
      ...(scripted ? { baseline: shift ? shift.baseline : 'top' } : {}),
      // Per language: the bilingual PDF holds both columns' notes (pdfkit never carries goTo over).
      ...(run.goTo ? { goTo: `${ctx.lang}-${run.goTo}` } : {}),
    };
    // A chain starts the block, or a new line after a break planned by ./line-glue.ts.
    if (i === 0) doc.text(text, layout.x, layout.y, options);
    else if (chainStart) doc.text(text, layout.x, doc.y, options);
    else doc.text(text, options);
    chainStart = piece.breakAfter === true;
  });
  doc.x = ctx.left;
}

/**
 * Writes plain text in one theme font (already set with useFont), drawing the characters it
 * lacks from the fallback fonts; the same single `doc.text` call when it has them all.
 */
export function writeText(ctx: LayoutContext, role: FontRole, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
  const { doc } = ctx;
  const parts = splitForFonts(ctx, role, text);
  // One part in the font itself: a plain call. (A text wholly in a fallback font, a lone ☐, is not.)
  if (parts.length === 0 || (parts.length === 1 && parts[0]!.fallback === null)) {
    doc.text(text, x, y, options);
    return;
  }
  parts.forEach((part, i) => {
    doc.font(part.fallback ?? role);
    const chained = { ...options, continued: i < parts.length - 1 };
    if (i === 0) doc.text(part.text, x, y, chained);
    else doc.text(part.text, chained);
  });
  doc.font(role);
}
