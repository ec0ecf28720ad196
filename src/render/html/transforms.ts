/** Small hast rewrites applied around sanitising. */
import type { Element, ElementContent, Nodes, RootContent, Text } from 'hast';
import { FALLBACK_CLASS, FALLBACK_NOTE_CLASS, FIGURE_CLASS, STALE_CLASS } from './sanitize-schema.js';
import { isElement } from './outline.js';

const HEADING = /^h[1-6]$/;
const newline = (): Text => ({ type: 'text', value: '\n' });

/** The note shown before a French fallback, by why it is shown. */
export interface FallbackNotes {
  missing: string;
  stale: string;
}

/**
 * Puts a visible, translated note next to each top-level block marked as a French fallback:
 * before a block, after a heading (so a section still starts with its heading).
 */
export function addFallbackNotes(nodes: readonly RootContent[], notes: FallbackNotes): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    const note = isElement(node) && hasClass(node, STALE_CLASS) ? notes.stale : notes.missing;
    if (!isElement(node) || !hasClass(node, FALLBACK_CLASS)) {
      out.push(node);
    } else if (HEADING.test(node.tagName)) {
      out.push(node, newline(), noteElement(note));
    } else {
      out.push(noteElement(note), newline(), node);
    }
  }
  return out;
}

function noteElement(text: string): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: [FALLBACK_NOTE_CLASS] },
    children: [{ type: 'text', value: text }],
  };
}

/**
 * The page makes no requests: an image is replaced by a link to it, labelled with its alt text.
 * (The sanitiser then checks the link's protocol like any other href.)
 */
export function imagesToLinks(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (!isElement(child)) return child;
    if (child.tagName === 'img') {
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
    imagesToLinks(child);
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

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : value === name;
}

/**
 * Lays out the key figures (applied after sanitising, on trusted structure only): each
 * `p.figure` — with the fallback note before it, if any — becomes a card in a
 * `div.key-figures` grid, its value and label split so the value can be shown large:
 * `<p class="figure"><strong class="figure-value">$1 billion</strong> <span class="figure-label">initial investment</span></p>`.
 */
export function figureBox(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  const cards: ElementContent[] = [];
  let pending: Element[] = [];
  for (const node of nodes) {
    if (isElement(node, 'p') && hasClass(node, FALLBACK_NOTE_CLASS)) pending.push(node);
    else if (isElement(node, 'p') && hasClass(node, FIGURE_CLASS)) {
      cards.push(newline(), { type: 'element', tagName: 'div', properties: { className: ['figure-card'] }, children: [...pending, splitFigure(node)] });
      pending = [];
    } else if (node.type !== 'text' || node.value.trim() !== '') {
      out.push(...pending, node);
      pending = [];
    }
  }
  if (cards.length === 0) return out;
  return [...out, newline(), { type: 'element', tagName: 'div', properties: { className: ['key-figures'] }, children: [...cards, newline()] }];
}

function splitFigure(p: Element): Element {
  const [first, ...rest] = p.children;
  if (!first || !isElement(first, 'strong')) return p;
  // Drop the " — " that separates value and label in the Markdown line.
  const label: ElementContent[] = rest.map((node, i) => (i === 0 && node.type === 'text' ? { ...node, value: node.value.replace(/^\s*—\s*/, '') } : node));
  return {
    ...p,
    children: [
      { ...first, properties: { ...first.properties, className: ['figure-value'] } },
      { type: 'text', value: ' ' },
      { type: 'element', tagName: 'span', properties: { className: ['figure-label'] }, children: label },
    ],
  };
}
