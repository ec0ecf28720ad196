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
import { imageInputs, type ImageInput } from '../project/image-inputs.js';
import { readInput } from '../project/read-file.js';
import { stat } from 'node:fs/promises';
import { limits } from '../core/limits.js';
import { editionHash, editionInputFiles, FileHasher, sharedInputs, siblingInputFiles, withLinks } from './input-hash.js';
import { contentHash, editionContentFiles } from './content-time.js';
import { safeRelative, type Manifest } from './manifest.js';
import { fileState, outputCheck } from './execute-files.js';
import { embargoInput } from './embargo-input.js';
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
}

/**
 * Hashes every selected edition's inputs and checks the files of the recorded outputs of selected
 * articles (kept if intact) and of deleted ones (removed if intact); other articles' outputs are
 * never touched, so their files are not read.
 */
export async function gatherPlanInputs(
  paths: ProjectPaths,
  previous: Manifest,
  everything: readonly SourceFile[],
  selected: readonly SourceFile[],
  options: GatherOptions,
): Promise<PlanInputs> {
  const shared = await sharedInputs(paths, options.baseUrl);
  const hasher = new FileHasher(paths.root, projectBounds(paths));
  const existing = new Set(everything.map((source) => source.slug));
  const selectedSlugs = new Set(selected.map((source) => source.slug));
  const files = new Map<string, FileState>();
  const check = outputCheck(options.statCache ?? StatCache.empty());
  for (const entry of previous.outputs) {
    if (!safeRelative(entry.path) || (existing.has(entry.slug) && !selectedSlugs.has(entry.slug))) continue;
    files.set(entry.path, fileState(paths.output, entry, check));
  }
  const scans = await Promise.all(selected.map((source) => scanArticle(source, paths.root, options.nowMs)));
  return {
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
    files,
  };
}

/**
 * The local images `source` may show and their states, and whether its embargo has passed; nothing
 * when it cannot be read (its own hash says so).
 */
async function scanArticle(source: SourceFile, root: string, nowMs: number): Promise<{ images: ImageInput[]; embargo?: string }> {
  // An article over the size limit is refused when parsed: no need to hold its text here too.
  const size = await stat(source.absolute).then(
    (s) => s.size,
    () => 0,
  );
  if (size > limits().articleBytes) return { images: [] };
  const text = await readInput(source.absolute, source.bounds).then(
    (bytes) => bytes.toString('utf8'),
    () => undefined,
  );
  if (text === undefined) return { images: [] };
  const embargo = await embargoInput(text, nowMs);
  return { images: await imageInputs(text, source.absolute, root, source.bounds), ...(embargo !== undefined ? { embargo } : {}) };
}
