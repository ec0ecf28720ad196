/**
 * One build at a time per output folder: `<output>/.briefing.lock` holds the pid, host, start time,
 * process start time and boot id, and a random token of the build that owns the folder. The file is
 * created complete (written to a temporary, then hard-linked into place, which fails if it exists),
 * so nobody ever reads a half-written lock; its holder touches it while it builds. A lock whose
 * holder cannot be running (lock-holder.ts: pid gone or reused, machine restarted, another host's
 * lock untouched too long, content that is no lock) is stale: it is moved aside, checked to be the
 * one judged stale, and the next build takes over, saying why.
 */
import { link, lstat, mkdir, realpath, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { wallClock } from '../core/clock.js';
import { DEFAULTS } from '../core/defaults.js';
import { InputError, readInput } from '../project/read-file.js';
import { TEMP_PREFIX } from './atomic-write.js';
import { selfIdentity, staleReason, STALE_TIMES, type LockInfo, type StaleTimes } from './lock-holder.js';

export type { LockInfo } from './lock-holder.js';

export const LOCK_FILE = '.briefing.lock';

/** A stale lock a build took over: who held it (when the file said), and why it was judged stale. */
export interface RecoveredLock {
  holder?: LockInfo;
  reason: string;
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
  recovered?: RecoveredLock;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a live lock before giving up (ms); 0 fails at once. */
  waitMs?: number;
  /** Called once when the build starts waiting. */
  onWait?: (holder: LockInfo | undefined) => void;
  /** When locks that cannot be judged otherwise turn stale (tests shorten them). */
  staleTimes?: StaleTimes;
}

/** Takes the lock of `dir` (created if needed), waiting up to `waitMs` for a live holder. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<Lock> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: wallClock().toISOString(), token: randomBytes(8).toString('hex'), ...selfIdentity() };
  const deadline = performance.now() + (options.waitMs ?? 0);
  let recovered: RecoveredLock | undefined;
  let waiting = false;
  for (;;) {
    if (await tryCreate(file, info)) {
      // Touch the lock while building, so a build on another host sharing the folder sees it alive.
      const touch = setInterval(() => {
        const now = new Date();
        utimes(file, now, now).catch(() => undefined);
      }, DEFAULTS.lockRefreshMs);
      touch.unref();
      const releaseLock = () => {
        clearInterval(touch);
        return release(file, info.token);
      };
      return { file, info, ...(recovered ? { recovered } : {}), release: releaseLock };
    }
    const found = await readLock(file);
    if (found === 'absent') continue;
    const { holder, ageMs } = found;
    const reason = staleReason(holder, ageMs, options.staleTimes ?? STALE_TIMES);
    if (reason !== undefined && (await removeStale(file, holder))) {
      recovered = { ...(holder === 'unreadable' ? {} : { holder }), reason };
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

/**
 * The lock at `file` and the time since it was last touched; 'unreadable' when it is not a lock
 * this version wrote (empty, garbage, a folder or a FIFO: read as any input, never waited on).
 */
async function readLock(file: string): Promise<{ holder: LockInfo | 'unreadable'; ageMs: number } | 'absent'> {
  let ageMs: number;
  try {
    ageMs = Math.max(0, Date.now() - (await lstat(file)).mtimeMs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  let text: string;
  try {
    const dir = await realpath(path.dirname(file));
    text = (await readInput(file, { root: dir, excluded: [] })).toString('utf8');
  } catch (error) {
    if (error instanceof InputError && error.code === 'ENOENT') return 'absent';
    return { holder: 'unreadable', ageMs };
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'string' && typeof value.token === 'string') {
      return { holder: value as LockInfo, ageMs };
    }
  } catch {
    // fall through: not a lock this version wrote
  }
  return { holder: 'unreadable', ageMs };
}

/**
 * Moves the stale lock aside and checks it is still the one judged stale: two builds recovering at
 * once must not remove the fresh lock the faster one just took. If it was, it is put back.
 */
async function removeStale(file: string, holder: LockInfo | 'unreadable'): Promise<boolean> {
  const aside = path.join(path.dirname(file), `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-stale-lock`);
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readLock(aside);
  const same =
    moved !== 'absent' && (holder === 'unreadable' ? moved.holder === 'unreadable' : moved.holder !== 'unreadable' && moved.holder.token === holder.token);
  if (same) {
    await rm(aside, { force: true, recursive: true });
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
  const found = await readLock(file);
  if (found !== 'absent' && found.holder !== 'unreadable' && found.holder.token === token) await rm(file, { force: true });
}
