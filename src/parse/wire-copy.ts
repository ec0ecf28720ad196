/**
 * Wire copy: agency text with one paragraph per line, no blank lines, and section headings as
 * short bare lines. CommonMark reads such a block as ONE paragraph; this step splits it back.
 *
 * Heuristic (documented in docs/parsing.md), applied to each top-level multi-line paragraph:
 * - a *heading line* is short (≤ 100 characters, ≤ 14 words), starts with an upper-case letter,
 *   a digit or a quote, and does not end with `. , ; : !` or `…`; it may end with `?` (then it
 *   must be ≤ 80 characters and hold a single sentence) and may contain ` : `;
 * - a *paragraph line* does not start in lower case (that would continue a sentence) and ends
 *   with sentence punctuation (`. ! ? …` possibly followed by a closing quote or bracket) or is
 *   longer than 100 characters;
 * - the block is wire copy when every line is one of the two, at least one is a paragraph line,
 *   and every heading line is followed by a paragraph line (a heading needs a body; two headings
 *   in a row or a trailing heading mean it is ordinary hard-wrapped prose).
 * Front matter `format: wire` forces the split, `format: markdown` disables it.
 */
import type { Root, Paragraph, Heading, PhrasingContent, RootContent } from 'mdast';
import type { Node, Point } from 'unist';
import { parseMarkdown } from '../core/markdown.js';

export type LineKind = 'heading' | 'paragraph' | 'prose';

const SENTENCE_END = /[.!?…]["'»”’)\]\s\u00a0\u202f]*$/;
const HEADING_START = /^[\p{Lu}\p{N}«"“'‘]/u;

/** Classifies one trimmed line of a multi-line block. */
export function classifyLine(line: string): LineKind {
  const words = line.split(/\s+/).filter(Boolean).length;
  const question = /\?\s*$/.test(line);
  const shortEnough = line.length <= (question ? 80 : 100) && words <= 14;
  const singleSentence = !/[.!?…]\s+\p{Lu}/u.test(line.replace(/\?\s*$/, ''));
  if (shortEnough && HEADING_START.test(line) && singleSentence && (question || !SENTENCE_END.test(line)) && !/[,;:]$/.test(line)) {
    return 'heading';
  }
  // A paragraph starts a sentence; a line starting in lower case continues the previous one.
  if (/^\p{Ll}/u.test(line)) return 'prose';
  if (SENTENCE_END.test(line) || line.length > 100) return 'paragraph';
  return 'prose';
}

/** Decides whether the lines of one block are wire copy (see the module comment). */
export function isWireCopy(kinds: readonly LineKind[]): boolean {
  if (kinds.length < 2 || kinds.includes('prose') || !kinds.includes('paragraph')) return false;
  return kinds.every((kind, i) => kind !== 'heading' || kinds[i + 1] === 'paragraph');
}

/**
 * Splits wire-copy paragraphs of `tree` (top level only) into headings (depth 2) and paragraphs,
 * keeping each piece's inline Markdown and its exact source position.
 */
export function splitWireCopy(tree: Root, source: string, mode: 'detect' | 'wire' | 'markdown'): Root {
  if (mode === 'markdown') return tree;
  const children: RootContent[] = [];
  for (const node of tree.children) {
    children.push(...(node.type === 'paragraph' ? splitParagraph(node, source, mode) : [node]));
  }
  return { ...tree, children };
}

function splitParagraph(node: Paragraph, source: string, mode: 'detect' | 'wire'): RootContent[] {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return [node];
  const text = source.slice(start.offset, end.offset);
  if (!text.includes('\n')) return [node];
  const lines = text.split('\n');
  const kinds = lines.map((line) => classifyLine(line.trim()));
  if (mode === 'detect' && !isWireCopy(kinds)) return [node];
  if (mode === 'wire') {
    kinds.forEach((kind, i) => {
      kinds[i] = kind === 'heading' && kinds[i + 1] !== undefined ? 'heading' : 'paragraph';
    });
  }

  const pieces: RootContent[] = [];
  let offset = start.offset;
  lines.forEach((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const origin: Point = { line: start.line + i, column: (i === 0 ? start.column : 1) + indent, offset: offset + indent };
    offset += raw.length + 1;
    if (!line) return;
    const inline = parseInline(line, origin);
    const position = { start: origin, end: { line: origin.line, column: origin.column + line.length, offset: (origin.offset ?? 0) + line.length } };
    pieces.push(
      kinds[i] === 'heading'
        ? ({ type: 'heading', depth: 2, children: inline, position } satisfies Heading)
        : ({ type: 'paragraph', children: inline, position } satisfies Paragraph),
    );
  });
  return pieces;
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
