/**
 * Callouts from fenced divs and admonitions (Pandoc/Quarto `::: {.callout-note}`, VuePress and
 * Docusaurus `::: tip Titre`, `:::warning`) and GitHub alerts (`> [!NOTE]`).
 *
 * CommonMark reads a `:::` line as paragraph text, glued to the paragraph before or after it when
 * no blank line separates them (even as a lazy line of a list item). So the fence lines are found
 * in the source first ({@link blankFenceLines}: outside code, front matter and raw HTML), replaced
 * by empty lines — the same number of lines, so every position stays right — and the text is
 * parsed again; then {@link groupCallouts} gathers the top-level blocks between an opening and its
 * closing fence into a block quote marked as a callout (`data.callout`, `data.calloutTitle`).
 * Both steps are linear in the size of the file.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { parseParagraph } from '../core/markdown.js';
import { toString as plainText } from 'mdast-util-to-string';
import { alertMarker, readFenceInfo } from './callout-types.js';

/** A `:::` line: an opening fence has an info string (a name, attributes or a title), a closing one has none. */
interface Fence {
  line: number;
  info: string;
}

/** The source with its fence lines emptied, and the fences found; undefined when there are none. */
export interface FencedSource {
  text: string;
  fences: Fence[];
}

/** Lines (1-based) where a fence cannot be: inside code, front matter and raw HTML blocks. */
function literalLines(tree: Root, lineCount: number): Uint8Array {
  const literal = new Uint8Array(lineCount + 2);
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' || node.type === 'yaml' || node.type === 'html' || node.type === 'inlineCode') {
      const from = node.position?.start.line ?? 0;
      const to = node.position?.end.line ?? -1;
      for (let line = from; line <= to; line++) literal[line] = 1;
    } else {
      const children = (node as { children?: Node[] }).children;
      if (children) stack.push(...children);
    }
  }
  return literal;
}

/** The text after a line's colons when the line is a fence (up to 3 spaces, then 3 or more colons). */
function fenceInfo(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let colons = 0;
  while (line[i + colons] === ':') colons++;
  if (colons < 3) return undefined;
  return line.slice(i + colons).trim();
}

/**
 * Finds the fence lines of `text` (as parsed into `tree`) and empties them. Quick exit when the
 * text holds no `:::` at all, so files without containers are parsed once.
 */
export function blankFenceLines(tree: Root, text: string): FencedSource | undefined {
  if (!text.includes(':::')) return undefined;
  const lines = text.split('\n');
  const literal = literalLines(tree, lines.length);
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = literal[i + 1] ? undefined : fenceInfo(lines[i]!);
    if (info === undefined) continue;
    fences.push({ line: i + 1, info });
    lines[i] = '';
  }
  return fences.length > 0 ? { text: lines.join('\n'), fences } : undefined;
}

interface Open {
  fence: Fence;
  children: RootContent[];
}

/**
 * Gathers the top-level blocks between matching fences into callouts. A closing fence closes the
 * innermost open one (`::::` around `:::` nests); an opening fence never closed is reported at its
 * line and its content stays as ordinary blocks; a stray closing fence is dropped.
 */
export function groupCallouts(tree: Root, fences: readonly Fence[], file: string, diagnostics: Diagnostic[]): Root {
  // Match fences first, so an unclosed one can be left out before any block moves.
  const closing = new Map<number, Fence>();
  const stack: Fence[] = [];
  for (const fence of fences) {
    if (fence.info) stack.push(fence);
    else {
      const open = stack.pop();
      if (open) closing.set(open.line, fence);
    }
  }
  for (const open of stack)
    diagnostics.push(ruleDiagnostic('briefing:unclosed-container', file, { fence: `:::${open.info ? ` ${open.info}` : ''}` }, { line: open.line, column: 1 }));
  const closers = new Set([...closing.values()].map((fence) => fence.line));
  const events = fences.filter((fence) => closing.has(fence.line) || closers.has(fence.line));

  const root: RootContent[] = [];
  const open: Open[] = [];
  let next = 0;
  const target = () => open.at(-1)?.children ?? root;
  const flush = (beforeLine: number) => {
    while (next < events.length && events[next]!.line < beforeLine) {
      const fence = events[next++]!;
      if (!closers.has(fence.line)) open.push({ fence, children: [] });
      else {
        const done = open.pop()!;
        target().push(callout(done, fence));
      }
    }
  };
  for (const node of tree.children) {
    flush(node.position?.start.line ?? 0);
    target().push(node);
  }
  flush(Number.POSITIVE_INFINITY);
  return { ...tree, children: root.map(alertToCallout) };
}

/** The callout of an open fence and its content. */
function callout(open: Open, close: Fence): Blockquote {
  const info = readFenceInfo(open.fence.info);
  let title: PhrasingContent[] | undefined;
  if (info.title) {
    const children = parseParagraph(info.title).children;
    if (plainText({ type: 'paragraph', children }).trim()) title = children;
  }
  const children = [...open.children];
  // Quarto: a heading right after the fence is the callout's title.
  const first = children[0];
  if (!title && first?.type === 'heading') {
    title = first.children;
    children.shift();
  }
  return {
    type: 'blockquote',
    children: children.map(asCalloutBlock) as Blockquote['children'],
    data: { callout: info.type, ...(title ? { calloutTitle: title } : {}) },
    position: { start: { line: open.fence.line, column: 1 }, end: { line: close.line, column: 1 } },
  };
}

/** A heading inside a callout is not a section: its words are kept as a bold paragraph. */
function asCalloutBlock(node: RootContent): RootContent {
  if (node.type !== 'heading') return node;
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: node.children }] };
  if (node.position) paragraph.position = node.position;
  return paragraph;
}

/** A GitHub alert (`> [!TIP]` on the quote's first line) becomes a callout of that type, the marker removed. */
function alertToCallout(node: RootContent): RootContent {
  if (node.type !== 'blockquote' || node.data?.callout) return node;
  const paragraph = node.children[0];
  const text = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  if (paragraph?.type !== 'paragraph' || text?.type !== 'text') return node;
  const marker = alertMarker(text.value);
  if (!marker) return node;
  const rest = text.value.slice(marker.length).replace(/^[ \t]*\n?/, '');
  const inline = rest ? [{ ...text, value: rest }, ...paragraph.children.slice(1)] : paragraph.children.slice(1);
  // A line break right after the marker (`[!NOTE]  ` then a line) would start the text.
  if (inline[0]?.type === 'break') inline.shift();
  const children = inline.length > 0 ? [{ ...paragraph, children: inline }, ...node.children.slice(1)] : node.children.slice(1);
  return { ...node, children, data: { ...node.data, callout: marker.type } };
}
