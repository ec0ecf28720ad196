/**
 * A unit's string parsed as the build reads it (src/localize/units.ts): a list, quote or note as
 * blocks, anything else as one paragraph. Positions are kept, as offsets into the string, so a
 * rule can point at the character it means.
 */
import type { Link, Parent, Root, Text } from 'mdast';
import { parseMarkdown, parseParagraph } from '../../core/markdown.js';
import type { Segment } from '../../core/types.js';
import { visit } from 'unist-util-visit';
import { LRUCache } from 'lru-cache';
import { limits } from '../../core/limits.js';

/** Trees already parsed, by kind and string: each rule reads the same trees (and never changes them). */
export interface TreeCache {
  get(id: string): Root | Parent | undefined;
  set(id: string, tree: Root | Parent): unknown;
}

/**
 * The trees of this thread's recent validations. A translation is validated whole at every render,
 * and `serve` renders at every save of one of its units: the other units' strings (French and
 * translation) are the same, so only the saved one is parsed again. Bounded by the text behind the
 * trees (a tree is some ten times its string); the nesting cap the parse applied is in the key.
 */
const recent = new LRUCache<string, Root | Parent>({ max: 8192, maxSize: 512 * 1024, sizeCalculation: (_, id) => id.length + 1 });

export const sharedTrees: TreeCache = {
  get: (id) => recent.get(`${limits().nestingDepth}\0${id}`),
  set: (id, tree) => recent.set(`${limits().nestingDepth}\0${id}`, tree),
};

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
