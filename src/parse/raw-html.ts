/**
 * Raw HTML in an article → the same mdast as Markdown would give (docs/parsing.md, "Raw HTML"),
 * before the article is assembled, so an HTML `<h2>` starts a section, an HTML table reaches the
 * tables' renderers and no tag is ever printed:
 * - an HTML block (`html` node among blocks) is parsed (./html-tree.ts) and mapped
 *   (./html-to-mdast.ts) in place, its blocks placed in the article file;
 * - a paragraph, heading or table cell holding inline HTML (`<span lang="en">`, `text`,
 *   `</span>` are separate `html` and text nodes) is reassembled as rehype-raw does it: written
 *   as HTML with its tags, read again, mapped back. Blocks without HTML are not touched.
 * Scripts, embeds and forms are left out with a `briefing:dropped-html` warning; comments silently.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { flattenDeepNesting } from '../core/nesting.js';
import { limits } from '../core/limits.js';
import { htmlToHast, isDropped, type DroppedElement } from './html-tree.js';
import { hastToMdast } from './html-to-mdast.js';

/** Blocks whose children are blocks: where an HTML block can stand. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
/** Blocks whose children are inline content: where inline HTML can stand. */
const INLINE_PARENTS = new Set(['paragraph', 'heading']);
/** Parents walked through to reach the kinds above (table cells: see mapCells). */
const PASS_THROUGH = new Set(['list']);

/** An opening tag at the start of an inline `html` node: its element name. */
const OPENING_TAG = /^<([A-Za-z][A-Za-z0-9-]*)/;

/** Maps every piece of raw HTML in `tree` in place; warnings go to `diagnostics`. */
export function mapRawHtml(tree: Root, file: string, diagnostics: Diagnostic[]): void {
  const reported = new Set<string>();
  const report = (dropped: DroppedElement[]) => {
    for (const { name, start } of dropped) {
      if (reported.has(name)) continue;
      reported.add(name);
      diagnostics.push(ruleDiagnostic('briefing:dropped-html', file, { element: name }, { line: start?.line ?? 1, column: start?.column ?? 1 }));
    }
  };
  let changed = false;
  const stack: Parent[] = [tree];
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    if (!BLOCK_PARENTS.has(parent.type)) {
      for (const child of parent.children) if (isParent(child)) stack.push(child);
      continue;
    }
    const children: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'html') {
        const { tree: hast, dropped } = htmlToHast(child.value, child.position?.start);
        report(dropped);
        children.push(...placed(hastToMdast(hast), child));
        changed = true;
      } else if (INLINE_PARENTS.has(child.type) && holdsHtml(child)) {
        children.push(...reassemble(child as Parent, report));
        changed = true;
      } else {
        children.push(child);
        if (isParent(child) && (BLOCK_PARENTS.has(child.type) || PASS_THROUGH.has(child.type))) stack.push(child);
      }
    }
    parent.children = children;
    // Table cells: inline HTML in them is mapped in place (a cell stays a cell).
    for (const child of children) if (child.type === 'table') mapCells(child, report);
  }
  // HTML can nest quotes and lists deeper than Markdown may: capped as the article's own.
  if (changed) flattenDeepNesting(tree, limits().nestingDepth);
}

function isParent(node: Nodes): node is Parent & RootContent {
  return 'children' in node;
}

/** Whether inline content holds a raw `html` node at any depth (iterative). */
function holdsHtml(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.type === 'html') return true;
    if ('children' in current) for (const child of current.children) stack.push(child);
  }
  return false;
}

/**
 * A block with inline HTML, read again as a browser would read it. Dropped elements are reported
 * at their opening tag's `html` node (the reparse has no place in the file); the blocks that come
 * out take the block's own place.
 */
function reassemble(block: Parent, report: (dropped: DroppedElement[]) => void): RootContent[] {
  report(droppedTags(block));
  const hast = toHast({ type: 'root', children: [block as RootContent] }, { allowDangerousHtml: true });
  const { tree } = htmlToHast(toHtml(hast, { allowDangerousHtml: true }), undefined);
  return placed(hastToMdast(tree), block);
}

/** Blocks made by the mapping itself (a paragraph wrapping loose text) take the HTML's own place. */
function placed(blocks: RootContent[], source: { position?: Nodes['position'] }): RootContent[] {
  for (const node of blocks) if (!node.position && source.position) node.position = source.position;
  return blocks;
}

/** A table cell's inline HTML: mapped to inline content, the cell kept. */
function mapCells(table: Parent, report: (dropped: DroppedElement[]) => void): void {
  for (const row of table.children) {
    if (!isParent(row)) continue;
    for (const cell of row.children) {
      if (!isParent(cell) || !holdsHtml(cell)) continue;
      const blocks = reassemble(
        { type: 'paragraph', children: cell.children as PhrasingContent[], ...(cell.position ? { position: cell.position } : {}) },
        report,
      );
      cell.children = blocks.flatMap((node, i) => {
        const inline = node.type === 'paragraph' || node.type === 'heading' ? node.children : [];
        return i === 0 ? inline : [{ type: 'text', value: ' ' } as PhrasingContent, ...inline];
      });
    }
  }
}

/** The dropped elements opened by the `html` nodes inside `block`, at their places. */
function droppedTags(block: Parent): DroppedElement[] {
  const found: DroppedElement[] = [];
  const stack: Nodes[] = [block as Nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html') {
      const name = OPENING_TAG.exec(node.value)?.[1];
      if (name && isDropped(name)) found.push({ name: name.toLowerCase(), start: node.position?.start as Point | undefined });
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return found;
}
