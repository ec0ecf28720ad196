/**
 * Wire copy: agency text with one paragraph per line, no blank lines, section headings as short
 * bare lines, bullets as `- ` or `• `. CommonMark reads such a block as ONE paragraph (and a `- `
 * bullet swallows every line after it); this step reads it again, line by line.
 *
 * Decisions are per line, so one odd line never turns the whole file into a paragraph (rules and
 * examples in docs/parsing.md, "Wire copy"; line shapes in wire-lines.ts):
 * - a line in lower case, or after a line ending with `,` or `;`, continues the paragraph before;
 * - a line ending with `:` introduces what follows, which is text or a list, never a heading;
 * - a heading-like line is a heading when text follows it; a second one right after it is its
 *   subheading (depth 3), reported as `info`; one at the end is text, reported;
 * - a long question is a heading when text follows it, reported;
 * - bullets make list items; the list ends at the next line that is not one;
 * - with no title in the front matter, a heading-like first line is the title (depth 1).
 *
 * A file whose paragraphs are separated by blank lines is Markdown and is left as CommonMark read
 * it (hard-wrapped prose stays as written); front matter `format: wire` forces the reading,
 * `format: markdown` disables it. Each piece keeps its inline Markdown and exact source position.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Node, Point } from 'unist';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { parseMarkdown } from '../core/markdown.js';
import { bulletWidth, classifyLine, lineNumber, startsInLowerCase, type LineKind } from './wire-lines.js';

/** How a source is read: detected per file, or forced by front matter `format`. */
type WireMode = 'detect' | 'wire' | 'markdown';

/** One non-blank line of a run, trimmed, with where its text starts and ends in the file. */
interface Line {
  text: string;
  kind: LineKind;
  start: Point;
  endOffset: number;
  /** A blank line stands between this line and the one before. */
  afterBlank: boolean;
}

/** A list's `start` is its first number when it is numbered. */
type Piece =
  | { type: 'paragraph'; lines: Line[] }
  | { type: 'list'; items: Line[]; start?: number }
  | { type: 'candidate'; line: Line; depth?: Heading['depth'] };

/** Options of `splitWireCopy`. */
interface WireOptions {
  mode: WireMode;
  /** The front matter gives no title, so a headline on the first line may be the title. */
  headline: boolean;
  /** The file, for the `info` diagnostics on ambiguous lines. */
  file: string;
}

/**
 * Reads the wire copy of `tree` (top level only) line by line into headings, paragraphs and
 * lists, and reports the lines whose reading was a guess (`briefing:ambiguous-wire-line`).
 */
export function splitWireCopy(tree: Root, source: string, options: WireOptions): { tree: Root; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (options.mode === 'markdown' || (options.mode === 'detect' && isMarkdown(tree))) return { tree, diagnostics };
  const children: RootContent[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    const first = children.every((node) => node.type === 'yaml');
    children.push(...readRun(run, source, options, first && options.headline, diagnostics));
    run = [];
  };
  for (const node of tree.children) {
    if (node.type === 'paragraph' || node.type === 'list') {
      run.push(node);
      continue;
    }
    flush();
    children.push(node);
  }
  flush();
  return { tree: { ...tree, children }, diagnostics };
}

/**
 * A file is Markdown when two of its paragraphs are separated by a blank line (a first one-line
 * paragraph, the headline, does not count): wire copy has one paragraph per line.
 */
function isMarkdown(tree: Root): boolean {
  const body = tree.children.filter((node) => node.type !== 'yaml');
  const headline = body[0]?.type === 'paragraph' && lineSpan(body[0]) === 1 ? body[0] : undefined;
  return body.filter((node) => node.type === 'paragraph' && node !== headline).length >= 2;
}

function lineSpan(node: Node): number {
  return node.position ? node.position.end.line - node.position.start.line + 1 : 1;
}

/** A run of paragraphs and lists, read line by line when CommonMark joined lines in it. */
function readRun(run: RootContent[], source: string, options: WireOptions, headline: boolean, diagnostics: Diagnostic[]): RootContent[] {
  const first = run[0]?.position?.start;
  const last = run.at(-1)?.position?.end;
  if (!first || !last || first.offset === undefined || last.offset === undefined) return run;
  if (options.mode === 'detect' && !run.some(joinsLines)) return run;
  const pieces = resolve(gather(lines(source, first, last.offset)), headline, options.file, diagnostics);
  if (run.length === 1 && pieces.length === 1 && pieces[0]?.type === 'paragraph') return run;
  return pieces.map(toNode);
}

