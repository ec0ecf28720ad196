/**
 * The article's parse with its plain one-line blocks set aside. Most of a long article is
 * paragraphs and headings of one line of plain text between blank lines; micromark reads each
 * character of them twice (block, then inline pass) and builds events for them, which made the
 * article's parse the largest cost of a 3 000-section article after the PDF. Such a line is
 * made into the paragraph or heading micromark would make (positions included), and the parser
 * reads the rest of the text, with each of those lines emptied (its line ending kept, so line
 * numbers and every other line's columns are unchanged; offsets are moved back after). The
 * two trees are merged in source order: the same tree as parsing the whole text
 * (tests/plain-blocks.test.ts compares them, positions and key order included).
 *
 * A line is set aside only where emptying it cannot change how anything else is read:
 * - a blank line (or the start of the text) before it and after it, so it is a whole block on
 *   its own, neither a paragraph's continuation nor a setext heading's content;
 * - it starts at column 1, with a letter (a paragraph: nothing else can open there) or with
 *   1–6 `#` and one space before a letter or digit (an ATX heading);
 * - its text holds no character that may start inline syntax (as the plain-line test of
 *   src/core/markdown.ts: `* _ \` [ ] ! < > & \ ~ ^ $ @ |`, control characters, `www.`, `://`)
 *   and, for a heading, no `#` (a closing sequence) and no space at either end;
 * - the next non-empty line does not start with a space, a tab or a list marker (a line of
 *   spaces counts): a list item, an indented code block or a footnote definition before the
 *   emptied line would otherwise go on across the blank lines it leaves;
 * - the text has no line that may open a block reaching past blank lines: a code or math fence
 *   (```` ``` ````, `~~~`, `$$`) or raw HTML (`<`), at any indentation; if there is one, the
 *   whole text is parsed as before;
 * - it is not in the YAML front matter (a text starting with `---` is read after its first
 *   `---` line; without one, the whole text is parsed as before).
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';

type Point = { line: number; column: number; offset: number };

/** A line that may open a block reaching past blank lines (fenced code or math, raw HTML). */
const OPENS_LONG_BLOCK = /^[ \t]*(?:`{3}|~{3}|\$\$|<)/m;

/** Characters that may start inline syntax (the parser's plain-line test, src/core/markdown.ts). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: line endings, tabs and NUL are never plain
const SYNTAX_CHARACTER = /[*_`[\]!<>&\\~^$@|\u0000-\u001f\u007f]|www\.|:\/\//i;

