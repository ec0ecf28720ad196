/**
 * A figure in the content template's output: its image alone in a paragraph under an
 * `<!-- briefing:image -->` mark, then, when it has one, its caption paragraph under a
 * `<!-- briefing:caption -->` mark. Each part shown in French carries its own fallback mark.
 * The alt text is written as an image's alt (plain text) and the caption as one paragraph, both
 * escaped by mdast-util-to-markdown like every other unit.
 */
import type { PhrasingContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { ANNOTATION } from '../../core/class-names.js';
import { blocksToMarkdown } from '../../core/markdown.js';
import type { FallbackReason } from '../../core/node-data.js';
import type { Lang, LocalizedImage, LocalizedInline } from '../../core/types.js';
import { annotationMark } from './annotations.js';

/** The Markdown of `image` in the `lang` edition; `fallbackMark` writes the mark of a part shown in French. */
export function imageMarkdown(image: LocalizedImage, lang: Lang, fallbackMark: (reason: FallbackReason) => string): string {
  const marks = (part: LocalizedInline | undefined, kind: string) =>
    `${part && part.lang !== lang ? `${fallbackMark(part.state === 'stale' || part.state === 'invalid' ? part.state : 'missing')}\n` : ''}${kind}\n`;
  const alt = image.alt ? plainText({ type: 'paragraph', children: image.alt.children }) : '';
  const img: PhrasingContent = { type: 'image', url: image.src, alt };
  // A linked figure stays linked: `[![alt](src)](href)`.
  const content: PhrasingContent = image.href !== undefined ? { type: 'link', url: image.href, children: [img] } : img;
  const figure = `${marks(image.alt, annotationMark(ANNOTATION.image))}${blocksToMarkdown([{ type: 'paragraph', children: [content] }])}`;
  if (!image.caption) return figure;
  return `${figure}\n\n${marks(image.caption, annotationMark(ANNOTATION.caption))}${blocksToMarkdown([{ type: 'paragraph', children: image.caption.children }])}`;
}
