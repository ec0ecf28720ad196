/**
 * Images in a French article (docs/parsing.md, "Images"):
 * - a paragraph whose only content is one image (`![alt](src "title")`, possibly wrapped in a link),
 *   optionally followed on its next line by a line that is all emphasis (the caption Jekyll and Hugo
 *   posts write), is a figure: a block of kind `image` whose parts are its alt text (`<key>.alt`)
 *   and its caption (`<key>.caption`: the emphasis line, else the image's title — which the raw
 *   HTML and shortcode readers fill from `<figcaption>` and `{{< figure caption= >}}`). A caption
 *   that says the same as the alt text is kept once, as the alt text. `src` is never a unit.
 * - an image inside a sentence stays in its sentence as its alt text.
 * An alt text of "image" or of the file's own name says nothing: an image without a meaningful one
 * is reported (`briefing:image-without-alt`) at its place. Inside a sentence such an alt text is
 * left out; a figure keeps a file name as its alt text (all the source says about it). An inline
 * image with no alt text at all is left as written.
 */
import type { Image, Link, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { blocksToMarkdown, inlineToMarkdown, parseParagraph } from '../core/markdown.js';
import type { Place, Segment } from '../core/types.js';

/** The address of the image in a figure's French source (`imageBlock` writes it `![alt](src)`, or `[![alt](src)](href)`). */
export function figureSource(markdown: string): string {
  const children = parseParagraph(markdown).children;
  const image = children.map(figureImage).find((found) => found !== undefined);
  return image?.url ?? '';
}

/** The link a figure's French source wraps its image in (`[![alt](src)](href)`), if any. */
export function figureLink(markdown: string): string | undefined {
  const link = parseParagraph(markdown).children.find((node): node is Link => node.type === 'link');
  return link?.url;
}

/** What a figure paragraph holds: its image, and the caption line's content if it has one. */
interface FigureParts {
  image: Image;
  /** The link around the image (`[![alt](src)](href)`), kept on the figure. */
  link?: string;
  caption?: PhrasingContent[];
  captionPlace?: Place;
}

/**
 * The figure block of `node` (key `key`), or undefined when the paragraph is not one lone image.
 * An image without a meaningful alt text is reported in `diagnostics`.
 */
export function imageBlock(node: Paragraph, key: string, file: string, diagnostics: Diagnostic[]): Segment | undefined {
  const parts = figureParts(node);
  if (!parts) return undefined;
  const { image } = parts;
  const place = placeOf(image, node);
  if (!meaningfulAlt(image)) diagnostics.push(ruleDiagnostic('briefing:image-without-alt', file, { src: image.url }, place));
  // A file name is reported, but kept: it is all the source says about a figure.
  const written = (image.alt ?? '').replace(/\s+/g, ' ').trim();
  const alt = written && !GENERIC_ALT.test(written) ? written : undefined;
  const caption: PhrasingContent[] | undefined = parts.caption ?? (image.title?.trim() ? [{ type: 'text', value: image.title.trim() }] : undefined);
  const captionText = caption ? plainText({ type: 'paragraph', children: caption }).trim() : '';
  const segments: Segment[] = [];
  if (alt) segments.push({ key: `${key}.alt`, kind: 'alt', markdown: inlineToMarkdown([{ type: 'text', value: alt }]), place });
  // Said once: a caption that repeats the alt text is the alt text.
  if (caption && captionText && !sameText(captionText, alt)) {
    segments.push({ key: `${key}.caption`, kind: 'caption', markdown: inlineToMarkdown(caption), place: parts.captionPlace ?? place });
  }
  // The block's own Markdown is its French source: the image alone (its src is read from it).
  const source: Image = { type: 'image', url: image.url, alt: alt ?? '' };
  const content: PhrasingContent = parts.link !== undefined ? { type: 'link', url: parts.link, children: [source] } : source;
  return { key, kind: 'image', markdown: blocksToMarkdown([{ type: 'paragraph', children: [content] }]), place: placeOf(node, node), parts: segments };
}

/**
 * `node` as the paragraphs it stands for: a paragraph of several images and nothing else (spaces
 * and line breaks between them) is one paragraph per image, each a figure; a text paragraph whose
 * last line is one image is the text, then that image's paragraph (a figure after it). Any other
 * paragraph is itself. Each image paragraph has its image's position.
 */
export function splitFigures(node: Paragraph): Paragraph[] {
  const content = node.children.filter((child) => !isBlank(child));
  if (content.length > 1 && content.every((child) => figureImage(child) !== undefined)) return content.map(alone);
  // The last line: what follows the last line break (a `break`, or a newline inside a text).
  const children = node.children;
  let cut = children.length - 1;
  while (cut >= 0 && !isLineEnd(children[cut]!)) cut--;
  if (cut < 0) return [node];
  const end = children[cut]!;
  const after = end.type === 'text' ? end.value.slice(end.value.lastIndexOf('\n') + 1) : '';
  const line = children.slice(cut + 1).filter((child) => !isBlank(child));
  const image = line.length === 1 && after.trim() === '' ? line[0]! : undefined;
  if (!image || !figureImage(image)) return [node];
  const head = children.slice(0, cut);
  if (end.type === 'text') head.push({ ...end, value: end.value.slice(0, end.value.lastIndexOf('\n')).trimEnd() });
  const text = head.filter((child) => !isBlank(child));
  // A caption line under a lone image is the figure's (figureParts): not this case.
  if (text.length === 0 || text.every((child) => figureImage(child) !== undefined)) return [node];
  return [{ ...node, children: head }, alone(image)];
}

/** The image of a paragraph child that is an image or a link around one image. */
function figureImage(child: PhrasingContent): Image | undefined {
  return child.type === 'image' ? child : child.type === 'link' ? loneImage(child) : undefined;
}

function isBlank(child: PhrasingContent): boolean {
  return (child.type === 'text' && child.value.trim() === '') || child.type === 'break';
}

function isLineEnd(child: PhrasingContent): boolean {
  return child.type === 'break' || (child.type === 'text' && child.value.includes('\n'));
}

/** A paragraph holding `child` alone, at its place. */
function alone(child: PhrasingContent): Paragraph {
  return { type: 'paragraph', children: [child], ...(child.position ? { position: child.position } : {}) };
}

/** The image and caption of a figure paragraph, or undefined. */
function figureParts(node: Paragraph): FigureParts | undefined {
  const children = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const image = children[0] && figureImage(children[0]);
  if (!image) return undefined;
  const link = children[0]?.type === 'link' ? { link: children[0].url } : {};
  const rest = children.slice(1);
  if (rest.length === 0) return { image, ...link };
  // The caption line: a break (or the line end) then emphasis only.
  const line = rest[0]?.type === 'break' ? rest.slice(1) : rest;
  if (line.length === 0 || !line.every((child) => child.type === 'emphasis')) return undefined;
  const caption = line.flatMap((child) => (child.type === 'emphasis' ? child.children : []));
  const start = line[0]?.position?.start;
  return { image, ...link, caption, ...(start ? { captionPlace: { line: start.line, column: start.column } } : {}) };
}

function loneImage(link: Link): Image | undefined {
  const inner = link.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return inner.length === 1 && inner[0]?.type === 'image' ? inner[0] : undefined;
}

/** Alt texts that say nothing but "there is an image". */
const GENERIC_ALT = /^(?:image|img|photo|picture)$/i;

/** The alt text when it says something: not empty, not "image", not the file's own name. */
function meaningfulAlt(image: Pick<Image, 'alt' | 'url'>): string | undefined {
  const alt = (image.alt ?? '').replace(/\s+/g, ' ').trim();
  if (!alt || GENERIC_ALT.test(alt)) return undefined;
  const file = fileName(image.url);
  if (file && (sameText(alt, file) || sameText(alt, file.replace(/\.[a-z0-9]+$/i, '')))) return undefined;
  return alt;
}

/** The last segment of a URL or path, decoded (`a/b%20c.png?x` → `b c.png`). */
function fileName(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');
}

/**
 * A copy of `node` where each image inside text is its alt text (nothing when it says nothing),
 * each one without a meaningful alt text reported in `diagnostics`.
 */
export function inlineImagesAsText<T extends RootContent>(node: T, file: string, start: Place, diagnostics: Diagnostic[]): T {
  const walk = (current: RootContent): RootContent[] => {
    if (current.type === 'image') {
      const alt = meaningfulAlt(current);
      if (!alt)
        diagnostics.push(ruleDiagnostic('briefing:image-without-alt', file, { src: current.url }, current.position ? placeOf(current, current) : start));
      // With no alt text at all it stays an image, as written (each format shows it as before).
      if (!alt && !current.alt?.trim()) return [current];
      return alt ? [{ type: 'text', value: alt }] : [];
    }
    if (!('children' in current)) return [current];
    return [{ ...current, children: (current.children as RootContent[]).flatMap(walk) } as RootContent];
  };
  return (hasImage(node) ? walk(node)[0] : node) as T;
}

function hasImage(node: RootContent): boolean {
  return node.type === 'image' || ('children' in node && (node.children as RootContent[]).some(hasImage));
}

function placeOf(node: RootContent, fallback: RootContent): Place {
  const start = node.position?.start ?? fallback.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}
