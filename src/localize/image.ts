/** A figure (a block of kind `image`) localized: its alt text and caption each a unit, its address as written. */
import type { Lang, LocalizedBlock, LocalizedInline, Segment } from '../core/types.js';
import { figureLink, figureSource } from '../parse/images.js';

/**
 * The localized figure of `segment`: `inline` localizes each part (translated, or French when it
 * falls back). The block's state and language are its alt text's (the caption carries its own).
 */
export function imageBlock(segment: Segment, lang: Lang, inline: (part: Segment) => LocalizedInline): LocalizedBlock {
  const part = (name: 'alt' | 'caption') => segment.parts?.find((p) => p.key === `${segment.key}.${name}`);
  const altPart = part('alt');
  const captionPart = part('caption');
  const alt = altPart ? inline(altPart) : undefined;
  const caption = captionPart ? inline(captionPart) : undefined;
  const first = alt ?? caption;
  const href = figureLink(segment.markdown);
  return {
    key: segment.key,
    nodes: [],
    state: first?.state ?? 'source',
    lang: first?.lang ?? lang,
    image: { src: figureSource(segment.markdown), ...(href !== undefined ? { href } : {}), ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) },
  };
}
