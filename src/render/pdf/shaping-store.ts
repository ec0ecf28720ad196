/**
 * Shaped words kept on disk between processes. The first PDF of a cold process shapes each of
 * its words once with fontkit, cold (its JIT never warms up within one article): ~0.1–0.2 s of a
 * 0.8 s build (docs/performance.md). Shaping is a pure function of (font bytes, fontkit, pdfkit,
 * OpenType features, word), so its results are kept in one file per font and key, in the project's
 * cache folder (`node_modules/.cache/briefing`), and read back by the next process instead of shaping again.
 *
 * Never wrong output: the file name is a digest of everything shaping depends on (stale entries
 * are never looked up), the body carries its own SHA-256 (a torn or corrupt file is ignored
 * whole), every entry is checked before use (glyph ids in the font, code points equal to the
 * word's, finite positions) and an entry that fails is shaped afresh. Never read or written
 * through a symbolic link, nor in a folder or file others may write; bounded in entries and bytes.
 * Any failure (no node_modules folder, a read-only disk) only means shaping as before.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULTS } from '../../core/defaults.js';
import { PACKAGE_ROOT } from '../../core/paths.js';
import { toolVersion } from '../../core/version.js';

/** Bumped whenever what is stored, or how a run is rebuilt from it, changes. */
const FORMAT = 2;
/** Largest store file read (the seed's body font: 162 KB for the ~1 000 words of its three PDFs). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** A shaped run as pdfkit's `layoutRun` returns it (positions scaled to 1000 units per em). */
export interface ShapedRun {
  glyphs: { id: number; codePoints: readonly number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  readonly advanceWidth: number;
}

/**
 * One stored word, as numbers, glyph after glyph. Most glyphs stand for the word's next character
 * and only advance (kerning changes the advance): `id, advance`. Any other glyph is
 * `-1 - id, n, n code points, xAdvance, yAdvance, xOffset, yOffset, advanceWidth`.
 */
type Entry = readonly number[];

/** What a store file needs from the parsed fontkit font. */
export interface StoredFont {
  readonly numGlyphs: number;
  getGlyph(id: number, codePoints: number[]): ShapedRun['glyphs'][number];
}

/**
 * The cache folder: `$BRIEFING_CACHE_DIR` (empty: no store), else `node_modules/.cache/briefing`
 * of the project the tool is installed in (where babel, eslint and terser keep theirs: inside the
 * project, ignored by git, never published, gone with `rm -rf node_modules`); shaped words go in
 * its `shaping/` folder.
 */
function storeDir(env: NodeJS.ProcessEnv): string | null {
  const configured = env.BRIEFING_CACHE_DIR;
  if (configured !== undefined) return configured === '' ? null : path.resolve(configured, 'shaping');
  return path.join(nodeModulesOf(PACKAGE_ROOT), '.cache', 'briefing', 'shaping');
}

/** The `node_modules` folder the tool is installed in, or its own when it is the project itself. */
function nodeModulesOf(root: string): string {
  const parts = root.split(path.sep);
  const installed = parts.lastIndexOf('node_modules');
  return installed > 0 ? parts.slice(0, installed + 1).join(path.sep) : path.join(root, 'node_modules');
}

/** Owned by this user and writable by no one else (where the platform has owners and modes). */
function private_(stat: { uid: number; mode: number }): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/**
 * The store folder if it is a real, private directory (created when `create`), else null. In the
 * project's `node_modules`, every folder from there down must be a real directory too, so that no
 * symbolic link can lead the store outside the project.
 */
function usableDir(dir: string, create: boolean): string | null {
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    return stat.isDirectory() && private_(stat) && realFoldersFrom(nodeModulesOf(PACKAGE_ROOT), dir) ? dir : null;
  } catch {
    return null;
  }
}

