/**
 * The files a render reads, hashed: the render cache's key (with the images the article shows). Every file is resolved through its
 * real path first, and one that leads out of the project (a symlink to `/etc/passwd`, say), into
 * `.git/` or into the output folder stops the request: the service serves the project, not
 * whatever a link points at. Files are read as the build reads them (project/read-file.ts): a FIFO
 * or a folder is never waited on or read.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectPaths } from '../core/paths.js';
import { SOURCE_LANG } from '../core/types.js';
import { COMMON_NS } from '../i18n/instance.js';
import { listSources, type SourceFile } from '../project/sources.js';
import { boundsOfRoot, type ProjectBounds } from '../project/bounds.js';
import { imageInputs } from '../project/image-inputs.js';
import { embargoInput } from '../publish/embargo-input.js';
import { buildTime } from '../core/clock.js';
import { InputError, inputRealPath, readInput, readOptionalInput } from '../project/read-file.js';
import { translationFiles } from '../translate/files.js';
import type { ServedFile } from './catalogue.js';

/** A file of the request resolves outside the project folder. */
export class OutsideProjectError extends Error {
  override name = 'OutsideProjectError';
  /** @param file the absolute path of the input that resolves outside the project, into `.git/` or into the output folder. */
  constructor(
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`${path.basename(file)} resolves outside the project`, options);
  }
}

/**
 * Whether `file` (absolute) really lives inside the project, links resolved, outside `.git/` and
 * the output folder; 'absent' when it does not exist. A link loop counts as outside.
 */
async function insideProject(bounds: ProjectBounds, file: string): Promise<boolean | 'absent'> {
  try {
    return (await inputRealPath(file, bounds)) === undefined ? 'absent' : true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

/** The project's articles that may be served: those whose file is really inside the project. */
export async function servableSources(paths: ProjectPaths, realRoot: string): Promise<SourceFile[]> {
  const sources = await listSources(paths);
  const bounds = boundsOfRoot(realRoot);
  const inside = await Promise.all(sources.map((source) => insideProject(bounds, source.absolute)));
  return sources.filter((_, i) => inside[i] === true);
}

/** Every file `file`'s render reads: its article, the locale files of its languages, all templates. */
export async function inputFiles(paths: ProjectPaths, source: SourceFile, file: ServedFile): Promise<string[]> {
  const files = [source.absolute];
  for (const lang of file.langs) {
    files.push(path.join(paths.locales, lang, `${COMMON_NS}.json`));
    if (lang !== SOURCE_LANG) files.push(...Object.values(translationFiles(paths, lang, source.slug)));
  }
  files.push(...(await listTree(paths.templates)));
  return files;
}

/**
 * The local images the article may show and their states (project/image-inputs.ts), as text for a
 * cache key (an edited image renders its article again), and the folders they are in (inside the
 * project), for the live preview to watch. Empty when the article cannot be read (its own hash
 * covers that) or shows none.
 */
export async function imagesOf(paths: ProjectPaths, source: SourceFile): Promise<{ key: string; folders: string[] }> {
  let text: string;
  try {
    text = (await readInput(source.absolute, source.bounds)).toString('utf8');
  } catch {
    return { key: '', folders: [] };
  }
  const images = await imageInputs(text, source.absolute, paths.root, source.bounds);
  // An embargo that has just passed renders the article again, without its preview mark.
  const embargo = await embargoInput(text, buildTime().getTime());
  const key = images.map((image) => `\0image:${image.file}=${image.state}`).join('') + (embargo ? `\0${embargo}` : '');
  const inside = images.filter((image) => image.state !== 'refused:outside');
  return { key, folders: [...new Set(inside.map((image) => path.dirname(path.join(paths.root, image.file))))] };
}

/**
 * sha256 over `salt` and each file's name and content (or its absence), in order.
 * @throws OutsideProjectError when a file resolves outside `realRoot`.
 */
export async function hashFiles(realRoot: string, files: readonly string[], salt: string): Promise<string> {
  const bounds = boundsOfRoot(realRoot);
  const contents = await Promise.all(
    files.map(async (file) => {
      try {
        return await readOptionalInput(file, bounds);
      } catch (error) {
        if (error instanceof InputError && error.ruleId === 'briefing:outside-project') throw new OutsideProjectError(file, { cause: error });
        // A folder, a FIFO, an unreadable file: hashed as absent; the render reports it at its place.
        // (Deleted meanwhile, by an editor saving by rename, is absent too: the next save event re-renders.)
        if (error instanceof InputError) return undefined;
        throw error;
      }
    }),
  );
  const hash = createHash('sha256').update(salt);
  files.forEach((file, i) => {
    const content = contents[i];
    hash.update(`\0${file}\0${content === undefined ? 'absent' : content.length}\0`);
    if (content) hash.update(content);
  });
  return hash.digest('base64url');
}

/** Files under `dir`, sorted, recursively (templates are a handful of files two levels deep). */
async function listTree(dir: string, depth = 4): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) files.push(...(await listTree(full, depth - 1)));
    else if (!entry.isDirectory()) files.push(full);
  }
  return files;
}
