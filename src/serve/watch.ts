/**
 * Watches content/, locales/ and templates/ (and their sub-folders), and the folders of the images
 * previewed articles show, for saves. Folders are
 * watched, never files: an editor that saves by writing a temporary file and renaming it over the
 * original replaces the file's inode, which a file watch would lose. Events are debounced, so a
 * save written in chunks or as rename + write is one change; a folder that vanishes is dropped and
 * picked up again when it comes back (the project root is watched for that).
 */
import { watch, type Dirent, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectPaths } from '../core/paths.js';
import { DEFAULTS } from '../core/defaults.js';

export interface ProjectWatcher {
  /** Resolves once the folders that exist at start are watched. */
  ready: Promise<void>;
  /** Watches the folders that exist now (the extra ones included), forgets those that do not. */
  sync(): Promise<void>;
  close(): void;
}

/**
 * The quiet time that ends a burst of events. The events of one save (write, or temporary file
 * and rename) come within a millisecond or two of each other; a burst split in two costs one
 * render more, never a wrong page (renders are keyed by the files' bytes, and the preview's
 * refreshes are coalesced). Every millisecond here is added to each save → reload.
 */
export const WATCH_DEBOUNCE_MS = 10;

const WATCHED: readonly string[] = [DEFAULTS.folders.content, DEFAULTS.folders.locales, DEFAULTS.folders.templates];

/**
 * Calls `onChange` with the changed paths, `debounceMs` after the last of a burst of events.
 * `extraFolders`: more folders to watch (not their sub-folders), asked at each sync — those of the
 * images previewed articles show outside content/ (the project root itself is never one).
 */
export function watchProject(
  paths: ProjectPaths,
  onChange: (files: string[]) => void,
  debounceMs = WATCH_DEBOUNCE_MS,
  extraFolders: () => Iterable<string> = () => [],
): ProjectWatcher {
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };
  const flush = async () => {
    await sync();
    if (closed || changed.size === 0) return;
    const files = [...changed];
    changed.clear();
    onChange(files);
  };
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (dir === paths.root && !(name && WATCHED.includes(name.toString()))) return;
        changed.add(name ? path.join(dir, name.toString()) : dir);
        schedule();
      });
      // A watched folder that is removed errors on some platforms: forget it, re-watch on the next sync.
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(dir);
        changed.add(dir);
        schedule();
      });
      watchers.set(dir, watcher);
    } catch {
      // Gone between listing and watching: the next sync will see it or not.
    }
  };
  /** Watches every folder that exists now, forgets those that do not. */
  const sync = async () => {
    const dirs = new Set([paths.root]);
    for (const top of WATCHED) for (const dir of await folders(path.join(paths.root, top), 3)) dirs.add(dir);
    for (const dir of extraFolders()) if (dir !== paths.root) dirs.add(dir);
    if (closed) return;
    for (const [dir, watcher] of watchers) {
      if (!dirs.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) add(dir);
  };

  return {
    ready: sync(),
    sync,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** `dir` and its sub-folders down to `depth` levels; none when `dir` does not exist. */
async function folders(dir: string, depth: number): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found = [dir];
  if (depth > 0) for (const entry of entries) if (entry.isDirectory()) found.push(...(await folders(path.join(dir, entry.name), depth - 1)));
  return found;
}
