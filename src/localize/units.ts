/** Turns the Markdown of one translation unit back into mdast, defusing raw HTML on the way. */
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import type { Node } from 'unist';
import { parseMarkdown } from '../core/markdown.js';
import { toString as plainText } from 'mdast-util-to-string';

/** Inline content of a title or heading string. */
export function inlineUnit(markdown: string): PhrasingContent[] {
  const nodes = parseMarkdown(markdown).children.map(defuse);
  const first = nodes[0];
  if (nodes.length === 1 && first && (first.type === 'paragraph' || first.type === 'heading')) return first.children;
  // Several blocks where one line was expected: keep the words, drop the structure.
  return [{ type: 'text', value: nodes.map((node) => plainText(node)).join(' ') }];
}

/** Block content of a paragraph, list or quote string. */
export function blockUnit(markdown: string): BlockContent[] {
  return parseMarkdown(markdown).children.map(defuse) as BlockContent[];
}

/**
 * Raw HTML written in a string is shown as text, not interpreted: it is untrusted, and the
 * Markdown serialiser will escape it. Position data is dropped: it points into a string, not a file.
 */
function defuse<T extends RootContent>(node: T): T {
  return strip(node) as T;
}

function strip(node: Node): Node {
  if (node.type === 'html') return { type: 'text', value: (node as unknown as { value: string }).value } as Node;
  const copy: Node & { children?: Node[] } = { ...node };
  delete copy.position;
  const children = (node as { children?: Node[] }).children;
  if (children) copy.children = children.map(strip);
  return copy;
}
