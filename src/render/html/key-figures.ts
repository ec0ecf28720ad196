/**
 * Key figures in HTML: each figure's paragraph is built from its data (value and label, see
 * core/node-data.ts) when the tree is converted, then sanitised like every block; after
 * sanitising, the figures of a section are grouped into a box of cards.
 */
import type { Element, ElementContent, RootContent, Text } from 'hast';
import type { Paragraph } from 'mdast';
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';
import { CLASS } from '../../core/class-names.js';
import { isKeyFigure } from '../../core/node-data.js';
import { hasClass, isElement } from './outline.js';

const newline = (): Text => ({ type: 'text', value: '\n' });

/**
 * mdast-util-to-hast handler for paragraphs: a key figure's becomes
 * `<p class="figure"><strong class="figure-value">$1 billion</strong> <span class="figure-label">initial investment</span></p>`
 * (its own classes, `lang` and fallback class come from `hProperties` as for any block); any
 * other paragraph is converted as usual.
 */
function paragraph(state: State, node: Paragraph): Element {
  if (!isKeyFigure(node)) return defaultHandlers.paragraph(state, node);
  const { value, label } = node.data.figure;
  const result: Element = {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [
      { type: 'element', tagName: 'strong', properties: { className: [CLASS.figureValue] }, children: [{ type: 'text', value }] },
      { type: 'text', value: ' ' },
      { type: 'element', tagName: 'span', properties: { className: [CLASS.figureLabel] }, children: state.all({ type: 'paragraph', children: label }) },
    ],
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

/** Handlers to pass to `toHast` so that key figures are converted from their data. */
export const figureHandlers: Handlers = { paragraph };

/**
 * Groups the key figures (applied after sanitising, on trusted structure only): each `p.figure`
 * — with the fallback note before it, if any — becomes a card in a `div.key-figures` box.
 */
export function figureBox(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  const cards: ElementContent[] = [];
  let pending: Element[] = [];
  for (const node of nodes) {
    if (isElement(node, 'p') && hasClass(node, CLASS.fallbackNote)) pending.push(node);
    else if (isElement(node, 'p') && hasClass(node, CLASS.figure)) {
      cards.push(newline(), { type: 'element', tagName: 'div', properties: { className: [CLASS.figureCard] }, children: [...pending, node] });
      pending = [];
    } else if (node.type !== 'text' || node.value.trim() !== '') {
      out.push(...pending, node);
      pending = [];
    }
  }
  if (cards.length === 0) return out;
  return [...out, newline(), { type: 'element', tagName: 'div', properties: { className: [CLASS.keyFigures] }, children: [...cards, newline()] }];
}
