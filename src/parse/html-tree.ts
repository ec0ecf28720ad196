/**
 * A piece of raw HTML → hast, as a browser reads it (parse5, then hast-util-from-parse5): nesting
 * capped before the recursive conversion, positions moved into the article file, and the elements
 * a briefing cannot show (scripts, embeds, forms…) taken out, each name reported once per file.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { fromParse5 } from 'hast-util-from-parse5';
import { VFile } from 'vfile';
import type { Element, Nodes, Root } from 'hast';
import type { Point } from 'unist';
import { DEFAULTS } from '../core/defaults.js';

type P5Parent = DefaultTreeAdapterMap['parentNode'];
type P5Child = DefaultTreeAdapterMap['childNode'];

const DROPPED: ReadonlySet<string> = new Set(DEFAULTS.rawHtml.droppedElements);

/** Whether an element of this name is left out with its content. */
export function isDropped(tagName: string): boolean {
  return DROPPED.has(tagName.toLowerCase());
}

/** A dropped element, where it starts in the article file (when known). */
export interface DroppedElement {
  name: string;
  start: Point | undefined;
}

/**
 * Parses `html` as the content of a `<body>`. With `at` (where the HTML starts in the article),
 * nodes carry their line and column in the article: on the first line the columns are shifted by
 * `at.column`, later lines start at column 1 (true for an HTML block at the left margin).
 */
export function htmlToHast(html: string, at: Point | undefined): { tree: Root; dropped: DroppedElement[] } {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: at !== undefined });
  capNesting(fragment, DEFAULTS.rawHtml.nestingDepth);
  const tree = fromParse5(fragment, at ? { file: new VFile(html) } : {}) as Root;
  if (at) shiftPositions(tree, at);
  return { tree, dropped: dropElements(tree) };
}

/**
 * Elements deeper than `depth` give their children to their parent (as wrappers do), so the
 * recursive converters below never see a deeper tree. Dropped elements lose their content here
 * (it is never shown). Iterative and linear: each node is visited once.
 */
function capNesting(root: P5Parent, depth: number): void {
  const stack: { node: P5Parent; level: number }[] = [{ node: root, level: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, level } = item;
    if ('tagName' in node && isDropped(node.tagName)) {
      node.childNodes = [];
      if ('content' in node) node.content.childNodes = [];
      continue;
    }
    const kept: P5Child[] = [];
    const pending = [...node.childNodes].reverse();
    for (let child = pending.pop(); child; child = pending.pop()) {
      if (!('tagName' in child)) {
        // Text set free by unwrapping joins the text before it: one node, not thousands.
        const last = kept.at(-1);
        if (child.nodeName === '#text' && last?.nodeName === '#text' && 'value' in last && 'value' in child) {
          last.value += child.value;
          if (last.sourceCodeLocation && child.sourceCodeLocation) {
            last.sourceCodeLocation = {
              ...last.sourceCodeLocation,
              endLine: child.sourceCodeLocation.endLine,
              endCol: child.sourceCodeLocation.endCol,
              endOffset: child.sourceCodeLocation.endOffset,
            };
          }
        } else kept.push(child);
        continue;
      }
      if (level + 1 > depth && !isDropped(child.tagName)) {
        for (let i = child.childNodes.length - 1; i >= 0; i--) pending.push(child.childNodes[i]!);
        continue;
      }
      child.parentNode = node;
      kept.push(child);
      stack.push({ node: 'content' in child ? child.content : child, level: level + 1 });
    }
    node.childNodes = kept;
  }
}

/** Moves every position from the HTML string into the article file. */
function shiftPositions(tree: Root, at: Point): void {
  const shift = (point: Point): Point => ({
    line: point.line + at.line - 1,
    column: point.line === 1 ? point.column + at.column - 1 : point.column,
    ...(point.offset !== undefined && at.offset !== undefined ? { offset: point.offset + at.offset } : {}),
  });
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) node.position = { start: shift(node.position.start), end: shift(node.position.end) };
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** Takes the dropped elements out of the tree; returns them in document order. */
function dropElements(tree: Root): DroppedElement[] {
  const dropped: DroppedElement[] = [];
  const stack: (Root | Element)[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const children: (typeof node.children)[number][] = [];
    for (const child of node.children as (typeof node.children)[number][]) {
      if (child.type === 'element' && isDropped(child.tagName)) {
        dropped.push({ name: child.tagName.toLowerCase(), start: child.position?.start });
        continue;
      }
      children.push(child);
      if (child.type === 'element') stack.push(child);
    }
    node.children = children as typeof node.children;
  }
  return dropped.sort((a, b) => (a.start?.offset ?? 0) - (b.start?.offset ?? 0));
}
