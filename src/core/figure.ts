/** The image of a figure paragraph of the document tree (`data.image`), and the link around it. */
import type { Image, Paragraph } from 'mdast';

/**
 * The image a figure paragraph holds, directly or inside a link (`[![alt](src)](href)`, the link
 * kept: the renderers make the figure a link to `href`).
 */
export function figureImage(node: Paragraph): { image: Image; href?: string } | undefined {
  for (const child of node.children) {
    if (child.type === 'image') return { image: child };
    if (child.type === 'link') {
      const image = child.children.find((inner): inner is Image => inner.type === 'image');
      if (image) return { image, href: child.url };
    }
  }
  return undefined;
}
