/**
 * The files a render reads, hashed: the render cache's key. Every file is resolved through its
 * real path first, and one that leads out of the project (a symlink to `/etc/passwd`, say) stops
 * the request: the service serves the project, not whatever a link points at.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectPaths } from '../core/paths.js';
import { SOURCE_LANG } from '../core/types.js';
import { COMMON_NS } from '../i18n/instance.js';
import { listSources, type SourceFile } from '../project/sources.js';
import { translationFiles } from '../translate/files.js';
import type { ServedFile } from './catalogue.js';

/** A file of the request resolves outside the project folder. */
export class OutsideProjectError extends Error {
  override name = 'OutsideProjectError';
  /** @param file the absolute path of the input that resolves outside the project. */
  constructor(readonly file: string) {
    super(`${path.basename(file)} resolves outside the project`);
  }
}

/** Whether `file` (absolute) really lives inside `root` (a real path), links resolved; false when absent. */
async function insideProject(root: string, file: string): Promise<boolean | 'absent'> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  const relative = path.relative(root, real);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The project's articles that may be served: those whose file is really inside the project. */
export async function servableSources(paths: ProjectPaths, realRoot: string): Promise<SourceFile[]> {
  const sources = await listSources(paths);
  const inside = await Promise.all(sources.map((source) => insideProject(realRoot, source.absolute)));
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
 * sha256 over `salt` and each file's name and content (or its absence), in order.
 * @throws OutsideProjectError when a file resolves outside `realRoot`.
 */
export async function hashFiles(realRoot: string, files: readonly string[], salt: string): Promise<string> {
  const contents = await Promise.all(
    files.map(async (file) => {
      const inside = await insideProject(realRoot, file);
      if (inside === 'absent') return undefined;
      if (!inside) throw new OutsideProjectError(file);
      try {
        return await readFile(file);
      } catch (error) {
        // Deleted between the two calls (an editor saving by rename): the next save event re-renders.
        // A folder where a file was expected is as good as absent.
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR') return undefined;
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
