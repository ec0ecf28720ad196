/**
 * Turns the Markdown of one translation unit back into mdast, parsed as the unit's kind, so that no
 * string can change the document's structure:
 * - a title, heading or figure label is one line of inline content;
 * - a paragraph is one paragraph: `# `, a fence, `---`, `>`, `- `, raw HTML in it are text;
 * - a list or quote is that one block, or, when the string is not (the French's shape is not
 *   kept), its words as one paragraph of text. `check` and `build` report that case as an error
 *   (src/translate/lint/shape.ts); this keeps even an unchecked string from adding structure.
 * Raw HTML is never interpreted: it becomes text, which the Markdown serialiser escapes.
 */
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import type { Node } from 'unist';
import { oneLine, parseMarkdown, parseParagraph } from '../core/markdown.js';
import type { UnitState } from '../core/types.js';

/** The kinds of block unit (a French paragraph, list or quote). */
export type BlockKind = 'paragraph' | 'list' | 'blockquote';

/** Inline content of a title, heading or figure label string: one line, never a block. */
export function inlineUnit(markdown: string): PhrasingContent[] {
  return oneLine(defuse(parseParagraph(markdown)).children);
}

/** The one block of a paragraph, list or quote string, of the unit's `kind`. */
export function blockUnit(markdown: string, kind: BlockKind): BlockContent[] {
  if (kind !== 'paragraph') {
    const nodes = parseMarkdown(markdown).children;
    const only = nodes[0];
    if (nodes.length === 1 && only?.type === kind) return [defuse(only)];
  }
  return [defuse(parseParagraph(markdown))];
}

/**
 * The one code block or formula of a verbatim segment (the French source's own Markdown, never a
 * translation). Anything else in the string is dropped: a verbatim segment adds no other block.
 */
export function verbatimUnit(markdown: string): BlockContent[] {
  const only = parseMarkdown(markdown).children[0];
  return only && (only.type === 'code' || only.type === 'math') ? [defuse(only)] : [];
}

/**
 * Raw HTML written in a string is shown as text, not interpreted: it is untrusted, and the
 * Markdown serialiser will escape it. Position data is dropped: it points into a string, not a file.
 * (Also used by ./notes.ts.)
 */
export function defuse<T extends RootContent>(node: T): T {
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

/** The state of a block made of parts shown in French: stale if one is, else invalid if one is, else missing. */
export function fallbackState(parts: readonly { state: UnitState }[]): UnitState {
  if (parts.some((part) => part.state === 'stale')) return 'stale';
  return parts.some((part) => part.state === 'invalid') ? 'invalid' : 'missing';
}