/** A next line that could continue a list item, an indented code block or a footnote definition. */
const CONTINUES_BLOCK = /^(?:[ \t]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

const HEADING = /^(#{1,6}) (?=[\p{L}\p{N}])/u;

/** `parse` of `text`, with the plain one-line blocks made directly (see above). */
export function parseWithPlainBlocks(text: string, parse: (text: string) => Root): Root {
  const from = bodyStart(text);
  if (from === undefined || OPENS_LONG_BLOCK.test(text)) return parse(text);
  const plain = plainBlocks(text, from);
  if (plain.length === 0) return parse(text);
  // The text with each plain block's line emptied; `cuts[i]` is where block i was, in that text.
  let skeleton = '';
  let last = 0;
  const cuts: number[] = [];
  const removed: number[] = [];
  for (const block of plain) {
    const start = block.position!.start.offset!;
    const end = block.position!.end.offset!;
    skeleton += text.slice(last, start);
    cuts.push(skeleton.length);
    removed.push(end - start + (removed.at(-1) ?? 0));
    last = end;
  }
  skeleton += text.slice(last);
  const tree = parse(skeleton);
  movePositions(tree, cuts, removed);
  tree.children = merge(tree.children, plain);
  const end = plain.at(-1)!.position!.end;
  if (tree.position && tree.position.end.offset! < end.offset!) tree.position.end = { ...end };
  return tree;
}

/** Where blocks may start: 0, or after the front matter's closing `---`; undefined if unclear. */
function bodyStart(text: string): number | undefined {
  if (!text.startsWith('---')) return 0;
  const close = /^---$/m;
  const first = text.indexOf('\n');
  if (first < 0) return undefined;
  const match = close.exec(text.slice(first + 1));
  if (!match) return undefined;
  const end = first + 1 + match.index + 3;
  return text[end] === '\n' ? end + 1 : undefined;
}

/** The plain one-line blocks of `text` from `from` on, in order, as micromark would make them. */
function plainBlocks(text: string, from: number): (Paragraph | Heading)[] {
  const starts: number[] = [];
  for (let at = from; at <= text.length; ) {
    starts.push(at);
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    at = end + 1;
  }
  const lineEnd = (i: number) => (i + 1 < starts.length ? starts[i + 1]! - 1 : text.length);
  const blank = starts.map((start, i) => /^[ \t]*$/.test(text.slice(start, lineEnd(i))));
  // Whether the next non-empty line after line i may continue a block across the lines between.
  // A line of spaces or tabs counts: it is blank, but indented code takes it in as its own.
  const continues: boolean[] = new Array(starts.length).fill(false);
  let next = false;
  for (let i = starts.length - 1; i >= 0; i--) {
    continues[i] = next;
    if (lineEnd(i) > starts[i]!) next = CONTINUES_BLOCK.test(text.slice(starts[i]!, lineEnd(i)));
  }
  // Line numbers: `from` is at line `firstLine`.
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < from; at = text.indexOf('\n', at + 1)) line++;
  const blocks: (Paragraph | Heading)[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = lineEnd(i);
    const blankBefore = i > 0 ? blank[i - 1] : start === 0;
    const blankAfter = i + 1 < starts.length ? blank[i + 1] : true;
    if (!blankBefore || !blankAfter || blank[i] || continues[i]) continue;
    const block = plainBlock(text.slice(start, end), line + i, start);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The paragraph or heading micromark makes of `value`, a line at `line` and `offset`, or undefined. */
function plainBlock(value: string, line: number, offset: number): Paragraph | Heading | undefined {
  const point = (column: number): Point => ({ line, column, offset: offset + column - 1 });
  const end = value.length + 1;
  const heading = HEADING.exec(value);
  const content = heading ? value.slice(heading[0].length) : value;
  if (content === '' || SYNTAX_CHARACTER.test(content) || /^\s|\s$/.test(content)) return undefined;
  if (heading) {
    if (content.includes('#')) return undefined;
    const column = heading[0].length + 1;
    const text = { type: 'text', value: content, position: { start: point(column), end: point(end) } } as const;
    return { type: 'heading', depth: heading[1]!.length as Heading['depth'], children: [text], position: { start: point(1), end: point(end) } };
  }
  if (!/^\p{L}/u.test(content)) return undefined;
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: content, position: { start: point(1), end: point(end) } }],
    position: { start: point(1), end: point(end) },
  };
}

/**
 * Moves every position of `node` from the emptied text to the source: a point after the i-th
 * emptied line moves by the length of the lines emptied up to it (`removed`, running sums).
 */
function movePositions(node: Root | RootContent, cuts: number[], removed: number[]): void {
  const position = node.position;
  if (position) position.start = moved(position.start as Point, cuts, removed);
  if (position) position.end = moved(position.end as Point, cuts, removed);
  if ('children' in node) for (const child of node.children) movePositions(child, cuts, removed);
}

function moved(point: Point, cuts: number[], removed: number[]): Point {
  // The number of cuts strictly before the point (a point at a cut is the emptied line's start).
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cuts[mid]! < point.offset) low = mid + 1;
    else high = mid;
  }
  return { line: point.line, column: point.column, offset: point.offset + (low > 0 ? removed[low - 1]! : 0) };
}

/** Two lists of blocks, each in source order, as one list in source order. */
function merge(parsed: RootContent[], plain: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let i = 0;
  for (const block of plain) {
    const at = block.position!.start.offset!;
    while (i < parsed.length && parsed[i]!.position!.start.offset! < at) out.push(parsed[i++]!);
    out.push(block);
  }
  while (i < parsed.length) out.push(parsed[i++]!);
  return out;
}
