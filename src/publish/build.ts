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
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Format, type Lang } from '../core/types.js';
import { diagnosticKey, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { DEFAULTS } from '../core/defaults.js';
import { buildTime } from '../core/clock.js';
import { listSources, type SourceFile } from '../project/sources.js';
import { commonLocales } from '../project/locales.js';
import { projectBounds } from '../project/bounds.js';
import { commonIsClean, FileHasher, toolVersion } from './input-hash.js';
import { emptyManifest, MANIFEST_FILE, parseManifest, readManifestText, serializeManifest } from './manifest.js';
import { acquireLock, type LockInfo } from './lock.js';
import { inShard, type Shard } from './shard.js';
import { feedFile, INDEX_FILE, INTERNAL_FILE } from './catalogue.js';
import { publishCatalogue, writeIfChanged } from './publish-catalogue.js';
import type { BuildReport, RemovedFile, WrittenFile } from './build-report.js';
import { displayPath, keptModifiedOutput, planBuild, type Removal } from './plan.js';
import { gatherEditionInputs, recordedFileStates } from './plan-inputs.js';
import { coversOutputs, outputsUnchanged, readBuildRecord, recordable, recordKey, removeBuildRecord, replays, writeBuildRecord } from './build-record.js';
import { nextManifest, type ArticleRecord } from './next-manifest.js';
import { renderTasks, type BuildProgress } from './execute-render.js';
import { removeEmptyFolders, removeRecorded, removeTemporaries, writeArticle } from './execute-files.js';
import { INPUT_STAT_CACHE_FILE, StatCache } from './stat-cache.js';

export type { BuildProgress } from './execute-render.js';
export type { BuildReport } from './build-report.js';
export { fileMatches } from './execute-files.js';

const CATALOGUE_FILES = [INDEX_FILE, ...LANGS.map(feedFile)];

export interface BuildOptions {
  paths: ProjectPaths;
  slugs?: readonly string[];
  langs: readonly Lang[];
  formats: readonly Format[];
  /** Percentage below which a translated edition is not published (default DEFAULTS.minCoverage). */
  minCoverage?: number;
  /** The site's address (`--base-url`): site-relative links of articles without their own address resolve against it. */
  baseUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Rebuild every selected output even if its inputs are unchanged. */
  force?: boolean;
  /** Write the team's page, `output/internal.html` (default true). */
  internalPage?: boolean;
  /** Build only this share of the articles. */
  shard?: Shard;
  /** Articles rendered at once (default: one per core). */
  jobs?: number;
  /** Longest render of one article, in seconds (default DEFAULTS.timeBudgetSeconds; 0: none). */
  timeBudgetSeconds?: number;
  /** Heap of each render worker, in MB (default DEFAULTS.workerHeapMb). */
  workerHeapMb?: number;
  /** Test hook only (see `PoolOptions.entry`). */
  workerEntry?: URL;
  /** How long to wait for another build's lock (ms; default 0: fail at once). */
  waitMs?: number;
  onProgress?: (progress: BuildProgress) => void;
  onLockWait?: (holder: LockInfo | undefined) => void;
  /** Test hook only: called when the build plans (not when it replays its record). */
  onPlan?: () => void;
}

export async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const env = options.env ?? process.env;
  const now = buildTime(env); // an invalid SOURCE_DATE_EPOCH is a usage error before anything
  const everything = await listSources(options.paths);
  const named = options.slugs !== undefined && options.slugs.length > 0 ? await listSources(options.paths, options.slugs) : everything;
  const selected = named.filter((source) => inShard(source.slug, options.shard));
  const lock = await acquireLock(options.paths.output, { waitMs: options.waitMs ?? 0, ...(options.onLockWait ? { onWait: options.onLockWait } : {}) });
  try {
    const report = await buildLocked(options, now, everything, selected);
    return lock.recovered ? { ...report, recoveredLock: lock.recovered } : report;
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, now: Date, everything: SourceFile[], selected: SourceFile[]): Promise<BuildReport> {
  const { paths } = options;
  const out = paths.output;
  const minCoverage = options.minCoverage ?? DEFAULTS.minCoverage;
  await removeTemporaries(out);

  const manifestFile = path.join(out, MANIFEST_FILE);
  const manifestName = path.relative(paths.root, manifestFile);
  const manifestRead = await readManifestText(manifestFile, manifestName);
  const commonDiagnostics: Diagnostic[] = [];
  const inputCache = StatCache.read(out, INPUT_STAT_CACHE_FILE);
  const hasher = new FileHasher(paths.root, projectBounds(paths), inputCache);
  const common = commonLocales(paths);
  // A common.json known clean by its stat data is not parsed here (only if something is rendered).
  for (const lang of options.langs) if (!(await commonIsClean(hasher, paths, lang, common))) commonDiagnostics.push(...(await common(lang)).diagnostics);

  const statCache = StatCache.read(out);
  const editions = await gatherEditionInputs(paths, everything, selected, {
    langs: options.langs,
    minCoverage,
    nowMs: now.getTime(),
    statCache,
    hasher,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  });
  const force = options.force ?? false;
  const internalPage = options.internalPage ?? true;
  const keyParts = {
    generator: generator(),
    root: paths.root,
    output: out,
    cwd: process.cwd(),
    langs: options.langs,
    formats: options.formats,
    minCoverage,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    internalPage,
    ...(options.slugs !== undefined ? { slugs: options.slugs } : {}),
    ...(options.shard !== undefined ? { shard: options.shard } : {}),
    everything,
    editions,
    manifest: manifestRead,
  };
  // Nothing the plan depends on changed since a no-op build: its report, without planning (build-record.ts).
  const record = readBuildRecord(out);
  if (record !== undefined) {
    const statDigest = statCache.digest();
    if (
      !force &&
      statDigest !== undefined &&
      replays(record, recordKey({ ...keyParts, statCache: statDigest })) &&
      outputsUnchanged(out, statCache) &&
      catalogueAsAsked(out, internalPage)
    ) {
      await inputCache.save(out);
      return record.report;
    }
    await removeBuildRecord(out);
  }
  options.onPlan?.();

  // Decide, from hashes and files alone, what each output needs.
  const previous = parseManifest(manifestRead, manifestName);
  const diagnostics: Diagnostic[] = [...previous.diagnostics, ...commonDiagnostics];
  const recorded = previous.manifest ?? emptyManifest(generator());
  const inputs = { ...editions, files: recordedFileStates(paths, recorded, editions, statCache) };
  const plan = planBuild(recorded, inputs, {
    paths,
    langs: options.langs,
    formats: options.formats,
    minCoverage,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    force,
    nowMs: now.getTime(),
    cwd: process.cwd(),
    generator: generator(),
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
  // The theme's cap on key figures, read once for the build rather than once per article.
  // Loaded only then: a build with nothing to render need not load the theme's reader.
  const keyFigures = plan.articles.length > 0 ? (await import('../render/pdf/theme.js')).keyFigureCap(paths.templates) : undefined;
  const { workers } = await renderTasks(
    plan.articles.map((article) => (keyFigures === undefined ? article.task : { ...article.task, keyFigures })),
    options,
    common,
    async (_task, result) => {
      records.push(await writeArticle(out, result));
    },
  );
  const next = nextManifest(plan, records);
  diagnostics.push(...next.report.diagnostics);
  await remove(next.removals);

  const manifestText = serializeManifest(next.manifest);
  await removeEmptyFolders(out, removed);
  const written: WrittenFile[] = [...next.report.written];
  // The index and feeds are a function of the manifest (whose input hashes cover the templates,
  // options and tool version): an unchanged manifest means they are current, if still there.
  const catalogueCurrent = manifestText === previous.text && catalogueAsAsked(out, internalPage);
  if (!catalogueCurrent) {
    const catalogue = await publishCatalogue(paths, next.manifest, minCoverage, {
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      internalPage,
    });
    written.push(...catalogue.written);
    diagnostics.push(...withoutRepeats(diagnostics, catalogue.diagnostics));
  }
  // Last: a build killed before this point leaves the previous manifest.
  await writeIfChanged(manifestFile, manifestText, previous.text);
  statCache.retain(new Set(next.manifest.outputs.map((entry) => entry.path)));
  await statCache.save(out);
  await inputCache.save(out);
  written.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const report: BuildReport = {
    written,
    unchanged: plan.report.unchanged,
    removed,
    diagnostics,
    failed: [...plan.report.failed, ...next.report.failed],
    pending: [...plan.report.pending, ...next.report.pending],
    fallbacks: next.report.fallbacks,
    statuses: next.report.statuses,
    articles: selected.length,
    rendered: plan.articles.length,
    workers,
  };
  // A true no-op: the next build with the same key may replay this report.
  const statDigest = statCache.digest(); // undefined if its save failed
  if (!force && statDigest !== undefined && catalogueCurrent && recordable(report) && coversOutputs(statCache, next.manifest.outputs)) {
    await writeBuildRecord(out, { key: recordKey({ ...keyParts, statCache: statDigest }), report });
  }
  return report;
}

/** Whether the index page, the feeds and the team's page are there as asked. */
function catalogueAsAsked(out: string, internalPage: boolean): boolean {
  return CATALOGUE_FILES.every((name) => existsSync(path.join(out, name))) && existsSync(path.join(out, INTERNAL_FILE)) === internalPage;
}

function generator(): string {
  return `briefing ${toolVersion()}`;
}

/**
 * `extra` minus what `reported` already says at the same place (a broken style.css fails the
 * editions and the index page alike): one line per problem, whose note names every page it stopped.
 */
function withoutRepeats(reported: Diagnostic[], extra: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map(reported.map((d, i) => [diagnosticKey(d), i]));
  return extra.filter((d) => {
    const at = seen.get(diagnosticKey(d));
    if (at === undefined) return true;
    const first = reported[at]!;
    if (d.note) reported[at] = { ...first, note: first.note ? `${first.note}\n${d.note}` : d.note };
    return false;
  });
}
