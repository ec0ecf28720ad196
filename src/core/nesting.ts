/**
 * Bounded nesting for every Markdown tree the tool builds (articles, translations, the content
 * template's output). Deep nesting is cheap to write (`> ` × 1 000, `- ` × 10 000 on one line)
 * and costly to process: micromark re-checks every open container on each line (quadratic in
 * the depth), and each renderer walks the tree recursively (a stack overflow past ~1 000 levels).
 * So nesting is bounded twice, both in linear time and without recursion:
 * - before parsing, a line whose container markers (`>`, `-`, `*`, `+`, `1.`) go deeper than the
 *   limit gets a backslash before the first marker too many: from there on the line is text;
 * - after parsing, quotes and lists deeper than the limit (nested over several lines, by
 *   indentation) are replaced by their content, and so are emphasis and links inside a line.
 * Within the limit nothing changes, byte for byte.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { Place } from './types.js';

/** Where nesting was cut, if it was: the first place of each kind. */
export interface NestingCuts {
  /** Quotes and lists. */
  blocks?: Place;
  /** Emphasis, strong, strike-through and links. */
  inline?: Place;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * `text` with every line's container prefix cut at `maxDepth` markers (a backslash makes the
 * marker too many literal); `cut` is the first place cut. The same string when nothing is cut.
 */
export function capLinePrefixes(text: string, maxDepth: number): { text: string; cut?: Place } {
  const pieces: string[] = [];
  let copied = 0;
  let cut: Place | undefined;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    let depth = 0;
    while (i < end) {
      while (i < end && isBlank(text[i])) i++;
      const c = text[i];
      let width = 0;
      let escapeAt = i;
      if (c === '>') width = 1;
      else if ((c === '-' || c === '*' || c === '+') && isBlank(text[i + 1])) width = 2;
      else if (isDigit(c)) {
        let j = i;
        while (j < end && j - i < 9 && isDigit(text[j])) j++;
        if ((text[j] === '.' || text[j] === ')') && isBlank(text[j + 1])) {
          width = j + 2 - i;
          escapeAt = j;
        }
      }
      if (width === 0) break;
      if (++depth > maxDepth) {
        pieces.push(text.slice(copied, escapeAt), '\\');
        copied = escapeAt;
        cut ??= { line, column: i - start + 1 };
        break;
      }
      i += width;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  if (!cut) return { text };
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), cut };
}

const BLOCK_CONTAINERS = new Set(['blockquote', 'list']);
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Replaces, in place, every quote or list deeper than `maxDepth` by its content (a list by its
 * items' content), and every emphasis or link deeper than `maxDepth` inside a line by its
 * children. Iterative: the tree may be arbitrarily deep when this runs.
 */
export function flattenDeepNesting(tree: Root, maxDepth: number): NestingCuts {
  const cuts: NestingCuts = {};
  const stack: { node: Parent; blocks: number; inline: number }[] = [{ node: tree, blocks: 0, inline: 0 }];
  while (stack.length > 0) {
    const { node, blocks, inline } = stack.pop()!;
    if (blocks >= maxDepth) unwrap(node, BLOCK_CONTAINERS, (place) => (cuts.blocks ??= place));
    if (inline >= maxDepth) unwrap(node, INLINE_CONTAINERS, (place) => (cuts.inline ??= place));
    for (const child of node.children as Nodes[]) {
      if (!('children' in child)) continue;
      stack.push({
        node: child,
        blocks: blocks + (BLOCK_CONTAINERS.has(child.type) ? 1 : 0),
        inline: inline + (INLINE_CONTAINERS.has(child.type) ? 1 : 0),
      });
    }
  }
  return cuts;
}

/** Replaces the children of `parent` of a type in `types` by their content, to any depth. */
function unwrap(parent: Parent, types: ReadonlySet<string>, onCut: (place: Place) => void): void {
  if (!parent.children.some((child) => types.has(child.type))) return;
  const out: Nodes[] = [];
  const work = [...(parent.children as Nodes[])].reverse();
  while (work.length > 0) {
    const node = work.pop()!;
    if (!types.has(node.type) || !('children' in node)) {
      out.push(node);
      continue;
    }
    const start = node.position?.start;
    onCut({ line: start?.line ?? 1, column: start?.column ?? 1 });
    // A list's content is its items' content; anything else's is its children.
    const inner = (node.children as Nodes[]).flatMap((child) => (child.type === 'listItem' ? (child.children as Nodes[]) : [child]));
    for (let k = inner.length - 1; k >= 0; k--) work.push(inner[k]!);
  }
  parent.children = out as Parent['children'];
}
