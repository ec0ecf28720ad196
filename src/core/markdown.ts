/**
 * The one set of Markdown serialisation settings, used for locale strings and `.md` output alike,
 * so a string round-trips unchanged between extraction, templates and rendering.
 */
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Root, RootContent, PhrasingContent, Heading } from 'mdast';
import { capLinePrefixes, flattenDeepNesting } from './nesting.js';
import { limits } from './limits.js';

export const MARKDOWN_OPTIONS: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
};

/** Serialises block nodes to CommonMark (no trailing newline). */
export function blocksToMarkdown(nodes: RootContent[]): string {
  return toMarkdown({ type: 'root', children: nodes } as Root, MARKDOWN_OPTIONS).trimEnd();
}

/**
 * Serialises inline content as the text of a heading of `depth`, without the `#` marks:
 * escaping is then right for a heading line (where a trailing `#` would otherwise vanish).
 */
export function inlineToMarkdown(children: PhrasingContent[], depth: Heading['depth'] = 2): string {
  const line = blocksToMarkdown([{ type: 'heading', depth, children }]);
  return line.slice(depth + 1);
}

/**
 * Parses a Markdown string into mdast (CommonMark only, positions kept), with quotes, lists and
 * emphasis nested at most `nestingDepth` deep (src/core/nesting.ts): deeper levels are flattened.
 */
export function parseMarkdown(text: string): Root {
  const depth = limits().nestingDepth;
  const tree = fromMarkdown(capLinePrefixes(text, depth).text);
  flattenDeepNesting(tree, depth);
  return tree;
}
