/**
 * Is the build that wrote a lock still running? proper-lockfile's rule is the model: a lock its
 * holder keeps touching is alive, one left untouched past a threshold is stale. On this host we can
 * do better than wait: a pid that is gone, or that now belongs to a process started at another
 * time (pid reuse, read from /proc where there is one), or a machine restarted since (boot id),
 * proves the holder dead at once. Only a lock that cannot be judged that way (written on another
 * host, or whose content is not a lock at all) waits out the threshold.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DEFAULTS } from '../core/defaults.js';

/** What a lock file says about its holder. */
export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the lock was taken (real time, not SOURCE_DATE_EPOCH). */
  started: string;
  token: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat), where the OS tells it. */
  pidStart?: string;
  /** The machine's boot id (/proc/sys/kernel/random/boot_id), where the OS tells it. */
  boot?: string;
}

/** Milliseconds a lock may stay untouched before one that cannot be judged otherwise is stale. */
export interface StaleTimes {
  /** A lock from another host (its holder touches it every DEFAULTS.lockRefreshMs). */
  staleMs: number;
  /** A lock whose content is not a lock (empty, damaged): only a moment of writing explains it. */
  unreadableMs: number;
}

export const STALE_TIMES: StaleTimes = { staleMs: DEFAULTS.lockStaleMs, unreadableMs: DEFAULTS.lockUnreadableMs };

/** The fields this process writes about itself beside pid, host, time and token. */
export function selfIdentity(): Pick<LockInfo, 'pidStart' | 'boot'> {
  const pidStart = processStart(process.pid);
  const boot = bootId();
  return { ...(pidStart ? { pidStart } : {}), ...(boot ? { boot } : {}) };
}

/**
 * Why the lock's holder cannot be running (a sentence for the message), or undefined when it may
 * be. `holder` is 'unreadable' when the file is not a lock; `ageMs` is the time since it was last touched.
 */
export function staleReason(holder: LockInfo | 'unreadable', ageMs: number, times: StaleTimes = STALE_TIMES): string | undefined {
  if (holder === 'unreadable') {
    return ageMs >= times.unreadableMs ? 'which is not a lock this version wrote (empty or damaged)' : undefined;
  }
  if (holder.host !== hostname()) {
    // Other machines' processes cannot be seen: their builds touch the lock, so silence means gone.
    return ageMs >= times.staleMs
      ? `written on ${holder.host} and untouched for ${Math.round(ageMs / 1000)} s (a running build touches it every ${DEFAULTS.lockRefreshMs / 1000} s)`
      : undefined;
  }
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return 'which ran before this machine restarted';
  if (holder.pid === process.pid) return 'which is no longer running'; // pid reused (containers): the holder is gone
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'which is no longer running';
  }
  const start = processStart(holder.pid);
  if (holder.pidStart && start && start !== holder.pidStart) return `whose pid ${holder.pid} now belongs to another process`;
  return undefined;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or undefined where there is no /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
