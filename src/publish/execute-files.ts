/**
 * The build executor's file work in the output folder: checking recorded outputs, writing an
 * article's rendered files, removing what the plan withdrew, and cleaning up after a killed build.
 * Decisions are the plan's (plan.ts, next-manifest.ts); this module only carries them out.
 */
import { readdir } from 'node:fs/promises';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ArticleResult } from '../pipeline/article-task.js';
import { removeEmptyDirectory, removeFile, removeStaleTemporaries, writeFileAtomic } from './atomic-write.js';
import type { OutputEntry } from './manifest.js';
import { recordOf, type ArticleRecord } from './next-manifest.js';
import type { FileState } from './plan.js';

// Never follow a link, never wait on a FIFO (0 where the OS lacks the flag).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * True when the file on disk is the one the manifest recorded (size, then sha256): a regular file,
 * not a link, not a FIFO.
 */
export function fileMatches(file: string, entry: OutputEntry): boolean {
  // Synchronous for the same reason as FileHasher: many small reads, nothing to overlap them with.
  let fd: number | undefined;
  try {
    if (!lstatSync(file).isFile()) return false;
    fd = openSync(file, OPEN_FLAGS);
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size !== entry.bytes) return false;
    return sha256OfFile(fd) === entry.sha256;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** One buffer for every check: a no-op build hashes every output (tens of MB), and a buffer per file is garbage to collect. */
const CHUNK = Buffer.allocUnsafe(1 << 20);

/** sha256 (hex) of an open file's bytes, read in chunks. */
function sha256OfFile(fd: number): string {
  const hash = createHash('sha256');
  for (let read = readSync(fd, CHUNK); read > 0; read = readSync(fd, CHUNK)) hash.update(CHUNK.subarray(0, read));
  return hash.digest('hex');
}

/**
 * Whether `file` is the output folder's own: its folder's real path lies inside `out`'s, so a
 * symbolic link to a folder elsewhere, planted inside `out` with a tampered manifest, cannot make
 * the build read or delete outside it. The file itself is checked by {@link fileMatches}.
 */
function insideOutput(out: string, file: string): boolean {
  try {
    // `.native`: one realpath(3) call instead of an lstat per path component (thousands of files in a no-op build).
    const relative = path.relative(realpathSync.native(out), realpathSync.native(path.dirname(file)));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}

/** Whether something (a file, a link, a folder) is at `file`, without following a link. */
function present(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether a recorded output's file is still the one written, edited since (or not the folder's own), or gone. */
export function fileState(out: string, entry: OutputEntry): FileState {
  const file = path.join(out, entry.path);
  if (insideOutput(out, file) && fileMatches(file, entry)) return 'intact';
  return present(file) ? 'modified' : 'missing';
}

/**
 * Writes an article's files (each atomically) into `<out>/<slug>/`, in order, and returns the
 * result as a record: without the bytes, with the error code of each file that could not be written.
 */
export async function writeArticle(out: string, result: ArticleResult): Promise<ArticleRecord> {
  const writeErrors = new Map<string, string>();
  const folder = path.join(out, result.slug);
  // A link planted as the article's folder would take the writes elsewhere: refuse it (files are renamed over, links and all).
  const foreign = articleFolderProblem(folder);
  for (const edition of result.editions) {
    for (const file of edition.files) {
      if (foreign) {
        writeErrors.set(file.name, foreign);
        continue;
      }
      try {
        await writeFileAtomic(path.join(folder, file.name), file.data);
      } catch (error) {
        writeErrors.set(file.name, (error as NodeJS.ErrnoException).code ?? String(error));
      }
    }
  }
  return recordOf(result, writeErrors);
}

/**
 * Removes an output the manifest says this tool wrote. The plan saw the file intact; it is checked
 * again just before, so a file replaced by hand meanwhile is left alone, and so is anything but a
 * regular file whose real path is inside `out`. Says what it found.
 */
export async function removeRecorded(out: string, entry: OutputEntry): Promise<'removed' | 'modified' | 'missing'> {
  const file = path.join(out, entry.path);
  if (!insideOutput(out, file) || !fileMatches(file, entry)) return present(file) ? 'modified' : 'missing';
  await removeFile(file);
  return 'removed';
}

/** Why the article folder `folder` cannot take writes (a link, a file), or undefined when it can (or does not exist yet). */
function articleFolderProblem(folder: string): string | undefined {
  try {
    const stats = lstatSync(folder);
    if (stats.isDirectory()) return undefined;
    return `${path.basename(folder)}/ in the output folder is ${stats.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; remove it`;
  } catch {
    return undefined;
  }
}

/** Removes article folders left empty by removals (rmdir fails on anything non-empty). */
export async function removeEmptyFolders(out: string, removed: readonly { path: string }[]): Promise<void> {
  const folders = new Set(removed.map((r) => path.dirname(path.resolve(r.path))));
  for (const folder of folders) {
    if (path.dirname(folder) !== out) continue;
    await removeEmptyDirectory(folder);
  }
}

/** Temporaries of a killed build: in the output folder and its article folders. */
export async function removeTemporaries(out: string): Promise<void> {
  await removeStaleTemporaries(out);
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeStaleTemporaries(path.join(out, entry.name));
}
