/**
 * What `planBuild` needs to know about the disk, read beforehand by the executor: the input hash
 * of each selected edition (file bytes only, no parsing: the images an article shows are found by
 * a scan of its text) and the state of each recorded output
 * the plan may keep or remove.
 */
import type { Lang } from '../core/types.js';
import type { ProjectPaths } from '../core/paths.js';
import type { SourceFile } from '../project/sources.js';
import { projectBounds } from '../project/bounds.js';
import { candidateImageInputs, imageCandidates, type ImageInput } from '../project/image-inputs.js';
import { limits } from '../core/limits.js';
import { editionHash, editionInputFiles, FileHasher, sharedInputs, siblingInputFiles, withLinks, type SharedInputs } from './input-hash.js';
import { contentHash, editionContentFiles } from './content-time.js';
import { safeRelative, type Manifest } from './manifest.js';
import { fileState, outputCheck } from './execute-files.js';
import { embargoState, embargoValue } from './embargo-input.js';
import type { FileState, PlanInputs } from './plan.js';
import { StatCache } from './stat-cache.js';

export interface GatherOptions {
  langs: readonly Lang[];
  minCoverage: number;
  /** `--base-url`: links resolve against it, so it is part of every input hash when set. */
  baseUrl?: string;
  /** The build's clock (ms): whether an article's embargo has passed is an input. */
  nowMs: number;
  /** What the outputs' last check found: files whose stat data is unchanged are not hashed again. */
  statCache?: StatCache;
  /** The same for the inputs (articles, locale files); given back with what this build read. */
  inputCache?: StatCache;
  /** The build's hasher, when it has already read some inputs (then `inputCache` is its own). */
  hasher?: FileHasher;
}

/** What the plan knows of the inputs alone (no output checked): also what a build record is keyed by (build-record.ts). */
export interface EditionInputs extends Omit<PlanInputs, 'files'> {
  /** What every edition's hash shares (tool, font, templates, base URL). */
  shared: SharedInputs;
}

/** The input and content hashes of every selected edition, and the slugs in content/. */
export async function gatherEditionInputs(
  paths: ProjectPaths,
  everything: readonly SourceFile[],
  selected: readonly SourceFile[],
  options: GatherOptions,
): Promise<EditionInputs> {
  const shared = await sharedInputs(paths, options.baseUrl);
  const hasher = options.hasher ?? new FileHasher(paths.root, projectBounds(paths), options.inputCache);
  const existing = new Set(everything.map((source) => source.slug));
  const scans = await Promise.all(selected.map((source) => scanArticle(hasher, source, paths.root, options.nowMs)));
  const result: EditionInputs = {
    shared,
    selected: selected.map((source, i) => ({
      source,
      hashes: Object.fromEntries(
        options.langs.map((lang) => [
          lang,
          withLinks(
            editionHash(
              shared,
              hasher,
              editionInputFiles(paths, source.file, source.slug, lang),
              lang,
              options.minCoverage,
              scans[i]?.images,
              scans[i]?.embargo,
            ),
            hasher,
            siblingInputFiles(paths, source.slug, lang),
            options.minCoverage,
          ),
        ]),
      ),
      contentHashes: Object.fromEntries(
        options.langs.map((lang) => [lang, contentHash(hasher, editionContentFiles(paths, source.file, source.slug, lang), scans[i]?.images ?? [])]),
      ),
    })),
    existing,
  };
  hasher.remember(selected.length === everything.length);
  return result;
}

/** The state of each recorded output of a selected or deleted article (the plan's `files`; the build checks them only when it plans). */
export function recordedFileStates(
  paths: ProjectPaths,
  previous: Manifest,
  editions: Pick<PlanInputs, 'selected' | 'existing'>,
  statCache?: StatCache,
): Map<string, FileState> {
  const selectedSlugs = new Set(editions.selected.map((article) => article.source.slug));
  const files = new Map<string, FileState>();
  const check = outputCheck(statCache ?? StatCache.empty());
  for (const entry of previous.outputs) {
    if (!safeRelative(entry.path) || (editions.existing.has(entry.slug) && !selectedSlugs.has(entry.slug))) continue;
    files.set(entry.path, fileState(paths.output, entry, check));
  }
  return files;
}

/**
 * The local images `source` may show and their states, and whether its embargo has passed; nothing
 * when it cannot be read (its own hash says so). The scan of its text is remembered with its hash;
 * the images' states and the embargo's passing are found again each build.
 */
async function scanArticle(hasher: FileHasher, source: SourceFile, root: string, nowMs: number): Promise<{ images: ImageInput[]; embargo?: string }> {
  // An article over the size limit is refused when parsed: no need to scan its text here.
  const scan = await hasher.article(source.file, limits().articleBytes, async (text) => {
    const embargo = await embargoValue(text);
    return { images: imageCandidates(text), ...(embargo !== undefined ? { embargo } : {}) };
  });
  if (scan === undefined) return { images: [] };
  const embargo = embargoState(scan.embargo, nowMs);
  return { images: await candidateImageInputs(scan.images, source.absolute, root, source.bounds), ...(embargo !== undefined ? { embargo } : {}) };
}
