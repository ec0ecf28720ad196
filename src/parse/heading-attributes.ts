/**
 * Attribute syntaxes of other Markdown dialects, removed from the text:
 * - heading attributes `## Titre {#mon-id .classe}` (Pandoc, kramdown, markdown-it-attrs, Hugo):
 *   the `{…}` goes, `#id` is kept as `data.id` and becomes the section's id (article.ts);
 * - kramdown attribute lists `{: .class}`, `{:toc}`, `{::options … /}`, on a line of their own or
 *   at the end of a block or span;
 * - kramdown's table-of-contents placeholder (`* TOC` then `{:toc}`): the briefing has its own.
 * Hand scanners over text nodes only (code is never touched), linear in the text.
 */
import type { Heading, Parent, Root, Text } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';

/** Reads `{#id .class key=value}` or kramdown `{: #id}` at the end of each heading. */
export function readHeadingAttributes(tree: Root): void {
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const last = node.children.at(-1);
    if (last?.type !== 'text') continue;
    const value = last.value.trimEnd();
    if (!value.endsWith('}')) continue;
    const open = value.lastIndexOf('{');
    if (open < 0) continue;
    const id = attributeId(value.slice(open + 1, -1));
    if (id === undefined) continue;
    setText(node, last, value.slice(0, open).trimEnd());
    if (id) node.data = { ...node.data, id };
  }
}

function setText(heading: Heading, text: Text, value: string): void {
  if (value) text.value = value;
  else heading.children.pop();
}

/**
 * The id an attribute list gives ('' when none), or undefined when the braces do not hold an
 * attribute list (`{2024}`, `{voir plus}`) and must stay as text.
 */
function attributeId(inner: string): string | undefined {
  const body = inner.startsWith(':') ? inner.slice(1) : inner;
  const tokens = body.split(' ').filter(Boolean);
  if (tokens.length === 0) return inner.startsWith(':') ? '' : undefined;
  let id = '';
  for (const token of tokens) {
    if (token.startsWith('#') && token.length > 1) id = token.slice(1);
    else if (!(token.startsWith('.') || token.includes('=') || (inner.startsWith(':') && token.length > 0))) return undefined;
  }
  return id;
}

/** Removes kramdown attribute lists from every text, and the TOC placeholder list. */
export function removeAttributeLists(tree: Root): void {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if (parent.type === 'code' || parent.type === 'inlineCode') continue;
    parent.children = parent.children.filter((child) => !isTocPlaceholder(child));
    removeSpans(parent);
    parent.children.forEach((child, i) => {
      if (child.type === 'text') {
        if (child.value.includes('{:')) child.value = withoutLists(child.value);
        // markdown-it-attrs / Pandoc attributes right after a link, an image or emphasis: `[x](u){target="_blank"}`.
        const before = parent.children[i - 1];
        if (before && before.type !== 'text' && child.value.startsWith('{')) child.value = withoutLeadingAttributes(child.value);
      } else if ('children' in child) stack.push(child);
    });
    // A paragraph that held only an attribute list is gone; one that ended with it loses the line.
    parent.children = parent.children.filter(
      (child) => child.type !== 'paragraph' || plainText(child).trim() !== '' || child.children.some((c) => c.type === 'image'),
    );
    const last = parent.children.at(-1);
    if (parent.type === 'paragraph' && last?.type === 'text') last.value = last.value.trimEnd();
  }
}

/** `* TOC` followed by `{:toc}`: kramdown's placeholder for its generated table of contents. */
function isTocPlaceholder(node: Parent['children'][number]): boolean {
  if (node.type !== 'list' || node.children.length !== 1) return false;
  const words = plainText(node).split(/\s+/).filter(Boolean).join('');
  return words === 'TOC{:toc}' || words === 'TOC{:.no_toc}{:toc}';
}

/** The text without its `{:…}` lists (a `{:` with no `}` on its line stays). */
function withoutLists(text: string): string {
  let out = '';
  let pos = 0;
  for (let start = text.indexOf('{:', 0); start >= 0; start = text.indexOf('{:', pos)) {
    const close = text.indexOf('}', start);
    const lineEnd = text.indexOf('\n', start);
    if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
      out += text.slice(pos, start + 2);
      pos = start + 2;
      continue;
    }
    out += text.slice(pos, start).trimEnd();
    pos = close + 1;
  }
  return out + text.slice(pos);
}

/**
 * Pandoc's bracketed spans `[texte]{.classe}` (an unresolved reference, so text to CommonMark,
 * possibly with emphasis inside: `[**mot**]{.orange}` is a text `[`, a strong, a text `]{…}`):
 * the content is kept, the brackets and attributes dropped. One pass over the parent's texts,
 * tracking the last `[` seen, so a `]{` far from any `[` costs nothing.
 */
function removeSpans(parent: Parent): void {
  let open: { node: Text; at: number } | undefined;
  for (const child of parent.children) {
    if (child.type !== 'text' || !(child.value.includes('[') || child.value.includes(']'))) continue;
    const value = child.value;
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const char = value[i]!;
      const close = char === ']' && value[i + 1] === '{' ? attributeListEnd(value, i + 1) : -1;
      if (close > 0 && open) {
        if (open.node === child) out = out.slice(0, open.at) + out.slice(open.at + 1);
        else open.node.value = open.node.value.slice(0, open.at) + open.node.value.slice(open.at + 1);
        open = undefined;
        i = close;
        continue;
      }
      if (char === '[') open = { node: child, at: out.length };
      else if (char === ']') open = undefined;
      out += char;
    }
    child.value = out;
  }
}

/** A text starting with an attribute list (`{target="_blank"}`, `{.classe}`) without it. */
function withoutLeadingAttributes(text: string): string {
  const close = attributeListEnd(text, 0);
  return close > 0 ? text.slice(close + 1) : text;
}

/**
 * Index of the `}` ending the attribute list that opens at `start` (`{.a #b key="v"}`, on one line,
 * at most 200 characters), or -1 when what is there is not one (`{2024}`, `{ texte }`).
 */
function attributeListEnd(text: string, start: number): number {
  const close = text.indexOf('}', start);
  if (close < 0 || close - start > 200) return -1;
  const inner = text.slice(start + 1, close);
  if (inner.includes('\n') || inner.trim() === '') return -1;
  const tokens = inner.trim().split(/\s+/);
  return tokens.every((token) => /^[.#][\w-]+$/.test(token) || /^[\w-]+=/.test(token)) ? close : -1;
}
