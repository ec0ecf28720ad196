/** Small hast rewrites applied around sanitising. */
import type { Element, ElementContent, Nodes, RootContent, Text } from 'hast';
import { CLASS } from '../../core/class-names.js';
import { hasClass, isElement } from './outline.js';
import { isFigureImage } from './image.js';

const newline = (): Text => ({ type: 'text', value: '\n' });

/** The note shown before a French fallback, by why it is shown. */
export interface FallbackNotes {
  missing: string;
  stale: string;
  invalid: string;
}

/**
 * Puts one visible, translated note before each top-level block marked as a French fallback,
 * headings included: the note and its block make one box (templates/html/style.css), so a
 * heading's note is never a box of its own, and a fallback heading followed by a fallback
 * paragraph shows note, heading, note, paragraph — never two notes in a row.
 */
export function addFallbackNotes(nodes: readonly RootContent[], notes: FallbackNotes): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (!isElement(node) || !hasClass(node, CLASS.fallback)) {
      out.push(node);
      continue;
    }
    const note = hasClass(node, CLASS.stale) ? notes.stale : hasClass(node, CLASS.invalid) ? notes.invalid : notes.missing;
    out.push(noteElement(note), newline(), node);
  }
  return out;
}

function noteElement(text: string): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: [CLASS.fallbackNote] },
    children: [{ type: 'text', value: text }],
  };
}

/**
 * The page makes no requests: an image is replaced by a link to it, labelled with its alt text
 * (except a figure's embedded image, ./image.ts).
 * (The sanitiser then checks the link's protocol like any other href.)
 */
export function imagesToLinks(node: Nodes, parent?: Element): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (!isElement(child)) return child;
    if (child.tagName === 'img' && !(isElement(node) && isFigureImage(node, child, parent))) {
      const src = typeof child.properties.src === 'string' ? child.properties.src : '';
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
      const link: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: { href: src },
        children: [{ type: 'text', value: alt || src }],
      };
      return link;
    }
    imagesToLinks(child, isElement(node) ? node : undefined);
    return child;
  }) as typeof node.children;
}

const EXTERNAL = /^(?:https?:)?\/\//i;

/** Links leaving the document get `rel="noopener noreferrer"` (applied after sanitising). */
export function markExternalLinks(node: Nodes): void {
  if (!('children' in node)) return;
  for (const child of node.children) {
    if (!isElement(child)) continue;
    const href = child.properties.href;
    if (child.tagName === 'a' && typeof href === 'string' && EXTERNAL.test(href)) {
      child.properties.rel = ['noopener', 'noreferrer'];
    }
    markExternalLinks(child);
  }
}
