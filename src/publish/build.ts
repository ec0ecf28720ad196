/**
 * `briefing build`: every article × language × format, incrementally — the executor around a pure
 * plan. Under the output folder's lock it reads the manifest, hashes each edition's inputs and
 * checks the recorded files (plan-inputs.ts); `planBuild` (plan.ts) decides what to keep, render,
 * replay or remove; the stale articles are rendered — in-process or on a worker pool, each fully
 * in memory (execute-render.ts) — and their files written atomically from the main thread as
 * each completes (execute-files.ts); `nextManifest` (next-manifest.ts) says what the new manifest
 * holds and which editions withheld under --min-coverage to withdraw. Then the index page and
 * feeds, and last the manifest, so a killed build leaves the previous one.
 * One failing article or language does not stop the others: all diagnostics are gathered.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Format, type Lang } from '../core/types.js';
import { diagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { buildTime, isoDate, sourceDateEpoch } from '../core/clock.js';
import { writeFileAtomic } from './atomic-write.js';
import type { ArticleStatus } from '../translate/types.js';
import { commonLocales, listSources, type SourceFile } from '../project/sources.js';
import { toolVersion } from './input-hash.js';
import { emptyManifest, MANIFEST_FILE, readManifest, serializeManifest, type Manifest } from './manifest.js';
import { acquireLock, type LockInfo } from './lock.js';
import { inShard, type Shard } from './shard.js';
import { feedFile, INDEX_FILE } from './catalogue.js';
import { displayPath, keptModifiedOutput, planBuild, type Removal, type RemovalReason } from './plan.js';
import { gatherPlanInputs } from './plan-inputs.js';
import { nextManifest, type ArticleRecord } from './next-manifest.js';
import { renderTasks, type BuildProgress } from './execute-render.js';
import { removeEmptyFolders, removeRecorded, removeTemporaries, writeArticle } from './execute-files.js';

export type { BuildProgress } from './execute-render.js';
export { fileMatches } from './execute-files.js';

const CATALOGUE_FILES = [INDEX_FILE, ...LANGS.map(feedFile)];

/** Least share of up-to-date units for a translated edition to be published (po4a's default). */
export const DEFAULT_MIN_COVERAGE = 80;

export interface BuildOptions {
  paths: ProjectPaths;
  slugs?: readonly string[];
  langs: readonly Lang[];
  formats: readonly Format[];
  /** Percentage below which a translated edition is not published (default 80). */
  minCoverage?: number;
  env?: NodeJS.ProcessEnv;
  /** Rebuild every selected output even if its inputs are unchanged. */
  force?: boolean;
  /** Build only this share of the articles. */
  shard?: Shard;
  /** Articles rendered at once: the main thread and jobs-1 workers (default: one per core). */
  jobs?: number;
  /** How long to wait for another build's lock (ms; default 0: fail at once). */
  waitMs?: number;
  onProgress?: (progress: BuildProgress) => void;
  onLockWait?: (holder: LockInfo | undefined) => void;
}

export interface WrittenFile {
  /** Path relative to the current directory. */
  path: string;
  bytes: number;
  ms: number;
}

export interface RemovedFile {
  /** Path relative to the current directory. */
  path: string;
  reason: RemovalReason;
}

export interface BuildReport {
  written: WrittenFile[];
  /** Outputs skipped because their inputs and file are unchanged. */
  unchanged: number;
  removed: RemovedFile[];
  diagnostics: Diagnostic[];
  /** Editions (slug.lang) that could not be built or were withheld. */
  failed: string[];
  /** Per written edition, the keys shown in French (missing or stale translation). */
  fallbacks: Record<string, string[]>;
  /** Translation status of each translated edition rendered. */
  statuses: ArticleStatus[];
  /** Articles selected (after slugs and shard), and how many had to be rendered. */
  articles: number;
  rendered: number;
  /** Worker threads used (0: rendered in-process). */
  workers: number;
  /** A lock left by a dead build that this build took over. */
  recoveredLock?: LockInfo;
}

