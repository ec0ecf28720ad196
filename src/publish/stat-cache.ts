/**
 * What the last check of each recorded output found, by the file's stat data (as git's index
 * does): `<output>/.briefing-stat.json` pairs each output's size, inode, mtime and ctime (ns) with
 * the sha256 its bytes had then. A no-op build then hashes only the files whose stat data changed,
 * instead of every output (the edit-detection contract: an output edited by hand is never
 * overwritten or deleted). Not part of the manifest, which must stay byte-identical between
 * identical builds; losing this file only costs the hashing again.
 *
 * Racy files: a file edited in the same timestamp tick as the write it replaced keeps its mtime,
 * and an edit keeping the size would then keep the whole stat data. So a file is remembered only
 * when its mtime (and ctime) is older than {@link RACY_MS} when it was hashed: its next edit must
 * then move its mtime. A file hashed sooner after its last change is hashed again next build.
 */
import type { BigIntStats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../core/hash.js';
import { writeFileAtomic } from './atomic-write.js';

export const STAT_CACHE_FILE = '.briefing-stat.json';
/** The same for the build's inputs (articles, locale files), keyed by their path from the project root (input-hash.ts). */
export const INPUT_STAT_CACHE_FILE = '.briefing-inputs.json';
const VERSION = 1;

/**
 * How old a file's last change must be for its stat data to stand for its bytes: above the
 * coarsest timestamp granularity in use (2 s, FAT) and a small clock difference with a network
 * file system.
 */
export const RACY_MS = 3000;

/** When a file's bytes or metadata last changed (ms): its mtime, or its ctime when later (an mtime can be set back, a ctime cannot). */
export function lastChangeMs(stats: BigIntStats): number {
  return Math.max(Number(stats.mtimeMs), Number(stats.ctimeMs));
}

/** size, inode, mtime (ns), ctime (ns), sha256. */
export type Entry = [string, string, string, string, string];

export class StatCache {
  private changed = false;

  private constructor(
    private readonly entries: Map<string, Entry>,
    private readonly name: string,
    /** sha256 of the file's text these entries come from (see {@link digest}). */
    private textHash: string | undefined = 'none',
  ) {}

  static empty(name = STAT_CACHE_FILE): StatCache {
    return new StatCache(new Map(), name);
  }

  /** The cache `name` in `out`, or an empty one when it is absent or unreadable (never an error: it is only a cache). */
  static read(out: string, name = STAT_CACHE_FILE): StatCache {
    try {
      const text = readRegularFile(path.join(out, name));
      const data = JSON.parse(text) as { version?: unknown; files?: unknown };
      // Unreadable as a cache: empty, and no digest (its text is not what an empty cache saves).
      if (data.version !== VERSION || typeof data.files !== 'object' || data.files === null) return new StatCache(new Map(), name, undefined);
      const entries = new Map<string, Entry>();
      const files = data.files as Record<string, unknown>;
      // for…in over JSON.parse's own keys, no [key, value] pair nor closure per entry: a no-op reads
      // ~3 000 entries (2.5 ms of a cold process's 10 ms for both caches).
      for (const file in files) {
        const entry = files[file];
        if (isEntry(entry)) entries.set(file, entry);
      }
      // A damaged entry skipped: the entries are not all the text says, so no digest.
      return new StatCache(entries, name, entries.size === Object.keys(files).length ? sha256(text) : undefined);
    } catch (error) {
      return new StatCache(new Map(), name, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : undefined);
    }
  }

  /** The sha256 the file at `file` (relative to the output folder) had when last hashed, if its stat data is unchanged since. */
  sha256(file: string, stats: BigIntStats): string | undefined {
    const entry = this.entries.get(file);
    if (!entry) return undefined;
    const [size, ino, mtime, ctime, sha256] = entry;
    const same = size === String(stats.size) && ino === String(stats.ino) && mtime === String(stats.mtimeNs) && ctime === String(stats.ctimeNs);
    return same ? sha256 : undefined;
  }

  /** Records that `file` hashed to `sha256` with the stat data `stats` taken before reading it, unless the file is racy. */
  remember(file: string, stats: BigIntStats, sha256: string, nowMs = Date.now()): void {
    if (lastChangeMs(stats) > nowMs - RACY_MS) {
      if (this.entries.delete(file)) this.changed = true;
      return;
    }
    const entry: Entry = [String(stats.size), String(stats.ino), String(stats.mtimeNs), String(stats.ctimeNs), sha256];
    if (this.entries.get(file)?.join() === entry.join()) return;
    this.entries.set(file, entry);
    this.changed = true;
  }

  /** The files remembered, with the size and sha256 each had (a build record checks them all: build-record.ts). */
  files(): IterableIterator<[string, Entry]> {
    return this.entries.entries();
  }

  /**
   * sha256 of the cache's file as read or last saved, while nothing changed in memory since (else
   * undefined): two caches with the same digest hold the same entries. 'none' for an absent file.
   */
  digest(): string | undefined {
    return this.changed ? undefined : this.textHash;
  }

  /** Drops the files not in `kept` (outputs removed or no longer recorded). */
  retain(kept: ReadonlySet<string>): void {
    for (const file of [...this.entries.keys()]) if (!kept.has(file) && this.entries.delete(file)) this.changed = true;
  }

  /** Writes the cache into `out` if anything changed; a failure is ignored (the next build hashes again). */
  async save(out: string): Promise<void> {
    if (!this.changed) return;
    const files = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const text = `${JSON.stringify({ version: VERSION, files })}\n`;
    const saved = await writeFileAtomic(path.join(out, this.name), text).then(
      () => true,
      () => false,
    );
    this.textHash = saved ? sha256(text) : undefined;
    this.changed = false;
  }
}

function isEntry(entry: unknown): entry is Entry {
  if (!Array.isArray(entry) || entry.length !== 5) return false;
  for (let i = 0; i < 5; i++) if (typeof entry[i] !== 'string') return false;
  return true;
}

/** Largest cache read (a few hundred bytes per output): anything bigger is not ours. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The text of `file` if it is a regular file of at most MAX_BYTES: never follows a link, never waits on a FIFO. */
export function readRegularFile(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_BYTES) throw new Error(`${file} is not a stat cache`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
