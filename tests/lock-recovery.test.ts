/**
 * A lock whose holder cannot be proven alive is recovered with a message (proper-lockfile's stale
 * rule as the model): empty or garbage content, another host's lock left untouched, a pid that is
 * alive but now another process, a machine restarted since. A lock that may be live still blocks.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { acquireLock, LOCK_FILE, LockedError } from '../src/publish/lock.js';
import { processStart } from '../src/publish/lock-holder.js';
import { runCli, tempProject } from './helpers.js';
import { EXIT } from '../src/core/errors.js';

const hasProc = existsSync(`/proc/${process.pid}/stat`);

/** An output folder holding the lock `content`, last touched `ageMs` ago. */
function lockedFolder(content: string | object, ageMs = 0): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-lock-'));
  const file = path.join(dir, LOCK_FILE);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const then = new Date(Date.now() - ageMs);
  utimesSync(file, then, then);
  return dir;
}

const holder = (fields: Record<string, unknown> = {}) => ({ pid: process.pid, host: hostname(), started: '2026-11-25T23:00:00.000Z', token: 'abc', ...fields });

async function recovered(dir: string): Promise<string | undefined> {
  const lock = await acquireLock(dir);
  await lock.release();
  return lock.recovered?.reason;
}

describe('stale locks', () => {
  it('an empty or garbage lock is recovered once it is more than a moment old, and blocks while fresh', async () => {
    for (const content of ['', 'garbage\n', '{"pid":"x"}']) {
      expect(await recovered(lockedFolder(content, 10_000)), JSON.stringify(content)).toBe('which is not a lock this version wrote (empty or damaged)');
      // Fresh: maybe a build writing it this instant (no hard links on this file system).
      await expect(acquireLock(lockedFolder(content))).rejects.toBeInstanceOf(LockedError);
    }
  });

  it('a lock written on another host is recovered once untouched for DEFAULTS.lockStaleMs, and blocks while its build touches it', async () => {
    const remote = holder({ host: 'other-machine', pid: 1 });
    expect(await recovered(lockedFolder(remote, 61_000))).toMatch(/^written on other-machine and untouched for 61 s/);
    await expect(acquireLock(lockedFolder(remote, 5_000))).rejects.toBeInstanceOf(LockedError);
  });

  it.skipIf(!hasProc)('a live pid that is not the process that wrote the lock (pid reuse) is recovered; the same process blocks', async () => {
    const child = spawn('sleep', ['30']);
    try {
      const start = processStart(child.pid!);
      expect(start).toMatch(/^\d+$/);
      const reused = lockedFolder(holder({ pid: child.pid, pidStart: String(Number(start) + 1) }));
      expect(await recovered(reused)).toBe(`whose pid ${child.pid} now belongs to another process`);
      await expect(acquireLock(lockedFolder(holder({ pid: child.pid, pidStart: start })))).rejects.toBeInstanceOf(LockedError);
    } finally {
      child.kill();
    }
  });

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))('a lock from before the machine restarted is recovered', async () => {
    const child = spawn('sleep', ['30']);
    try {
      expect(await recovered(lockedFolder(holder({ pid: child.pid, boot: 'another-boot' })))).toBe('which ran before this machine restarted');
    } finally {
      child.kill();
    }
  });

  it('a FIFO in place of the lock is judged unreadable, not waited on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-lock-'));
    execFileSync('mkfifo', [path.join(dir, LOCK_FILE)]);
    const then = new Date(Date.now() - 10_000);
    utimesSync(path.join(dir, LOCK_FILE), then, then);
    expect(await recovered(dir)).toBe('which is not a lock this version wrote (empty or damaged)');
  });

  it('records its own process start time and boot id where the OS tells them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-lock-'));
    const lock = await acquireLock(dir);
    const written = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    await lock.release();
    if (hasProc) expect(written.pidStart).toBe(processStart(process.pid));
    expect(written).toMatchObject({ pid: process.pid, host: hostname(), token: lock.info.token });
  });

  it('the build says which lock it recovered, and why', async () => {
    const root = tempProject();
    const out = lockedFolder('', 10_000);
    const result = await runCli(['build', '--root', root, '--out', out, '--format', 'md', '--lang', 'fr']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr).toContain('briefing: recovered the lock of the output folder, which is not a lock this version wrote (empty or damaged)');
  });
});