/** No symbolic link between `base` and `dir` (both included) when `dir` is under `base`. */
function realFoldersFrom(base: string, dir: string): boolean {
  const relative = path.relative(base, dir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return true; // a folder the user chose
  let current = base;
  for (const part of ['', ...relative.split(path.sep).filter(Boolean)]) {
    current = path.join(current, part);
    if (!lstatSync(current).isDirectory()) return false;
  }
  return true;
}

/** Version of an installed package, found from its entry point (its package.json is not exported). */
function installedVersion(name: string): string {
  const require = createRequire(import.meta.url);
  for (let dir = path.dirname(require.resolve(name)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    try {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === name && parsed.version) return parsed.version;
    } catch {
      // not this folder: keep walking up
    }
  }
  throw new Error(`no version found for ${name}`);
}

let versions: string | undefined;
/** Everything besides the font and its features that shaping depends on (read once per process). */
function codeVersions(): string {
  versions ??= JSON.stringify([FORMAT, toolVersion(), installedVersion('fontkit'), installedVersion('pdfkit')]);
  return versions;
}

/** File of the store for a font's bytes shaped with `features` (a digest of every input of shaping). */
function storeFile(dir: string, fontBytes: Uint8Array, features: string): string {
  const fontDigest = createHash('sha256').update(fontBytes).digest('hex');
  const key = createHash('sha256')
    .update(JSON.stringify([codeVersions(), features, fontDigest]))
    .digest('hex');
  return path.join(dir, `${key.slice(0, 40)}.json`);
}

function readPrivateFile(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES || !private_(stat)) return null;
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return null;
      read += n;
    }
    return bytes.toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function digest(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The entries of a store file, or an empty map when it is missing, torn, corrupt or foreign. */
function parseStore(text: string | null): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  if (text === null) return entries;
  const newline = text.indexOf('\n');
  if (newline < 0) return entries;
  try {
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; digest?: unknown };
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.digest !== digest(body)) return entries;
    const list = JSON.parse(body) as unknown;
    if (!Array.isArray(list)) return entries;
    for (const item of list) {
      if (Array.isArray(item) && typeof item[0] === 'string') entries.set(item[0], item.slice(1) as Entry);
    }
  } catch {
    entries.clear();
  }
  return entries;
}

function isCount(value: unknown, below: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < below;
}

/**
 * fontkit draws a default-ignorable character (a soft hyphen, U+200B–U+200F, U+2060–U+206F,
 * U+FEFF, …) as the space glyph with no advance: that glyph's code points are a space's, and it
 * stands for the word's character. The BMP part of fontkit's list (LayoutEngine.isDefaultIgnorable).
 */
