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
import type { StatCache } from './stat-cache.js';

// Never follow a link, never wait on a FIFO (0 where the OS lacks the flag).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * True when the file on disk is the one the manifest recorded (size, then sha256): a regular file,
 * not a link, not a FIFO. With `cache`, a file whose stat data is the one recorded when it was
 * last hashed is not read again (stat-cache.ts), and a file hashed is recorded.
 */
export function fileMatches(file: string, entry: OutputEntry, cache?: StatCache): boolean {
  // Synchronous for the same reason as FileHasher: many small reads, nothing to overlap them with.
  let fd: number | undefined;
  try {
    const linkStats = lstatSync(file, { bigint: true });
    if (!linkStats.isFile() || linkStats.size !== BigInt(entry.bytes)) return false;
    const known = cache?.sha256(entry.path, linkStats);
    if (known !== undefined) return known === entry.sha256;
    fd = openSync(file, OPEN_FLAGS);
    // Taken before reading: an edit during or after the read changes it, so the next check hashes again.
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile() || stats.size !== BigInt(entry.bytes)) return false;
    const sha256 = sha256OfFile(fd);
    cache?.remember(entry.path, stats, sha256);
    return sha256 === entry.sha256;
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
  return folderInsideOutput(out, path.dirname(file), realpathSync.native);
}

/** Whether `folder`'s real path lies inside `out`'s (false when either cannot be resolved). */
function folderInsideOutput(out: string, folder: string, realpath: (folder: string) => string): boolean {
  try {
    const relative = path.relative(realpath(out), realpath(folder));
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

/**
 * What the plan's check of every recorded output shares: the stat cache, and the real path of each
 * folder, resolved once per build rather than twice per file (the plan's check is a snapshot;
 * removals check again with fresh real paths).
 */
export interface OutputCheck {
  cache: StatCache;
  realpath: (folder: string) => string;
  /** {@link folderInsideOutput} of `folder`, found once per folder (its nine outputs share it). */
  inside: (out: string, folder: string) => boolean;
}

export function outputCheck(cache: StatCache): OutputCheck {
  const real = new Map<string, string>();
  const realpath = (folder: string) => {
    // `.native`: one realpath(3) call instead of an lstat per path component.
    const found = real.get(folder) ?? realpathSync.native(folder);
    real.set(folder, found);
    return found;
  };
  const inside = new Map<string, boolean>();
  return {
    cache,
    realpath,
    inside: (out, folder) => {
      const key = `${out}\0${folder}`;
      let found = inside.get(key);
      if (found === undefined) {
        found = folderInsideOutput(out, folder, realpath);
        inside.set(key, found);
      }
      return found;
    },
  };
}

/** Whether a recorded output's file is still the one written, edited since (or not the folder's own), or gone. */
export function fileState(out: string, entry: OutputEntry, check?: OutputCheck): FileState {
  const file = path.join(out, entry.path);
  const inside = check ? check.inside(out, path.dirname(file)) : insideOutput(out, file);
  if (inside && fileMatches(file, entry, check?.cache)) return 'intact';
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
  // All at once: one article folder after the other was a thread-pool round trip each (a no-op of 200 articles waited ~40 ms).
  await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => removeStaleTemporaries(path.join(out, entry.name))));
}
