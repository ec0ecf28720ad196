/**
 * Figures in HTML. A figure's image paragraph (`data.image`) becomes
 * `<figure class="image"><img src="data:image/png;base64,…" alt="…" width="…" height="…"></figure>`
 * when its image is embedded (the page stays one self-contained file), else a framed
 * `<figure class="image image-frame">` with the alt text and a link to the image (remote images
 * are never fetched); the caption paragraph that follows (`data.caption`) becomes its
 * `<figcaption>`. Only these images keep their `img`: every other image becomes a link
 * (transforms.ts), and the sanitiser allows `data:` only on an `img` src, where only this module
 * writes one, of PNG or JPEG.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import type { Paragraph, Root, RootContent as MdastContent } from 'mdast';
import type { BlockPair } from '../bilingual/pairs.js';
import { figureImage } from '../../core/figure.js';
import { toString as plainText } from 'mdast-util-to-string';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { CLASS } from '../../core/class-names.js';
import { DEFAULTS } from '../../core/defaults.js';
import { hasClass, isElement } from './outline.js';

/** The stylesheet rules of figures, put before the page's own stylesheet (which can override them) when a page has one. */
export const FIGURE_CSS = `figure.image { margin: 1.5rem 0; }
figure.image img { display: block; max-width: 100%; height: auto; }
figure.image-frame { padding: 0.75rem 1rem; border: 1px solid #c8c8c8; border-radius: 4px; }
figure.image-frame .image-alt { margin: 0 0 0.35rem; }
figure.image-frame a { word-break: break-all; font-size: 0.88rem; }
figure.image figcaption { margin-top: 0.5rem; font-size: 0.88rem; font-style: italic; }
`;

const isHttp = (url: string) => /^https?:\/\//i.test(url);

/** The element of a figure's image or caption paragraph, or undefined for any other paragraph. */
export function figureElement(state: State, node: Paragraph): Element | undefined {
  if (node.data?.caption) return withData(state, node, { type: 'element', tagName: 'figcaption', properties: {}, children: state.all(node) }, []);
  if (!node.data?.image) return undefined;
  const found = figureImage(node);
  if (!found) return defaultHandlers.paragraph(state, node);
  const { image } = found;
  // A linked figure: its image (or frame's alt text) is the link; a frame's own link stays the image's address.
  const linked = (content: ElementContent): ElementContent =>
    found.href !== undefined ? { type: 'element', tagName: 'a', properties: { href: found.href }, children: [content] } : content;
  const asset = image.data?.asset;
  const alt = image.alt ?? '';
  if (asset) {
    const width = Math.min(asset.width, DEFAULTS.images.htmlMaxWidth);
    const height = Math.round((asset.height * width) / asset.width);
    const src = `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`;
    const img: Element = { type: 'element', tagName: 'img', properties: { src, alt, width, height }, children: [] };
    return withData(state, node, { type: 'element', tagName: 'figure', properties: {}, children: [linked(img)] }, [CLASS.image]);
  }
  const children: ElementContent[] = [];
  if (alt) children.push({ type: 'element', tagName: 'p', properties: { className: [CLASS.imageAlt] }, children: [linked({ type: 'text', value: alt })] });
  // A link only to a web address: a local path means nothing to whoever reads the page.
  if (isHttp(image.url)) children.push({ type: 'element', tagName: 'a', properties: { href: image.url }, children: [{ type: 'text', value: image.url }] });
  else if (!alt) children.push({ type: 'text', value: image.url || plainText(node) });
  return withData(state, node, { type: 'element', tagName: 'figure', properties: {}, children }, [CLASS.image, CLASS.imageFrame]);
}

/** `element` with the paragraph's position and data (`lang`, fallback classes) and `classes` added. */
function withData(state: State, node: Paragraph, element: Element, classes: string[]): Element {
  state.patch(node, element);
  const result = state.applyData(node, element);
  const own = result.properties.className;
  result.properties.className = [...(Array.isArray(own) ? own.map(String) : []), ...classes];
  if (result.properties.className.length === 0) delete result.properties.className;
  return result;
}

/** Whether the document shows a figure (its page then needs {@link FIGURE_CSS}). */
export function hasFigures(tree: Root): boolean {
  return tree.children.some((node) => node.type === 'paragraph' && node.data?.image === true);
}

/** Moves each `figcaption` into the figure right before it (the tree holds them as two blocks); one alone becomes a `p`. */
export function groupFigures(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let figure: Element | undefined;
  for (const node of nodes) {
    if (isElement(node, 'figcaption')) {
      // A caption with no figure before it (never made by the template) is a paragraph.
      if (figure) figure.children.push(node);
      else out.push({ ...node, tagName: 'p' });
      figure = undefined;
      continue;
    }
    if (isElement(node, 'figure') && hasClass(node, CLASS.image)) figure = node;
    else if (!(node.type === 'text' && node.value.trim() === '')) figure = undefined;
    out.push(node);
  }
  return out;
}

const isFigure = (node: MdastContent) => node.type === 'paragraph' && node.data?.image === true;
const isCaption = (node: MdastContent) => node.type === 'paragraph' && node.data?.caption === true;

/**
 * The rows of the bilingual page: one pair of blocks each, except that a figure's caption pair
 * joins its figure's row, so that each column's figure holds its own `figcaption` ({@link groupFigures}).
 */
export function figureRows(pairs: BlockPair[]): BlockPair[][] {
  const rows: BlockPair[][] = [];
  let figure: BlockPair | undefined;
  for (const pair of pairs) {
    const row = rows.at(-1);
    if (row && figure && isCaption(pair.source) && isCaption(pair.target)) row.push(pair);
    else rows.push([pair]);
    figure = isFigure(pair.source) && isFigure(pair.target) ? pair : undefined;
  }
  return rows;
}

/** Whether `child` is the image of a figure (in it, or in its link), which keeps its `img` (only this module makes one). */
export function isFigureImage(parent: Element, child: Element, grandparent?: Element): boolean {
  const figure = parent.tagName === 'a' ? grandparent : parent;
  return figure !== undefined && figure.tagName === 'figure' && hasClass(figure, CLASS.image) && child.tagName === 'img';
}
