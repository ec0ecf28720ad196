/**
 * Code blocks and `$$` formulas: blocks shown as written in every language (`verbatim`), never
 * extracted for translation nor typeset. The segment's Markdown is the block's own source (a
 * fenced block keeps its language), read back as that one block in every edition.
 */
import type { Code, RootContent } from 'mdast';
import type { Math as MathBlock } from 'mdast-util-math';
import type { Place, Segment, SegmentKind } from '../core/types.js';
import { blocksToMarkdown } from '../core/markdown.js';

/** Whether `node` is a block kept verbatim: a code block or a display formula. */
export function isVerbatimBlock(node: RootContent): node is Code | MathBlock {
  return node.type === 'code' || node.type === 'math';
}

/** The verbatim segment of a code block (kind `code`) or a formula (kind `math`) under `key`. */
export function verbatimSegment(node: Code | MathBlock, key: string, place: Place): Segment {
  const kind: SegmentKind = node.type === 'code' ? 'code' : 'math';
  // Indented code is written fenced: one form, with its language when it has one.
  return {
    key,
    kind,
    markdown: blocksToMarkdown([{ ...node, position: undefined }] as RootContent[]),
    place,
    verbatim: true,
  };
}
