/**
 * Task list items (`- [x] fait`): mdast-util-to-hast writes a disabled checkbox, an unlabelled
 * form control that assistive technology announces as such. The page shows the box as a
 * character instead (☑ done, ☐ to do), read as part of the item's text; run before sanitising.
 */
import type { Nodes } from 'hast';
import { isElement } from './outline.js';

export function checkboxesToGlyphs(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (!isElement(child)) return child;
    if (child.tagName === 'input' && child.properties.type === 'checkbox') {
      return { type: 'text', value: child.properties.checked ? '☑' : '☐' };
    }
    checkboxesToGlyphs(child);
    return child;
  }) as typeof node.children;
}
