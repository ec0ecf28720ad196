/**
 * The only module that writes outputs. Each file is written to a temporary file in the same
 * directory, flushed, then renamed over the target: a reader (or a killed build) sees the old
 * complete file or the new complete file, never a partial one.
 */
import { lstat, mkdir, open, rename, rm, rmdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export const TEMP_PREFIX = '.briefing-tmp-';

/** Writes `data` to `file` atomically, creating its directory. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2)}-${path.basename(file)}`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes temporaries left by a killed build in `dir` (one level, as the build writes them). */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  let removed = 0;
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    // Files and links only (rm never follows a link); anything else by that name is not ours.
    const stats = await lstat(path.join(dir, name)).catch(() => undefined);
    if (!stats || stats.isDirectory()) continue;
    await rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Removes a file the tool itself manages (e.g. an emptied obsolete-translations file). */
export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Removes `dir` if it is empty (a folder left with nothing in it); anything else stays. */
export async function removeEmptyDirectory(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}
