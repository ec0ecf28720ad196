/**
 * A callout (a block quote marked `data.callout` by ./callouts.ts) as a composite block: kind
 * `callout`, its type, and its parts — the title when the source gives one (`<key>.title`), then
 * each block (`<key>.1`, `<key>.2`, …: a paragraph, list or quote unit, a code block or formula
 * shown as written, a table whose cells are units, or a nested callout).
 */
import type { Blockquote, RootContent } from 'mdast';
import type { Segment } from '../core/types.js';
import { blocksToMarkdown, inlineToMarkdown } from '../core/markdown.js';
import { isVerbatimBlock, verbatimSegment } from './code.js';
import { tableSegment } from './tables.js';
import { placeOf } from './place.js';

const PART_KINDS = { paragraph: 'paragraph', list: 'list', blockquote: 'blockquote' } as const;

/** The callout's segment; `unsupported` is told of each block a callout cannot hold (it is left out). */
export function calloutSegment(node: Blockquote, key: string, unsupported: (node: RootContent) => void): Segment {
  const parts: Segment[] = [];
  const title = node.data?.calloutTitle;
  if (title) parts.push({ key: `${key}.title`, kind: 'heading', markdown: inlineToMarkdown(title, 2), place: placeOf(node) });
  for (const child of node.children) {
    const partKey = `${key}.${parts.length + (title ? 0 : 1)}`;
    if (child.type === 'blockquote' && child.data?.callout) parts.push(calloutSegment(child, partKey, unsupported));
    else if (isVerbatimBlock(child)) parts.push(verbatimSegment(child, partKey, placeOf(child)));
    else if (child.type === 'table') parts.push(tableSegment(child, partKey, placeOf(child)));
    else if (child.type in PART_KINDS) {
      parts.push({ key: partKey, kind: PART_KINDS[child.type as keyof typeof PART_KINDS], markdown: blocksToMarkdown([child]), place: placeOf(child) });
    } else unsupported(child);
  }
  const source: Blockquote = {
    type: 'blockquote',
    children: [...(title ? [{ type: 'paragraph' as const, children: [{ type: 'strong' as const, children: title }] }] : []), ...node.children],
  };
  return { key, kind: 'callout', callout: node.data?.callout ?? 'note', markdown: blocksToMarkdown([source]), place: placeOf(node), parts };
}
