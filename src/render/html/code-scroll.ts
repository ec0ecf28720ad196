/**
 * A code block keeps its lines as written (`white-space: pre`), so a long line scrolls sideways
 * inside its `<pre>` (`overflow-x: auto`). A keyboard user can only scroll a region that takes the
 * focus (axe `scrollable-region-focusable`): every `<pre>` gets `tabindex="0"`, as each table's
 * scrolling wrapper does, and the page's `:focus-visible` outline shows where the focus is.
 */
import type { Nodes } from 'hast';
import { visit } from 'unist-util-visit';

/** Makes every `<pre>` focusable: run after sanitising (the schema allows no `tabindex`). */
export function focusableCode(tree: Nodes): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'pre') node.properties.tabIndex = 0;
  });
}
