/**
 * The input hash of an output: sha256 over everything that can change its bytes — the article,
 * the local images it shows, the locale and state files its edition reads, every file under templates/, the font package,
 * the tool's version and the options that affect it. Computed from file bytes only (no parsing),
 * so a rebuild can decide what to skip before loading any renderer. The clock is not an input:
 * the date an edition shows is its content time, remembered in the manifest (content-time.ts).
 */
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageVersion, toolVersion } from '../core/version.js';
import { limits, limitsFingerprint } from '../core/limits.js';
import { projectPaths, type ProjectPaths } from '../core/paths.js';
import { LANGS, SOURCE_LANG, type Format, type Lang, type OutputKind } from '../core/types.js';
import { sha256 } from '../core/hash.js';
import { COMMON_NS, GLOSSARY_FILE } from '../i18n/namespaces.js';
import { projectBounds, type ProjectBounds } from '../project/bounds.js';
import type { ImageInput } from '../project/image-inputs.js';
import type { CommonLocales } from '../project/locales.js';
import { InputError, inputStatsSync, readInput, readInputWithStatsSync } from '../project/read-file.js';
import { INPUT_STAT_CACHE_FILE, StatCache } from './stat-cache.js';

const require = createRequire(import.meta.url);

/** What every output of one build shares. */
export interface SharedInputs {
  /** Version of Briefing (package.json), followed by the limits changed through BRIEFING_LIMITS, if any. */
  tool: string;
  /** Version of the dejavu-fonts-ttf package: the font bytes are a function of it. */
  font: string;
  /** sha256 over every file under templates/ (names and bytes). */
  templates: string;
  /** `--base-url`, when set (absent otherwise, so hashes without it are unchanged). */
  baseUrl?: string;
}

export { toolVersion } from '../core/version.js';

