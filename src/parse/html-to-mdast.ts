/**
 * hast of raw HTML → mdast blocks, by hast-util-to-mdast (the rehype-remark engine) with a few
 * handlers of this project's own: a `figure` is a paragraph holding only its image, the caption as
 * the image's title (the contract with the images' renderers); a table's `caption` is kept as a
 * paragraph before it; `sup`/`sub` are the
 * `superscript`/`subscript` nodes of core/supersub.ts; comments vanish. Elements it has no mapping
 * for (`div`, `span`, `section`, `details`, `center`, `font`…) give their content.
 */
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Image, Paragraph, RootContent } from 'mdast';
import { phrasing } from 'mdast-util-phrasing';
import { fitsScript, scriptNode } from '../core/supersub.js';

/** The mdast blocks of a piece of HTML (no `html` nodes left). */
export function hastToMdast(tree: HastRoot): RootContent[] {
  const root = toMdast(tree, {
    handlers: { a: anchor, figure, table, sup: script('superscript'), sub: script('subscript') },
    nodeHandlers: { comment: () => undefined },
  });
  return root.type === 'root' ? paragraphs(root.children) : [];
}

/**
 * Inline content left at the top (HTML that is only `<img>`, or text and links) wrapped in
 * paragraphs, as a Markdown writer's would be: a block never starts with a bare image or text.
 */
function paragraphs(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let open: Paragraph | undefined;
  for (const node of nodes) {
    if (!phrasing(node)) {
      out.push(node);
      open = undefined;
    } else if (open) open.children.push(node);
    else {
      open = { type: 'paragraph', children: [node] };
      out.push(open);
    }
  }
  return out;
}

/** A link; an `<a name>` or `<a id>` target (no `href`) gives its content, never an empty link. */
function anchor(state: State, node: Element): ReturnType<Handle> {
  return node.properties.href === undefined ? state.all(node) : defaultHandlers.a(state, node);
}

/** `sup` / `sub` around text that the `^x^` / `~x~` syntax can hold; anything else gives its content. */
function script(type: 'superscript' | 'subscript'): Handle {
  return (state: State, node: Element) => {
    const text = textOf(node.children);
    if (!fitsScript(text)) return state.all(node);
    const result = scriptNode(type, text);
    state.patch(node, result);
    return result;
  };
}

/**
 * A table; its `<caption>` (which a GFM table cannot hold, and hast-util-to-mdast leaves out) is
 * kept as a paragraph of strong text right before it.
 */
function table(state: State, node: Element): ReturnType<Handle> {
  const rows = defaultHandlers.table(state, node);
  const caption = node.children
    .filter((child): child is Element => child.type === 'element' && child.tagName === 'caption')
    .map((part) => textOf(part.children))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!caption) return rows;
  const label: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: caption }] }] };
  return [label, ...(Array.isArray(rows) ? rows : rows ? [rows] : [])] as RootContent[];
}

/**
 * A figure with one image and no text beside its caption → a paragraph with only that image, the
 * caption as its title. Any other figure (a quote with its source, several images) gives its content.
 */
function figure(state: State, node: Element): Paragraph | RootContent[] {
  const images = elements(node.children, 'img');
  const captions = elements(node.children, 'figcaption');
  const img = images[0];
  const besides = textOf(node.children.filter((child) => !(child.type === 'element' && child.tagName === 'figcaption')));
  if (images.length !== 1 || !img || besides.trim() !== '') return state.all(node) as RootContent[];
  const caption = captions
    .map((part) => textOf(part.children))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const properties = img.properties;
  const title = caption || (typeof properties.title === 'string' ? properties.title : '');
  const image: Image = { type: 'image', url: state.resolve(String(properties.src ?? '')), title: title || null, alt: String(properties.alt ?? '') };
  state.patch(img, image);
  const paragraph: Paragraph = { type: 'paragraph', children: [image] };
  state.patch(node, paragraph);
  return paragraph;
}

/** The elements named `tagName` among `nodes` and their descendants, in order (iterative). */
function elements(nodes: ElementContent[], tagName: string): Element[] {
  const found: Element[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type !== 'element') continue;
    if (node.tagName === tagName) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/** The text of `nodes` (no comments), iteratively. */
function textOf(nodes: ElementContent[]): string {
  let text = '';
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text;
}
