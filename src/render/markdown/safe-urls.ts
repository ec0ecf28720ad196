/**
 * The Markdown edition keeps the HTML edition's URL policy: a link, image or definition whose URL
 * has a protocol the HTML sanitiser does not allow (`javascript:`, `vbscript:`, `data:`, any other
 * than http(s), mailto… for links, http(s) for images) is dropped, as hast-util-sanitize drops the
 * `href` or `src`: a link keeps its text, an image leaves its alternative text. Relative URLs stay.
 * Raw HTML never passes: an `html` node left in the tree (only the content template can write
 * one, and its marks are already gone) is dropped, as the HTML edition drops it.
 */
import type { Root, RootContent } from 'mdast';
import { sanitizeUri } from 'micromark-util-sanitize-uri';
import { sanitizeSchema } from '../html/sanitize-schema.js';

/** The protocols the HTML sanitiser allows for a property, as the pattern `sanitizeUri` takes. */
function allowed(property: 'href' | 'src'): RegExp {
  // `data:` is allowed on HTML img src for embedded figures only (html/image.ts), never in Markdown.
  const protocols = (sanitizeSchema.protocols?.[property] ?? []).filter((protocol) => protocol !== 'data');
  return new RegExp(`^(?:${protocols.join('|')})$`, 'i');
}

const HREF = allowed('href');
const SRC = allowed('src');
/** The patterns above, for the ReDoS check of every run-time pattern (tests/regex-safety.test.ts). */
export const PROTOCOL_REGEXES: readonly RegExp[] = [HREF, SRC];

/** Whether `url` may be written: relative, or with a protocol allowed for `protocol`. */
const isSafe = (url: string, protocol: RegExp) => url === '' || sanitizeUri(url, protocol) !== '';

/** A copy of `tree` without unsafe URLs or raw HTML (the tree itself is shared with HTML and PDF). */
export function withSafeUrls(tree: Root): Root {
  return { ...tree, children: tree.children.flatMap(clean) as RootContent[] };
}

function clean(node: RootContent): RootContent[] {
  switch (node.type) {
    case 'html':
      return [];
    case 'link':
      if (!isSafe(node.url, HREF)) return node.children.flatMap(clean);
      break;
    case 'definition':
      if (!isSafe(node.url, HREF)) return [];
      break;
    case 'image':
      if (!isSafe(node.url, SRC)) return node.alt ? [{ type: 'text', value: node.alt }] : [];
      break;
  }
  // Each child is replaced by children of the kinds its parent allows (a link by its text…).
  return 'children' in node ? [{ ...node, children: node.children.flatMap((child: RootContent) => clean(child)) } as RootContent] : [node];
}