/** A paragraph over several lines, or a list with more lines than items (lazy continuations). */
function joinsLines(node: RootContent): boolean {
  if (node.type === 'paragraph') return lineSpan(node) > 1;
  return node.type === 'list' && lineSpan(node) > node.children.length;
}

function lines(source: string, start: Point, endOffset: number): Line[] {
  const found: Line[] = [];
  let offset = start.offset ?? 0;
  let afterBlank = false;
  source
    .slice(offset, endOffset)
    .split('\n')
    .forEach((raw, i) => {
      const indent = raw.length - raw.trimStart().length;
      const text = raw.trim();
      const at: Point = { line: start.line + i, column: (i === 0 ? start.column : 1) + indent, offset: offset + indent };
      offset += raw.length + 1;
      if (!text) {
        afterBlank = true;
        return;
      }
      found.push({ text, kind: classifyLine(text), start: at, endOffset: (at.offset ?? 0) + text.length, afterBlank });
      afterBlank = false;
    });
  return found;
}

/** Groups lines into paragraphs, lists and heading candidates (one pass, no look-ahead). */
function gather(all: Line[]): Piece[] {
  const pieces: Piece[] = [];
  for (const line of all) {
    const prev = line.afterBlank ? undefined : pieces.at(-1);
    if (line.kind === 'bullet' || line.kind === 'numbered') {
      const start = lineNumber(line.text);
      if (prev?.type === 'list' && (prev.start === undefined) === (start === undefined)) prev.items.push(line);
      else pieces.push(start === undefined ? { type: 'list', items: [line] } : { type: 'list', items: [line], start });
      continue;
    }
    const before = prev?.type === 'paragraph' ? prev.lines.at(-1) : undefined;
    if (prev?.type === 'paragraph' && (startsInLowerCase(line.text) || before?.kind === 'open')) {
      prev.lines.push(line);
    } else if (prev?.type === 'candidate' && startsInLowerCase(line.text)) {
      // A heading is never continued: the line before was the start of a sentence.
      pieces[pieces.length - 1] = { type: 'paragraph', lines: [prev.line, line] };
    } else if ((line.kind === 'heading' || line.kind === 'long-question') && !introduced(pieces.at(-1))) {
      pieces.push({ type: 'candidate', line });
    } else {
      pieces.push({ type: 'paragraph', lines: [line] });
    }
  }
  return pieces;
}

/** What follows a line ending with `:` is what it introduces: text, not a heading. */
function introduced(piece: Piece | undefined): boolean {
  return piece?.type === 'paragraph' && piece.lines.at(-1)?.kind === 'lead-in';
}

/** Decides each heading candidate from its neighbours, reporting the guesses. */
function resolve(pieces: Piece[], headline: boolean, file: string, diagnostics: Diagnostic[]): Piece[] {
  const note = (line: Line, reading: AmbiguousReading) =>
    diagnostics.push(ruleDiagnostic('briefing:ambiguous-wire-line', file, { reading }, { line: line.start.line, column: line.start.column }));
  const out: Piece[] = [];
  numberedHeadings(pieces).forEach((piece, i, all) => {
    const next = all[i + 1];
    if (piece.type === 'list' && next?.type === 'paragraph' && !next.lines[0]?.afterBlank && startsInLowerCase(next.lines[0]?.text ?? '')) {
      note(next.lines[0] as Line, 'after-list');
    }
    if (piece.type !== 'candidate') {
      out.push(piece);
      return;
    }
    const prev = out.at(-1);
    const underHeading = prev?.type === 'candidate' && prev.depth !== 1;
    if (i === 0 && headline && next) {
      out.push({ ...piece, depth: 1 });
    } else if (!next) {
      note(piece.line, 'trailing');
      out.push({ type: 'paragraph', lines: [piece.line] });
    } else if (piece.line.kind === 'long-question' && next.type === 'candidate') {
      out.push({ type: 'paragraph', lines: [piece.line] });
    } else {
      if (piece.line.kind === 'long-question') note(piece.line, 'long-question');
      else if (underHeading) note(piece.line, 'subheading');
      out.push({ ...piece, depth: underHeading ? 3 : 2 });
    }
  });
  return out;
}

/**
 * A numbered line standing alone (not among other numbered lines) whose text reads as a heading,
 * with text after it, is a numbered subhead (`1. Le contexte`), number kept: a one-item list there
 * would swallow the subhead into the list.
 */
