/**
 * A unit's Markdown as XLIFF inline content: the words are text a translator edits; every piece of
 * Markdown syntax (emphasis and link delimiters, a link's URL, inline code, footnote calls, line
 * breaks, list and quote markers) becomes an inline code holding its Markdown verbatim, which CAT
 * tools show as a protected tag. `markdownOf` joins them back: text and codes in order give the
 * exact string they came from, so an unedited unit round-trips byte for byte.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown, parseParagraph } from '../../core/markdown.js';
import type { SegmentKind } from '../../core/types.js';

/** What a code stands for, as XLIFF's `type`/`ctype` families: formatting, a link, anything else. */
type CodeRole = 'fmt' | 'link' | 'other';

/** A standalone code (XLIFF 2.0 `<ph>`, 1.2 `<ph>`): inline code, a footnote call, a break, a marker. */
export interface Placeholder {
  kind: 'ph';
  id: string;
  role: CodeRole;
  /** The Markdown it stands for, verbatim. */
  data: string;
}

/** A paired code around text (2.0 `<pc>`, 1.2 `<bpt>`…`<ept>`): emphasis, strong, strikethrough, a link. */
export interface PairedCode {
  kind: 'pc';
  id: string;
  role: CodeRole;
  open: string;
  close: string;
  children: Inline[];
}

/** Inline content: text (Markdown as written) and codes. */
export type Inline = string | Placeholder | PairedCode;

/** Nodes with a Markdown delimiter either side of their children. */
const PAIRED = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'superscript', 'subscript']);
/** Blocks whose own text is only markers: their children are read through. */
const CONTAINERS = new Set(['root', 'paragraph', 'list', 'listItem', 'blockquote', 'heading']);
/**
 * Syntax inside a text node, protected too: a line ending with the indentation or quote markers that
 * start the next line, a footnote call written as text (`[^1]`), an interpolation (`{{name}}`).
 */
const TEXT_CODES = /\n[ \t>]*|\[\^[^\]\s[^]+\]|\{\{[^{}]+\}\}/g;

/** The units read as one block (the others are one paragraph of inline content), as src/localize/units.ts does. */
function parse(markdown: string, kind: SegmentKind) {
  return kind === 'list' || kind === 'blockquote' ? parseMarkdown(markdown) : parseParagraph(markdown);
}

/**
 * `markdown` as inline content, codes numbered from 1 in reading order. Should the parser's
 * positions not cover the string exactly (it rewrites too-deep nesting), the whole string is one
 * text: never a changed string.
 */
export function inlineOf(markdown: string, kind: SegmentKind): Inline[] {
  let next = 1;
  const id = () => String(next++);
  const slice = (from: number, to: number) => markdown.slice(from, to);

  const text = (from: number, to: number, out: Inline[]) => {
    const value = slice(from, to);
    let cursor = 0;
    for (const match of value.matchAll(TEXT_CODES)) {
      if (match.index > cursor) out.push(value.slice(cursor, match.index));
      out.push({ kind: 'ph', id: id(), role: match[0].startsWith('\n') ? 'fmt' : 'other', data: match[0] });
      cursor = match.index + match[0].length;
    }
    if (cursor < value.length) out.push(value.slice(cursor));
  };
  const code = (from: number, to: number, out: Inline[], role: CodeRole = 'fmt') => {
    if (to > from) out.push({ kind: 'ph', id: id(), role, data: slice(from, to) });
  };
  const walk = (node: Nodes, from: number, to: number, out: Inline[]) => {
    let cursor = from;
    for (const child of 'children' in node ? (node.children as Nodes[]) : []) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if (start === undefined || end === undefined) throw new RangeError('no position');
      code(cursor, start, out);
      visit(child, start, end, out);
      cursor = end;
    }
    code(cursor, to, out);
  };
  const visit = (node: Nodes, from: number, to: number, out: Inline[]) => {
    const children = 'children' in node ? (node.children as Nodes[]) : [];
    const first = children[0]?.position?.start.offset;
    const last = children.at(-1)?.position?.end.offset;
    if (node.type === 'text') text(from, to, out);
    else if (CONTAINERS.has(node.type)) walk(node, from, to, out);
    else if (PAIRED.has(node.type) && first !== undefined && last !== undefined) {
      const role: CodeRole = node.type === 'link' || node.type === 'linkReference' ? 'link' : 'fmt';
      const pair: PairedCode = { kind: 'pc', id: id(), role, open: slice(from, first), close: slice(last, to), children: [] };
      out.push(pair);
      walk(node, first, last, pair.children);
    } else code(from, to, out, node.type === 'footnoteReference' || node.type === 'image' ? 'other' : 'fmt');
  };

  try {
    const out: Inline[] = [];
    walk(parse(markdown, kind), 0, markdown.length, out);
    if (markdownOf(out) === markdown) return out;
  } catch {
    // fall through: one text run
  }
  return markdown === '' ? [] : [markdown];
}

/** The Markdown of inline content: text as written, each code's Markdown in its place. */
function markdownOf(content: readonly Inline[]): string {
  let out = '';
  for (const item of content) {
    if (typeof item === 'string') out += item;
    else if (item.kind === 'ph') out += item.data;
    else out += item.open + markdownOf(item.children) + item.close;
  }
  return out;
}

/** Every code of `content`, depth first, in reading order. */
export function codesOf(content: readonly Inline[]): (Placeholder | PairedCode)[] {
  return content.flatMap((item) => (typeof item === 'string' ? [] : item.kind === 'ph' ? [item] : [item, ...codesOf(item.children)]));
}

/**
 * Gives the target's codes the ids of the source's codes with the same Markdown (first unused, in
 * order), and fresh ids after the source's to the others: unchanged markup keeps its ids, as XLIFF
 * asks of a target that corresponds to its source.
 */
export function matchIds(source: readonly Inline[], target: readonly Inline[]): void {
  const signature = (code: Placeholder | PairedCode) => (code.kind === 'ph' ? `ph\u0000${code.data}` : `pc\u0000${code.open}\u0000${code.close}`);
  const free = new Map<string, string[]>();
  const sourceCodes = codesOf(source);
  for (const code of sourceCodes) free.set(signature(code), [...(free.get(signature(code)) ?? []), code.id]);
  let next = sourceCodes.length + 1;
  for (const code of codesOf(target)) code.id = free.get(signature(code))?.shift() ?? String(next++);
}