function fontVersion(): string {
  return packageVersion(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')));
}

/**
 * sha256 over the relative path and bytes of every file under `dir`, in sorted order. Links are
 * followed as the renderers follow them (read-file.ts); a file that cannot be read hashes as its
 * error, so the renderer reports it, and it is read again once fixed.
 */
async function hashTree(dir: string, bounds: ProjectBounds): Promise<string> {
  const hash = createHash('sha256');
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch {
    return sha256('no templates');
  }
  for (const name of entries) {
    try {
      const bytes = await readInput(path.join(dir, name), bounds);
      hash.update(`${name}\0${bytes.length}\0`).update(bytes);
    } catch (error) {
      hash.update(`${name}\0${refused(error)}\0`);
    }
  }
  return hash.digest('hex');
}

/** The tool's version, and the limits changed through BRIEFING_LIMITS if any. */
function toolFingerprint(): string {
  // Limits decide what is refused: an output built or refused under other limits is redone.
  const changedLimits = limitsFingerprint();
  return changedLimits ? `${toolVersion()} limits ${changedLimits}` : toolVersion();
}

/** What every output of a build shares: tool, font, templates and `--base-url`. */
export async function sharedInputs(paths: ProjectPaths, baseUrl?: string): Promise<SharedInputs> {
  const tool = toolFingerprint();
  const templates = await hashTree(paths.templates, projectBounds(paths));
  return { tool, font: fontVersion(), templates, ...(baseUrl !== undefined ? { baseUrl } : {}) };
}

/** The files an edition reads, relative to the project root: what its hash covers. */
export function editionInputFiles(paths: ProjectPaths, sourceFile: string, slug: string, lang: Lang): string[] {
  const locales = localesFolder(paths);
  const files = [sourceFile, commonInputFile(paths, lang)];
  // French editions read the article only; translated ones also read the translation, its state
  // and its obsolete keys (src/translate/files.ts).
  if (lang !== SOURCE_LANG) files.push(...translationFiles(locales, lang, slug));
  // The glossary's terms are shown on the review page of a translated edition.
  if (lang !== SOURCE_LANG) files.push(`${locales}/${GLOSSARY_FILE}`);
  return files;
}

/** The last {@link localesFolder} answer: a build asks it six times per edition, with the same paths. */
let lastLocales: { root: string; locales: string; folder: string } | undefined;

/** The locales folder, relative to the project root, as input hashes name it. */
function localesFolder(paths: ProjectPaths): string {
  // path.relative (two path.resolve calls) is a function of these two strings only: one entry
  // kept, not one per edition (2 400 calls for 200 articles, ~5 % of a no-op's CPU).
  if (lastLocales?.root !== paths.root || lastLocales.locales !== paths.locales) {
    lastLocales = { root: paths.root, locales: paths.locales, folder: path.relative(paths.root, paths.locales) || 'locales' };
  }
  return lastLocales.folder;
}

/** `locales/<lang>/common.json`, relative to the project root, as input hashes name it. */
function commonInputFile(paths: ProjectPaths, lang: Lang): string {
  return `${localesFolder(paths)}/${lang}/${COMMON_NS}.json`;
}

/** What is remembered of a common.json: whether it parsed without a diagnostic, under which tool. */
interface LocaleVerdict {
  tool: string;
  clean: boolean;
}

/**
 * Whether `locales/<lang>/common.json` parses without any diagnostic. Its parse is a function of
 * its bytes, the tool's version and the limits, so the verdict is remembered with its hash (as an
 * article's scan): a build whose common.json is unchanged since then need not parse it with places,
 * nor load that parser, to know it has nothing to report. False when it cannot be read, is over
 * the size limit or has a diagnostic: the caller then reads it as always (and reports what it finds).
 */
export async function commonIsClean(hasher: FileHasher, paths: ProjectPaths, lang: Lang, common: CommonLocales): Promise<boolean> {
  const tool = toolFingerprint();
  const verdict = await hasher.scanned<LocaleVerdict>(
    commonInputFile(paths, lang),
    limits().localeBytes,
    // Parsed by the build's own reader (read again, parsed once: a build that renders uses it). A
    // change after the hasher's read changes the stat data remembered from before it: not reused.
    async () => ({ tool, clean: (await common(lang)).diagnostics.length === 0 }),
    (found): found is LocaleVerdict => typeof found === 'object' && found !== null && (found as LocaleVerdict).tool === tool,
  );
  return verdict?.clean === true;
}

function translationFiles(locales: string, lang: Lang, slug: string): string[] {
  return ['json', 'state.json', 'obsolete.json'].map((ext) => `${locales}/${lang}/${slug}.${ext}`);
}

/**
 * What an edition's HTML page also reads, for its header of links (src/pipeline/edition-set.ts):
 * the other languages' common.json (their names) and translations (whether they are published).
 */
export function siblingInputFiles(paths: ProjectPaths, slug: string, lang: Lang): string[] {
  const locales = localesFolder(paths);
  return LANGS.filter((other) => other !== lang).flatMap((other) => [
    commonInputFile(paths, other),
    ...(other === SOURCE_LANG ? [] : translationFiles(locales, other, slug)),
  ]);
}

/**
 * An edition's hash with the part only its HTML page reads (the siblings' files and the coverage
 * threshold that decides which are published): `<edition>.<links>`, opaque to the plan.
 * {@link outputHash} uses the second part for the HTML page alone, so a translator's edit
 * rebuilds the French page (its link may appear or go) but not the French PDF or Markdown.
 */
export function withLinks(edition: string, hasher: FileHasher, siblings: readonly string[], minCoverage: number): string {
  const parts = siblings.map((file) => `${file}=${hasher.file(file)}`);
  return `${edition}.${sha256(JSON.stringify({ minCoverage, parts }))}`;
}

/**
 * What an article's text says about its other inputs, found by a scan of its bytes (no parsing):
 * the addresses that may name a local image (project/image-inputs.ts) and its embargo's instant
 * (./embargo-input.ts). A function of the bytes, so it is remembered with their hash.
 */
export interface ArticleScan {
  images: string[];
  embargo?: string;
}

/** A file read by this build: its stat data before the read, when, and what is remembered of it. */
interface Read {
  stats: BigIntStats;
  atMs: number;
  sha256: string;
  /** What a scan of its text found (JSON data), remembered with the hash. */
  scan?: unknown;
}

/**
 * Reads files for hashing; an absent file hashes as absent (adding it later changes the hash), one
 * that is refused or unreadable as its error (the render then reports it at its place).
 * Synchronous on purpose: these are thousands of small reads with nothing else to overlap, and a
 * thread-pool round trip per file costs more than the read (no-op rebuild target: 0.3 s / 200).
 * With a stat cache (./stat-cache.ts, as git's index), a file whose stat data is unchanged since
 * a build hashed it is not read: its real path is still checked against the project's bounds.
 */
export class FileHasher {
  private readonly hashes = new Map<string, string>();
  private readonly scans = new Map<string, unknown>();
  private readonly reads = new Map<string, Read>();
  private readonly bounds: ProjectBounds;
  constructor(
    private readonly root: string,
    bounds?: ProjectBounds,
    private readonly cache: StatCache = StatCache.empty(INPUT_STAT_CACHE_FILE),
  ) {
    this.bounds = bounds ?? projectBounds(projectPaths(root));
  }

  /** sha256 of a file relative to the root, or 'absent'. */
  file(relative: string): string {
    let hit = this.hashes.get(relative);
    if (hit === undefined) {
      try {
        hit = this.remembered(relative)?.sha256 ?? this.read(relative).read.sha256;
      } catch (error) {
        hit = error instanceof InputError && error.code === 'ENOENT' ? 'absent' : refused(error);
      }
      this.hashes.set(relative, hit);
    }
    return hit;
  }

  /**
   * The scan of the article at `relative` (`scan` runs on its text when it is not remembered);
   * undefined when it cannot be read or is over `maxBytes` (its own hash says so). Reads it once
   * for both its hash and its scan.
   */
  article(relative: string, maxBytes: number, scan: (text: string) => Promise<ArticleScan>): Promise<ArticleScan | undefined> {
    return this.scanned(relative, maxBytes, scan, (found): found is ArticleScan => typeof found === 'object' && found !== null);
  }

  /**
   * What `scan` finds in the text of `relative`, remembered with its hash (a function of the bytes:
   * `fits` says whether a remembered one still applies); undefined when the file cannot be read or
   * is over `maxBytes`.
   */
  async scanned<T>(relative: string, maxBytes: number, scan: (text: string) => Promise<T>, fits: (found: unknown) => found is T): Promise<T | undefined> {
    if (this.scans.has(relative)) return this.scans.get(relative) as T | undefined;
    let found: T | undefined;
    try {
      const remembered = this.remembered(relative);
      if (remembered?.scan !== undefined && fits(remembered.scan)) {
        this.hashes.set(relative, remembered.sha256);
        found = remembered.scan;
      } else {
        const { read, text } = this.read(relative, maxBytes);
        this.hashes.set(relative, read.sha256);
        if (text !== undefined) {
          found = await scan(text);
          read.scan = found;
        }
      }
    } catch {
      found = undefined;
    }
    this.scans.set(relative, found);
    return found;
  }

  /**
   * Hands what this build read to the stat cache (racy files excepted, by when each was read),
   * and, when `every` input of the project was asked for, forgets the files it did not ask for.
   */
  remember(every: boolean): StatCache {
    for (const [relative, read] of this.reads) {
      this.cache.remember(relative, read.stats, read.scan !== undefined ? `${read.sha256}\n${JSON.stringify(read.scan)}` : read.sha256, read.atMs);
    }
    if (every) this.cache.retain(new Set(this.hashes.keys()));
    return this.cache;
  }

  /** The hash (and scan, for an article) remembered for `relative`, if its stat data is unchanged. */
  private remembered(relative: string): { sha256: string; scan?: unknown } | undefined {
    const stats = inputStatsSync(path.join(this.root, relative), this.bounds);
    const value = this.cache.sha256(relative, stats);
    if (value === undefined) return undefined;
    const cut = value.indexOf('\n');
    if (cut < 0) return { sha256: value };
    try {
      return { sha256: value.slice(0, cut), scan: JSON.parse(value.slice(cut + 1)) as unknown };
    } catch {
      return undefined;
    }
  }

  /** Reads and hashes `relative`; its text too when it is at most `maxBytes`. */
  private read(relative: string, maxBytes = -1): { read: Read; text?: string } {
    const atMs = Date.now();
    const { bytes, stats } = readInputWithStatsSync(path.join(this.root, relative), this.bounds);
    const read: Read = { stats, atMs, sha256: sha256(bytes) };
    this.reads.set(relative, read);
    return bytes.length <= maxBytes ? { read, text: bytes.toString('utf8') } : { read };
  }
}

/**
 * Hash of one edition's inputs (everything but the output's kind and format); `images`: the local
 * images its article may show, with their states (project/image-inputs.ts).
 */
export function editionHash(
  shared: SharedInputs,
  hasher: FileHasher,
  files: readonly string[],
  lang: Lang,
  minCoverage: number,
  images: readonly ImageInput[] = [],
  embargo?: string,
): string {
  // A glossary counts once it exists: without one, hashes are as they were before glossaries.
  const parts = files.filter((file) => path.basename(file) !== GLOSSARY_FILE || hasher.file(file) !== 'absent').map((file) => `${file}=${hasher.file(file)}`);
  // Only when there are some: the hash of an article without images is as it always was.
  parts.push(...images.map((image) => `image:${image.file}=${image.state}`));
  // Whether an embargo has passed (./embargo-input.ts): only for an article that has one.
  if (embargo !== undefined) parts.push(embargo);
  // The coverage threshold decides whether a translated edition is written at all.
  const threshold = lang === SOURCE_LANG ? '' : `min-coverage=${minCoverage}`;
  return sha256(JSON.stringify({ ...shared, lang, threshold, parts }));
}

/** Hash of one output: its edition's inputs, plus what it is. */
export function outputHash(edition: string, kind: OutputKind, format: Format): string {
  // Only a briefing's or the bilingual edition's HTML page has links to its siblings (see withLinks).
  const own = format === 'html' && kind !== 'review' ? edition : edition.split('.')[0]!;
  return sha256(`${own}\0${kind}\0${format}`);
}

/** What a file that cannot be read contributes to a hash: its error code. */
function refused(error: unknown): string {
  return `refused:${error instanceof InputError ? error.code : String(error)}`;
}