function numberedHeadings(pieces: Piece[]): Piece[] {
  return pieces.map((piece, i) => {
    const next = pieces[i + 1];
    const only = piece.type === 'list' && piece.start !== undefined && piece.items.length === 1 ? piece.items[0] : undefined;
    if (!only || !next || next.type === 'list' || introduced(pieces[i - 1])) return piece;
    const rest = only.text.slice(bulletWidth(only.text));
    return classifyLine(rest) === 'heading' ? { type: 'candidate', line: { ...only, kind: 'heading' } } : piece;
  });
}

/** Why a line's reading was a guess: the `reading` parameter of `briefing:ambiguous-wire-line`. */
type AmbiguousReading = 'subheading' | 'long-question' | 'trailing' | 'after-list';

function toNode(piece: Piece): RootContent {
  if (piece.type === 'candidate') {
    const { line } = piece;
    return { type: 'heading', depth: piece.depth ?? 2, children: headingInline(line), position: span(line.start, line) } satisfies Heading;
  }
  if (piece.type === 'paragraph') return paragraph(piece.lines);
  const items = piece.items.map((line): ListItem => {
    const width = bulletWidth(line.text);
    const start: Point = { line: line.start.line, column: line.start.column + width, offset: (line.start.offset ?? 0) + width };
    const body: Paragraph = { type: 'paragraph', children: parseInline(line.text.slice(width), start), position: span(start, line) };
    return { type: 'listItem', spread: false, checked: null, children: [body], position: span(line.start, line) };
  });
  const first = piece.items[0] as Line;
  const last = piece.items.at(-1) as Line;
  const ordered = piece.start !== undefined;
  return { type: 'list', ordered, start: piece.start ?? null, spread: false, children: items, position: span(first.start, last) } satisfies List;
}

/** A heading line's inline Markdown; a numbered subhead's number is kept as text before it (alone, `1. ` would open a list). */
function headingInline(line: Line): PhrasingContent[] {
  const width = lineNumber(line.text) === undefined ? 0 : bulletWidth(line.text);
  if (width === 0) return parseInline(line.text, line.start);
  const start: Point = { line: line.start.line, column: line.start.column + width, offset: (line.start.offset ?? 0) + width };
  return [{ type: 'text', value: line.text.slice(0, width) }, ...parseInline(line.text.slice(width), start)];
}

/** One paragraph of consecutive lines: its text as written, line breaks included. */
function paragraph(group: Line[]): Paragraph {
  const first = group[0] as Line;
  const last = group.at(-1) as Line;
  const children = group.length === 1 ? parseInline(first.text, first.start) : parseLines(group);
  return { type: 'paragraph', children, position: span(first.start, last) };
}

/** Inline Markdown of several lines, each line's positions moved to where it stands in the file. */
function parseLines(group: Line[]): PhrasingContent[] {
  const text = group.map((line) => line.text).join('\n');
  const root = parseMarkdown(text);
  const first = root.children[0];
  if (root.children.length !== 1 || first?.type !== 'paragraph') return [{ type: 'text', value: text }];
  const move = (p: Point): Point => {
    const line = group[p.line - 1] as Line;
    return { line: line.start.line, column: p.column - 1 + line.start.column, offset: (line.start.offset ?? 0) + p.column - 1 };
  };
  const walk = (node: Node): void => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    for (const child of (node as { children?: Node[] }).children ?? []) walk(child);
  };
  for (const child of first.children) walk(child);
  return first.children;
}

/** From `start` to the end of `last` (a line). */
function span(start: Point, last: Line): { start: Point; end: Point } {
  const end = { line: last.start.line, column: last.start.column + last.text.length, offset: last.endOffset };
  return { start, end };
}

/** Inline Markdown of one line, with positions moved to where the line stands in the file. */
function parseInline(line: string, origin: Point): PhrasingContent[] {
  const root = parseMarkdown(line);
  const first = root.children[0];
  const children: PhrasingContent[] = root.children.length === 1 && first?.type === 'paragraph' ? first.children : [{ type: 'text', value: line }];
  for (const child of children) shift(child, origin);
  return children;
}

function shift(node: Node, origin: Point): void {
  const move = (p: Point): Point => ({
    line: p.line - 1 + origin.line,
    column: p.line === 1 ? p.column - 1 + origin.column : p.column,
    offset: (p.offset ?? 0) + (origin.offset ?? 0),
  });
  if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
  for (const child of (node as { children?: Node[] }).children ?? []) shift(child, origin);
}
