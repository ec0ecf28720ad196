/**
 * The one way an input is read: articles, locale and state files, templates, the PDF theme, the
 * logo, stylesheets. A file is read only if it is a regular file whose real path (symbolic links
 * resolved) lies inside the project, outside `.git/` and the output folder (bounds.ts). Its type
 * is checked before it is opened and again on the open descriptor (opened non-blocking, not
 * following a link swapped in meanwhile), so a FIFO or a device is refused, never waited on; an
 * asynchronous read also has a time limit. Every refusal is an {@link InputError} naming the file.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync, type BigIntStats, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { FileProblem } from '../core/errors.js';
import type { RuleParams } from '../core/rules.js';
import { DEFAULTS } from '../core/defaults.js';
import { boundsOf, containment, type ProjectBounds } from './bounds.js';

type InputRule = 'briefing:outside-project' | 'briefing:not-a-file' | 'briefing:unreadable-file';

/**
 * An input cannot be read: it leads out of the project (`outside-project`), is not a regular file
 * (`not-a-file`) or fails to read (`unreadable-file`). `file` is the path asked for, not where a
 * link leads; `code` is the system's error code, `EOUTSIDE` or `ENOTFILE`.
 */
export class InputError<R extends InputRule = InputRule> extends FileProblem<R> {
  override name = 'InputError';
  constructor(
    ruleId: R,
    file: string,
    params: RuleParams<R>,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(ruleId, file, params, undefined, options);
  }
}

// Non-blocking: opening a FIFO would otherwise wait for a writer. No-follow: a link swapped in after
// the real path was checked makes the open fail instead of being followed (0 where the OS lacks it).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Reads `file`; absent or not, any problem is an {@link InputError}. */
export function readInputSync(file: string, bounds: ProjectBounds = boundsOf(file)): Buffer {
  return readInputWithStatsSync(file, bounds).bytes;
}

/**
 * The stat data (bigint times) of the regular file `file` leads to inside `bounds`, checked as a
 * read checks it, without opening it: what a stat cache compares (publish/stat-cache.ts).
 */
export function inputStatsSync(file: string, bounds: ProjectBounds): BigIntStats {
  const real = checkedRealPathSync(file, bounds);
  let stats: BigIntStats;
  try {
    stats = statSync(real, { bigint: true });
  } catch (error) {
    throw ioError(file, error);
  }
  refuseNonFile(file, stats);
  return stats;
}

/**
 * Reads `file` as {@link readInputSync} does, with the stat data of the open file taken before
 * its bytes are read (an edit during or after the read changes it).
 */
export function readInputWithStatsSync(file: string, bounds: ProjectBounds = boundsOf(file)): { bytes: Buffer; stats: BigIntStats } {
  const real = checkedRealPathSync(file, bounds);
  refuseNonFile(file, () => statSync(real));
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    throw ioError(file, error);
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    refuseNonFile(file, stats);
    return { bytes: readFileSync(fd), stats };
  } catch (error) {
    throw error instanceof InputError ? error : ioError(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Reads `file`, or returns undefined when it does not exist (nor does a link's target). */
export function readOptionalInputSync(file: string, bounds: ProjectBounds = boundsOf(file)): Buffer | undefined {
  try {
    return readInputSync(file, bounds);
  } catch (error) {
    if (error instanceof InputError && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads `file` within `timeoutMs`; any problem, absence included, is an {@link InputError}. */
export async function readInput(file: string, bounds: ProjectBounds = boundsOf(file), timeoutMs: number = DEFAULTS.readTimeoutMs): Promise<Buffer> {
  const real = await checkedRealPath(file, bounds);
  refuseNonFile(file, await stat(real).catch((error: unknown) => Promise.reject(ioError(file, error))));
  const handle = await open(real, OPEN_FLAGS).catch((error: unknown) => Promise.reject(ioError(file, error)));
  try {
    refuseNonFile(file, await handle.stat());
    return await handle.readFile({ signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
      throw new InputError('briefing:unreadable-file', file, { reason: `reading it took longer than ${timeoutMs / 1000} s` }, 'ETIMEDOUT', { cause: error });
    }
    throw ioError(file, error);
  } finally {
    await handle.close();
  }
}

/** Reads `file` within the time limit, or returns undefined when it does not exist. */
export async function readOptionalInput(file: string, bounds: ProjectBounds = boundsOf(file), timeoutMs?: number): Promise<Buffer | undefined> {
  try {
    return await readInput(file, bounds, timeoutMs);
  } catch (error) {
    if (error instanceof InputError && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The real path of `file` if it is inside `bounds`, or undefined when it does not exist.
 * @throws InputError when it resolves out of bounds or cannot be resolved (a link loop).
 */
export async function inputRealPath(file: string, bounds: ProjectBounds): Promise<string | undefined> {
  try {
    return await checkedRealPath(file, bounds);
  } catch (error) {
    if (error instanceof InputError && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

function checkedRealPathSync(file: string, bounds: ProjectBounds): string {
  let real: string;
  try {
    real = realpathSync.native(file); // one realpath(3) call, not an lstat per path component
  } catch (error) {
    throw ioError(file, error);
  }
  return inBounds(file, real, bounds);
}

async function checkedRealPath(file: string, bounds: ProjectBounds): Promise<string> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    throw ioError(file, error);
  }
  return inBounds(file, real, bounds);
}

function inBounds(file: string, real: string, bounds: ProjectBounds): string {
  const where = containment(bounds, real);
  if (!where.inside) throw new InputError('briefing:outside-project', file, { into: where.into }, 'EOUTSIDE');
  return real;
}

/** Throws when `stats` (or the stats `read` returns) are not a regular file's. */
function refuseNonFile(file: string, stats: Stats | BigIntStats | (() => Stats)): void {
  let found: Stats | BigIntStats;
  try {
    found = typeof stats === 'function' ? stats() : stats;
  } catch (error) {
    throw ioError(file, error);
  }
  if (found.isFile()) return;
  const kind = found.isDirectory()
    ? 'a folder'
    : found.isFIFO()
      ? 'a named pipe (FIFO)'
      : found.isSocket()
        ? 'a socket'
        : found.isCharacterDevice() || found.isBlockDevice()
          ? 'a device'
          : 'something else';
  throw new InputError('briefing:not-a-file', file, { kind }, 'ENOTFILE');
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
  ELOOP: 'a loop of symbolic links (ELOOP)',
  ENOENT: 'it does not exist, or vanished while being read (ENOENT)',
  ENOTDIR: 'a folder on its path is a file (ENOTDIR)',
  EISDIR: 'it is a folder (EISDIR)',
  ENAMETOOLONG: 'its path is too long (ENAMETOOLONG)',
  EIO: 'an input/output error of the disk (EIO)',
};

function ioError(file: string, error: unknown): InputError<'briefing:unreadable-file'> {
  const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
  const reason = REASONS[code] ?? (code === 'EUNKNOWN' ? String(error) : code);
  return new InputError('briefing:unreadable-file', file, { reason }, code, { cause: error });
}
