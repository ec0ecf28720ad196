/**
 * The local images an article shows, read here — not in the renderers, which stay pure — through
 * the project's one safe reader (project/read-file.ts: a regular file inside the project, never in
 * `.git/` or the output folder), never through a symbolic link, PNG or JPEG only (checked by the
 * first bytes), within `imageBytes` and `imagePixels` (the header is read before anything is
 * decoded). Each refusal is a `briefing:image-not-embedded` warning at the image's place, and the
 * image is shown as a frame. The images are then set, as data, on the document tree of each edition.
 */
import { lstat } from 'node:fs/promises';
import type { Root } from 'mdast';
import { figureImage } from '../core/figure.js';
import { imageSize } from 'image-size';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { limits } from '../core/limits.js';
import type { ImageAsset } from '../core/node-data.js';
import type { Article, Place } from '../core/types.js';
import { figureSource } from '../parse/images.js';
import { imageLocation } from '../project/image-files.js';
import { InputError, readInput } from '../project/read-file.js';
import type { SourceFile } from '../project/sources.js';
import { imageMime } from '../render/logo.js';
import { articleBase } from '../render/markdown/links.js';

/** The article's local images that can be embedded, by their address as written. */
export type ImageAssets = ReadonlyMap<string, ImageAsset>;

/** Reads every local image of the article's figures; `diagnostics` gets one warning per refused one. */
export async function readImages(article: Article, source: SourceFile, root: string): Promise<{ assets: ImageAssets; diagnostics: Diagnostic[] }> {
  const assets = new Map<string, ImageAsset>();
  const diagnostics: Diagnostic[] = [];
  const siteAddress = articleBase(article.meta.url) !== undefined;
  const figures = [...article.lead, ...article.sections.flatMap((section) => section.blocks)].filter((block) => block.kind === 'image');
  const seen = new Set<string>();
  for (const figure of figures) {
    const src = figureSource(figure.markdown);
    if (seen.has(src)) continue;
    seen.add(src);
    const where = imageLocation(src, source.absolute, root, siteAddress);
    if (where.kind !== 'local') continue;
    const read = await readImage(where.file, source);
    if (typeof read === 'string') diagnostics.push(refusal(article.path, src, read, figure.place));
    else assets.set(src, read);
  }
  return { assets, diagnostics };
}

function refusal(file: string, src: string, reason: string, place: Place): Diagnostic {
  return ruleDiagnostic('briefing:image-not-embedded', file, { src, reason }, place);
}

/** The image at `file`, or why it is refused. */
async function readImage(file: string, source: SourceFile): Promise<ImageAsset | string> {
  try {
    if ((await lstat(file)).isSymbolicLink()) return 'it is a symbolic link: images are read only from real files';
  } catch {
    return 'the file does not exist';
  }
  let bytes: Buffer;
  try {
    bytes = await readInput(file, source.bounds);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.code === 'EOUTSIDE' ? 'it is outside the project' : error.code === 'ENOTFILE' ? 'it is not a file' : 'it cannot be read';
  }
  const mime = imageMime(bytes);
  if (!mime) return 'it is not a PNG or JPEG file';
  const { imageBytes, imagePixels } = limits();
  if (bytes.length > imageBytes) return `it is ${bytes.length} bytes, more than the ${imageBytes} allowed`;
  let size: { width: number; height: number };
  try {
    size = imageSize(bytes);
  } catch {
    return 'its header cannot be read';
  }
  if (size.width * size.height > imagePixels) return `it is ${size.width}×${size.height} pixels, more than the ${imagePixels} allowed`;
  return { mime, bytes, width: size.width, height: size.height };
}

/**
 * Sets each figure image's asset on the document tree, and writes a local image's address as the
 * `.md` edition should show it: resolved against the article's own address when it has one, else
 * as written (relative to the article).
 */
export function attachImages(tree: Root, assets: ImageAssets, articleUrl: string | undefined): void {
  const base = articleBase(articleUrl);
  for (const node of tree.children) {
    if (node.type !== 'paragraph' || !node.data?.image) continue;
    const image = figureImage(node)?.image;
    if (!image) continue;
    const asset = assets.get(image.url);
    if (asset) image.data = { ...image.data, asset };
    if (base && !/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(image.url) && URL.canParse(image.url, base)) image.url = new URL(image.url, base).href;
  }
}
