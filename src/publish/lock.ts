/**
 * One build at a time per output folder: `<output>/.briefing.lock` holds the pid, host, start time
 * and a random token of the build that owns the folder. The file is created complete (written to a
 * temporary, then hard-linked into place, which fails if it exists), so nobody ever reads a
 * half-written lock. A lock whose process is gone (same host, pid dead or reused by us) is stale:
 * it is moved aside, checked to be the one judged stale, and the next build takes over.
 */
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { wallClock } from '../core/clock.js';
import { TEMP_PREFIX } from './atomic-write.js';

export const LOCK_FILE = '.briefing.lock';

export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the lock was taken (real time, not SOURCE_DATE_EPOCH). */
  started: string;
  token: string;
}

/** Another live build holds the output folder (exit code 3). */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor(
    readonly holder: LockInfo | undefined,
    readonly file: string,
  ) {
    super(
      holder
        ? `${file} is locked by pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`} since ${holder.started}: another briefing build is writing there. Try again when it ends, or pass --wait SECONDS.${holder.host === hostname() ? '' : ` If no build runs on ${holder.host}, delete ${file}.`}`
        : `${file} exists but is not a lock this version wrote. If no briefing build is running on this folder, delete it.`,
    );
  }
}

export interface Lock {
  file: string;
  info: LockInfo;
  /** The stale lock this build took over, if any (to report it). */
  recovered?: LockInfo;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a live lock before giving up (ms); 0 fails at once. */
  waitMs?: number;
  /** Called once when the build starts waiting. */
  onWait?: (holder: LockInfo | undefined) => void;
}

/** Takes the lock of `dir` (created if needed), waiting up to `waitMs` for a live holder. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<Lock> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: wallClock().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = performance.now() + (options.waitMs ?? 0);
  let recovered: LockInfo | undefined;
  let waiting = false;
  for (;;) {
    if (await tryCreate(file, info)) {
      return { file, info, ...(recovered ? { recovered } : {}), release: () => release(file, info.token) };
    }
    const holder = await readLock(file);
    if (holder === 'absent') continue;
    if (holder !== 'unreadable' && isStale(holder) && (await removeStale(file, holder))) {
      recovered = holder;
      continue;
    }
    const known = holder === 'unreadable' ? undefined : holder;
    if (performance.now() >= deadline) throw new LockedError(known, path.relative(process.cwd(), file) || file);
    if (!waiting) options.onWait?.(known);
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates the lock file with its full content, or returns false if it exists. */
async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${info.pid}-${info.token}-lock`);
  const content = `${JSON.stringify(info)}\n`;
  await writeFile(temp, content);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // No hard links on this file system: exclusive create (a reader may briefly see it empty).
    try {
      await writeFile(file, content, { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

async function readLock(file: string): Promise<LockInfo | 'absent' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'string' && typeof value.token === 'string') {
      return value as LockInfo;
    }
  } catch {
    // fall through: not a lock this version wrote
  }
  return 'unreadable';
}

/** True when the holder cannot be running: same host and its pid is dead, or is this process. */
function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false; // cannot see other machines' processes
  if (holder.pid === process.pid) return true; // pid reused (containers): the holder is gone
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Moves the stale lock aside and checks it is still the one judged stale: two builds recovering at
 * once must not remove the fresh lock the faster one just took. If it was, it is put back.
 */
async function removeStale(file: string, holder: LockInfo): Promise<boolean> {
  const aside = path.join(path.dirname(file), `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-stale-lock`);
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readLock(aside);
  if (moved !== 'absent' && moved !== 'unreadable' && moved.token === holder.token) {
    await rm(aside, { force: true });
    return true;
  }
  try {
    await link(aside, file);
  } catch {
    // Someone took the lock meanwhile; theirs stands.
  }
  await rm(aside, { force: true });
  return false;
}

async function release(file: string, token: string): Promise<void> {
  const holder = await readLock(file);
  if (holder !== 'absent' && holder !== 'unreadable' && holder.token === token) await rm(file, { force: true });
}
