/**
 * A unit's string parsed as the build reads it (src/localize/units.ts): a list, quote or note as
 * blocks, anything else as one paragraph. Positions are kept, as offsets into the string, so a
 * rule can point at the character it means.
 */
import type { Link, Parent, Root, Text } from 'mdast';
import { parseMarkdown, parseParagraph } from '../../core/markdown.js';
import type { Segment } from '../../core/types.js';
import { visit } from 'unist-util-visit';

/**
 * Trees already parsed in one validation, by kind and string: each rule reads the same trees.
 * Between validations (every render in `serve`), parseMarkdown and parseParagraph keep their
 * parses themselves (core/tree-memo.ts).
 */
export type TreeCache = Map<string, Root | Parent>;

/** The tree of `value`, the translation (or French) of a unit of `kind` (from `cache` when given). */
export function unitTree(value: string, kind: Segment['kind'], cache?: TreeCache): Root | Parent {
  const block = kind === 'list' || kind === 'blockquote' || kind === 'note';
  const id = `${block ? 'b' : 'p'}${value}`;
  const known = cache?.get(id);
  if (known) return known;
  const tree = block ? parseMarkdown(value) : parseParagraph(value);
  cache?.set(id, tree);
  return tree;
}

/** One run of literal text as written in the string: its source slice and where it starts. */
export interface TextRun {
  source: string;
  offset: number;
}

/** The literal text of `tree` (text nodes only: code, links' addresses and HTML are not text), as written in `value`. */
export function textRuns(tree: Root | Parent, value: string): TextRun[] {
  const runs: TextRun[] = [];
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) runs.push({ source: value.slice(start, end), offset: start });
  });
  return runs;
}

/**
 * The links written `[text](address)` in `value` (whose tree is `tree`), in reading order: not the
 * addresses GFM turns into links by themselves (`www.x.fr`, `<https://…>`), which need no syntax.
 */
export function linksOf(tree: Root | Parent, value: string): Link[] {
  const links: Link[] = [];
  visit(tree, 'link', (node: Link) => {
    if (value[node.position?.start.offset ?? -1] === '[') links.push(node);
  });
  return links;
}
