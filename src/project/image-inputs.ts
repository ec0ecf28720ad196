/**
 * The local images an article may show, as inputs of its outputs (docs/parsing.md, "Images"):
 * found before any parsing by one linear scan of the article's text — every word ending in `.png`,
 * `.jpg` or `.jpeg` (a Markdown `](…)` destination, an HTML or Hugo `src="…"`), resolved as
 * ./image-files.ts resolves an image's address (a site-relative one always as a file under the
 * project: a superset, since hashing a file the article does not show only costs a rebuild) — and
 * each one's state: its bytes' hash, `absent`, or why it is refused (a symbolic link, a file
 * outside the project or too large are never read). `briefing build` and `briefing serve` hash it
 * with the article, so an edited image renders its article again.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../core/hash.js';
import { limits } from '../core/limits.js';
import type { ProjectBounds } from './bounds.js';
import { imageLocation } from './image-files.js';
import { InputError, readInput } from './read-file.js';

/** Characters that end an address in Markdown, HTML or a shortcode (spaces, quotes, brackets). */
const DELIMITERS = /[\s"'()<>[\]{}|`]+/;

const EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/**
 * Text that holds one of {@link EXTENSIONS}, in any case: an address cut before `?` or `#` can
 * end with one only if its token holds it, so other tokens (nearly all of an article's words)
 * are skipped without the work below.
 */
const MAY_NAME_IMAGE = /\.(?:png|jpe?g)/i;

/** The addresses in `text` that may name a PNG or JPEG image, each once, in order. */
export function imageCandidates(text: string): string[] {
  if (!MAY_NAME_IMAGE.test(text)) return [];
  const found = new Set<string>();
  for (const token of text.split(DELIMITERS)) {
    if (!MAY_NAME_IMAGE.test(token)) continue;
    // An unquoted HTML attribute: `<img src=a.png>`.
    const word = token.toLowerCase().startsWith('src=') ? token.slice(4) : token;
    const cut = Math.min(...['?', '#'].map((mark) => (word.includes(mark) ? word.indexOf(mark) : word.length)));
    const address = word.slice(0, cut).toLowerCase();
    if (EXTENSIONS.some((extension) => address.endsWith(extension))) found.add(word);
  }
  return [...found];
}

/** One local image an article may show: its path relative to the project root, and its state. */
export interface ImageInput {
  file: string;
  state: string;
}

/**
 * The local images `text` (the article at `article`, absolute) may show, sorted by path, with the
 * state of each: what a hash of the article's inputs must include.
 */
export async function imageInputs(text: string, article: string, root: string, bounds: ProjectBounds): Promise<ImageInput[]> {
  return candidateImageInputs(imageCandidates(text), article, root, bounds);
}

/** {@link imageInputs} from the addresses {@link imageCandidates} found (remembered by a no-op build). */
export async function candidateImageInputs(candidates: readonly string[], article: string, root: string, bounds: ProjectBounds): Promise<ImageInput[]> {
  const files = new Set<string>();
  for (const address of candidates) {
    const where = imageLocation(address, article, root, false);
    if (where.kind === 'local') files.add(where.file);
  }
  const sorted = [...files];
  const states = await Promise.all(sorted.map((file) => imageState(file, root, bounds)));
  return sorted
    .map((file, i) => ({ file: path.relative(root, file).split(path.sep).join('/'), state: states[i]! }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The hash of the image file's bytes, or what keeps it from being read (as the pipeline refuses it). */
async function imageState(file: string, root: string, bounds: ProjectBounds): Promise<string> {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return 'refused:outside';
  let size: number;
  try {
    const stats = await lstat(file);
    if (stats.isSymbolicLink()) return 'refused:symlink';
    if (!stats.isFile()) return 'refused:not-a-file';
    size = stats.size;
  } catch {
    return 'absent';
  }
  // Refused for its size whatever its bytes: the message names the size.
  if (size > limits().imageBytes) return `refused:size:${size}`;
  try {
    return sha256(await readInput(file, bounds));
  } catch (error) {
    return `refused:${error instanceof InputError ? error.code : String(error)}`;
  }
}
