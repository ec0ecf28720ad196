/** Where a parsed node starts in its article, as a `Place` (1:1 when the node has no position). */
import type { Node } from 'unist';
import type { Place } from '../core/types.js';

export function placeOf(node: Node): Place {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}