export async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const env = options.env ?? process.env;
  const now = buildTime(env); // an invalid SOURCE_DATE_EPOCH is a usage error before anything
  const everything = await listSources(options.paths);
  const selected = (await listSources(options.paths, options.slugs)).filter((source) => inShard(source.slug, options.shard));
  const lock = await acquireLock(options.paths.output, { waitMs: options.waitMs ?? 0, ...(options.onLockWait ? { onWait: options.onLockWait } : {}) });
  try {
    const report = await buildLocked(options, now, sourceDateEpoch(env), everything, selected);
    return lock.recovered ? { ...report, recoveredLock: lock.recovered } : report;
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, now: Date, epoch: string | undefined, everything: SourceFile[], selected: SourceFile[]): Promise<BuildReport> {
  const { paths } = options;
  const out = paths.output;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  await removeTemporaries(out);

  const manifestFile = path.join(out, MANIFEST_FILE);
  const previous = await readManifest(manifestFile, path.relative(paths.root, manifestFile));
  const diagnostics: Diagnostic[] = [...previous.diagnostics];
  const common = commonLocales(paths);
  for (const lang of options.langs) diagnostics.push(...(await common(lang)).diagnostics);

  // Decide, from hashes and files alone, what each output needs.
  const recorded = previous.manifest ?? emptyManifest(generator());
  const inputs = await gatherPlanInputs(paths, recorded, everything, selected, { langs: options.langs, minCoverage, date: epoch ?? isoDate(now) });
  const plan = planBuild(recorded, inputs, {
    paths, langs: options.langs, formats: options.formats, minCoverage, force: options.force ?? false, nowMs: now.getTime(), cwd: process.cwd(), generator: generator(),
  });
  diagnostics.push(...plan.report.diagnostics);
  const removed: RemovedFile[] = [];
  const remove = async (removals: readonly Removal[]) => {
    for (const { entry, reason } of removals) {
      const display = displayPath(plan.options, entry.path);
      const found = await removeRecorded(out, entry);
      if (found === 'removed') removed.push({ path: display, reason });
      else if (found === 'modified') diagnostics.push(keptModifiedOutput(display, reason)); // edited since it was planned
    }
  };
  await remove(plan.removals);

  // Render what is stale; write each file as its article completes.
  const records: ArticleRecord[] = [];
  const { workers } = await renderTasks(plan.articles.map((article) => article.task), options, common, async (_task, result) => {
    records.push(await writeArticle(out, result));
  });
  const next = nextManifest(plan, records);
  diagnostics.push(...next.report.diagnostics);
  await remove(next.removals);

  const manifestText = serializeManifest(next.manifest);
  await removeEmptyFolders(out, removed);
  const written: WrittenFile[] = [...next.report.written];
  // The index and feeds are a function of the manifest (whose input hashes cover the templates,
  // options and tool version): an unchanged manifest means they are current, if still there.
  if (manifestText !== previous.text || !CATALOGUE_FILES.every((name) => existsSync(path.join(out, name)))) {
    const catalogue = await publishCatalogue(paths, next.manifest, minCoverage);
    written.push(...catalogue.written);
    diagnostics.push(...catalogue.diagnostics);
  }
  // Last: a build killed before this point leaves the previous manifest.
  await writeIfChanged(manifestFile, manifestText, previous.text);
  written.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    written,
    unchanged: plan.report.unchanged,
    removed,
    diagnostics,
    failed: [...plan.report.failed, ...next.report.failed],
    fallbacks: next.report.fallbacks,
    statuses: next.report.statuses,
    articles: selected.length,
    rendered: plan.articles.length,
    workers,
  };
}

function generator(): string {
  return `briefing ${toolVersion()}`;
}

/** index.html and one Atom feed per language, from a manifest; each written only when it changes. */
export async function publishCatalogue(paths: ProjectPaths, manifest: Manifest, minCoverage: number): Promise<{ written: WrittenFile[]; diagnostics: Diagnostic[] }> {
  const written: WrittenFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // Loaded on demand: Handlebars is not needed by a build that changed nothing.
  const [{ renderIndexPage }, { renderFeed }] = await Promise.all([import('./index-page.js'), import('./feeds.js')]);
  const files: [string, () => string][] = [
    [INDEX_FILE, () => renderIndexPage(manifest, paths.templates, minCoverage)],
    ...LANGS.map((lang): [string, () => string] => [feedFile(lang), () => renderFeed(manifest, lang)]),
  ];
  for (const [name, make] of files) {
    const start = performance.now();
    const target = path.join(paths.output, name);
    let text: string;
    try {
      text = make();
    } catch (error) {
      diagnostics.push(diagnostic(path.relative(paths.root, path.join(paths.templates, 'html', 'index.hbs')), 'briefing:template-error', `${name} not written: ${error instanceof Error ? error.message : String(error)}`));
      continue;
    }
    if (await writeIfChanged(target, text)) written.push({ path: path.relative(process.cwd(), target) || target, bytes: Buffer.byteLength(text), ms: performance.now() - start });
  }
  return { written, diagnostics };
}

/** Writes `text` atomically unless the file already holds exactly it. Returns true if written. */
export async function writeIfChanged(file: string, text: string, current?: string): Promise<boolean> {
  const existing = current ?? (await readFile(file, 'utf8').catch(() => undefined));
  if (existing === text) return false;
  await writeFileAtomic(file, text);
  return true;
}