function hidden(points: readonly unknown[], char: number | undefined): boolean {
  if (points.length !== 1 || points[0] !== 0x20 || char === undefined) return false;
  return (
    char === 0xad ||
    char === 0x34f ||
    char === 0x61c ||
    (char >= 0x17b4 && char <= 0x17b5) ||
    (char >= 0x180b && char <= 0x180e) ||
    (char >= 0x200b && char <= 0x200f) ||
    (char >= 0x202a && char <= 0x202e) ||
    (char >= 0x2060 && char <= 0x206f) ||
    (char >= 0xfe00 && char <= 0xfe0f) ||
    char === 0xfeff ||
    (char >= 0xfff0 && char <= 0xfff8)
  );
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The run an entry stands for, or null when it is not one fontkit could have given for `word`:
 * every glyph id in the font, the glyphs' code points together exactly the word's, finite numbers.
 */
export function runFromEntry(font: StoredFont, word: string, entry: unknown): ShapedRun | null {
  if (!Array.isArray(entry)) return null;
  const wanted = Array.from(word, (char) => char.codePointAt(0)!);
  const glyphs: ShapedRun['glyphs'] = [];
  const positions: ShapedRun['positions'] = [];
  let next = 0;
  let i = 0;
  while (i < entry.length) {
    const head: unknown = entry[i++];
    if (typeof head !== 'number' || !Number.isInteger(head)) return null;
    let id: number;
    let points: unknown[];
    let p: unknown[];
    if (head >= 0) {
      id = head;
      points = wanted.slice(next, next + 1);
      p = [entry[i], 0, 0, 0, entry[i]];
      i += 1;
    } else {
      id = -1 - head;
      const count: unknown = entry[i++];
      if (!isCount(count, wanted.length - next + 1)) return null;
      points = entry.slice(i, i + count);
      p = entry.slice(i + count, i + count + 5);
      i += count + 5;
    }
    if (!isCount(id, font.numGlyphs) || (head >= 0 && points.length !== 1) || p.length !== 5 || !p.every(isFiniteNumber)) return null;
    if (hidden(points, wanted[next])) next++;
    else for (const point of points) if (point !== wanted[next++]) return null;
    const [xAdvance, yAdvance, xOffset, yOffset, advanceWidth] = p as number[];
    glyphs.push(font.getGlyph(id, points as number[]));
    // The key order of fontkit's GlyphPosition, then pdfkit's advanceWidth.
    positions.push({ xAdvance: xAdvance!, yAdvance: yAdvance!, xOffset: xOffset!, yOffset: yOffset!, advanceWidth: advanceWidth! });
  }
  if (next !== wanted.length) return null;
  return {
    glyphs,
    positions,
    // As fontkit's GlyphRun: the sum of the advances, in order.
    get advanceWidth() {
      let width = 0;
      for (const position of positions) width += position.xAdvance;
      return width;
    },
  };
}

/** The entry stored for `word`'s run (the inverse of `runFromEntry`); null for a run JSON cannot hold exactly (a -0). */
export function entryFromRun(word: string, run: ShapedRun): Entry | null {
  const wanted = Array.from(word, (char) => char.codePointAt(0)!);
  const out: number[] = [];
  let next = 0;
  for (let g = 0; g < run.glyphs.length; g++) {
    const { id, codePoints } = run.glyphs[g]!;
    const { xAdvance, yAdvance, xOffset, yOffset, advanceWidth } = run.positions[g]!;
    const numbers = [xAdvance, yAdvance, xOffset, yOffset, advanceWidth];
    if (numbers.some((n) => Object.is(n, -0))) return null;
    if (codePoints.length === 1 && codePoints[0] === wanted[next] && yAdvance === 0 && xOffset === 0 && yOffset === 0 && xAdvance === advanceWidth) {
      out.push(id, xAdvance);
    } else {
      out.push(-1 - id, codePoints.length, ...codePoints, ...numbers);
    }
    next += hidden(codePoints, wanted[next]) ? 1 : codePoints.length;
  }
  return out;
}

/** The stored words of one font, and the file they are saved back to. */
interface FontStore {
  /** Stored entries by word, read at open (checked on use, by `runFromEntry`). */
  readonly stored: ReadonlyMap<string, unknown>;
  readonly file: string;
}

/**
 * Opens the store of a font's bytes shaped with `features`; null when there is no usable cache
 * folder. Reads nothing but that one file.
 */
export function openFontStore(fontBytes: Uint8Array, features: string, env: NodeJS.ProcessEnv = process.env): FontStore | null {
  try {
    const dir = storeDir(env);
    if (dir === null) return null;
    const file = storeFile(dir, fontBytes, features);
    // A folder not there yet is made by the first save; one that is not private is never read.
    return { stored: usableDir(dir, false) ? parseStore(readPrivateFile(file)) : new Map(), file };
  } catch {
    return null;
  }
}

/**
 * Writes `entries` (at most `capacity`, the last ones: the newest) as the store file, through a
 * private temporary file renamed over it, so a reader sees the old file or the new one whole.
 * Failures are ignored: the next process shapes again.
 */
function saveFontStore(file: string, entries: readonly (readonly [string, Entry])[], capacity: number): void {
  const dir = usableDir(path.dirname(file), true);
  if (!dir) return;
  const body = JSON.stringify(entries.slice(-capacity).map(([word, entry]) => [word, ...entry]));
  const text = `${JSON.stringify({ format: FORMAT, digest: digest(body) })}\n${body}`;
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) return;
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already renamed
    }
  }
}

/** A font's store on disk, its runs in memory (shaping-cache.ts), and how many fontkit shaped since the last save. */
export interface PersistedFont {
  store: FontStore;
  readonly runs: ReadonlyMap<string, unknown>;
  shaped: number;
}
/** The stores this thread opened (one per parsed font: a handful). */
const opened = new Set<PersistedFont>();

/** Registers a font's store for `saveShapedRuns`. */
export function persistOnSave(font: PersistedFont): void {
  opened.add(font);
}

/**
 * Writes each font's store back when fontkit shaped words since it was read: the stored words,
 * then this thread's (newest last, at most `capacity`). Called by the build after the renders of
 * its main thread; a process that shaped nothing new writes nothing. Loads no renderer.
 */
export function saveShapedRuns(capacity: number = DEFAULTS.shapedWordsPerFont): void {
  for (const font of opened) {
    if (font.shaped === 0) continue;
    const merged = new Map<string, unknown>(font.store.stored);
    for (const [word, run] of font.runs) {
      merged.delete(word);
      const entry = entryFromRun(word, run as ShapedRun);
      if (entry) merged.set(word, entry);
    }
    saveFontStore(font.store.file, [...merged] as [string, Entry][], capacity);
    font.store = { ...font.store, stored: merged };
    font.shaped = 0;
  }
}
