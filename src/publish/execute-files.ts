/**
 * The build executor's file work in the output folder: checking recorded outputs, writing an
 * article's rendered files, removing what the plan withdrew, and cleaning up after a killed build.
 * Decisions are the plan's (plan.ts, next-manifest.ts); this module only carries them out.
 */
import { readdir, stat } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../core/hash.js';
import type { ArticleResult } from '../pipeline/render-article.js';
import { removeEmptyDirectory, removeFile, removeStaleTemporaries, writeFileAtomic } from './atomic-write.js';
import type { OutputEntry } from './manifest.js';
import { recordOf, type ArticleRecord } from './next-manifest.js';
import type { FileState } from './plan.js';

/** True when the file on disk is the one the manifest recorded (size, then sha256). */
export function fileMatches(file: string, entry: OutputEntry): boolean {
  // Synchronous for the same reason as FileHasher: many small reads, nothing to overlap them with.
  try {
    if (statSync(file).size !== entry.bytes) return false;
    return sha256(readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}

/** Whether a recorded output's file is still the one written, edited since, or gone. */
export function fileState(out: string, entry: OutputEntry): FileState {
  const file = path.join(out, entry.path);
  if (fileMatches(file, entry)) return 'intact';
  try {
    statSync(file);
    return 'modified';
  } catch {
    return 'missing';
  }
}

/**
 * Writes an article's files (each atomically) into `<out>/<slug>/`, in order, and returns the
 * result as a record: without the bytes, with the error code of each file that could not be written.
 */
export async function writeArticle(out: string, result: ArticleResult): Promise<ArticleRecord> {
  const writeErrors = new Map<string, string>();
  for (const edition of result.editions) {
    for (const file of edition.files) {
      try {
        await writeFileAtomic(path.join(out, result.slug, file.name), file.data);
      } catch (error) {
        writeErrors.set(file.name, (error as NodeJS.ErrnoException).code ?? String(error));
      }
    }
  }
  return recordOf(result, writeErrors);
}

/**
 * Removes an output the manifest says this tool wrote. The plan saw the file intact; it is checked
 * again just before, so a file replaced by hand meanwhile is left alone. Says what it found.
 */
export async function removeRecorded(out: string, entry: OutputEntry): Promise<'removed' | 'modified' | 'missing'> {
  const file = path.join(out, entry.path);
  if (!fileMatches(file, entry)) {
    return stat(file).then(
      () => 'modified' as const,
      () => 'missing' as const,
    );
  }
  await removeFile(file);
  return 'removed';
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
