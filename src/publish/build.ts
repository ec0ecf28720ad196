/**
 * `briefing build`: every article × language × format, incrementally. Under the output folder's
 * lock, it hashes each output's inputs (no parsing), skips outputs whose hash and file match the
 * manifest, renders the rest — in-process or on a worker pool, each article fully in memory — and
 * writes each file atomically from the main thread. Outputs of deleted articles and of editions
 * withdrawn under --min-coverage are removed if the manifest says the build made them. Then the
 * index page and feeds, and last the manifest, so a killed build leaves the previous one.
 * One failing article or language does not stop the others: all diagnostics are gathered.
 */
import { readdir, stat } from 'node:fs/promises';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { BILINGUAL_FORMATS, LANGS, SOURCE_LANG, type Format, type Lang } from '../core/types.js';
import { diagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { buildTime, isoDate, sourceDateEpoch } from '../core/clock.js';
import { writeFileAtomic, removeEmptyDirectory, removeFile, removeStaleTemporaries } from './atomic-write.js';
import type { ArticleStatus } from '../translate/types.js';
import { commonLocales, listSources, type CommonLocales, type SourceFile } from '../project/sources.js';
import type { ArticleResult, ArticleTask, EditionPlan } from '../pipeline/render-article.js';
import { editionHash, editionInputFiles, FileHasher, outputHash, sharedInputs, toolVersion } from './input-hash.js';
import { sha256 } from '../core/hash.js';
import type { OutputKind } from '../core/types.js';
import { emptyManifest, MANIFEST_FILE, readManifest, safeRelative, serializeManifest, type Manifest, type OutputEntry, type ProblemEntry } from './manifest.js';
import { acquireLock, type LockInfo } from './lock.js';
import { inShard, type Shard } from './shard.js';
import { ArticlePool } from './pool.js';
import { feedFile, INDEX_FILE } from './catalogue.js';
import { publishCatalogue, writeIfChanged } from './publish-catalogue.js';

const CATALOGUE_FILES = [INDEX_FILE, ...LANGS.map(feedFile)];

/** Least share of up-to-date units for a translated edition to be published (po4a's default). */
export const DEFAULT_MIN_COVERAGE = 80;

export interface BuildProgress {
  /** Articles rendered so far, of `total` that need rendering. */
  done: number;
  total: number;
  /** The article that just started or finished. */
  slug: string;
  event: 'start' | 'done';
}

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
  reason: 'article deleted' | 'below --min-coverage';
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

/** One planned article: the task for the renderer and the hashes to record its outputs under. */
interface Planned {
  task: ArticleTask;
  editionHashes: Map<Lang, string>;
  /** Hash of the French–English edition's inputs: those of both editions. */
  bilingualHash?: string;
}

async function buildLocked(options: BuildOptions, now: Date, epoch: string | undefined, everything: SourceFile[], selected: SourceFile[]): Promise<BuildReport> {
  const { paths } = options;
  const out = paths.output;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const report: BuildReport = { written: [], unchanged: 0, removed: [], diagnostics: [], failed: [], fallbacks: {}, statuses: [], articles: selected.length, rendered: 0, workers: 0 };
  await removeTemporaries(out);

  const previous = await readManifest(path.join(out, MANIFEST_FILE), path.relative(paths.root, path.join(out, MANIFEST_FILE)));
  report.diagnostics.push(...previous.diagnostics);
  const old = previous.manifest ?? emptyManifest(generator());
  const oldOutputs = new Map(old.outputs.filter((o) => safeRelative(o.path)).map((o) => [o.path, o]));
  const oldProblems = new Map(old.problems.map((p) => [`${p.slug}.${p.lang}`, p]));

  const common = commonLocales(paths);
  for (const lang of options.langs) report.diagnostics.push(...(await common(lang)).diagnostics);

  // Decide, from hashes and files alone, what each selected edition needs.
  const shared = await sharedInputs(paths, epoch ?? isoDate(now));
  const hasher = new FileHasher(paths.root);
  const outputs = new Map<string, OutputEntry>(); // the new manifest's outputs, by path
  const problems = new Map<string, ProblemEntry>();
  const replayed = new Set<string>();
  const planned: Planned[] = [];
  const dropped = new Set<string>(); // output paths withdrawn or removed by this build
  const considered = new Set<string>(); // output paths this build is responsible for
  for (const source of selected) {
    const editions: EditionPlan[] = [];
    const editionHashes = new Map<Lang, string>();
    const replayedLangs = new Set<Lang>();
    for (const lang of options.langs) {
      const hash = editionHash(shared, hasher, editionInputFiles(paths, source.file, source.slug, lang), lang, minCoverage);
      editionHashes.set(lang, hash);
      const wanted: { kind: OutputKind; format: Format; name: string }[] = options.formats.map((format) => ({ kind: 'briefing', format, name: `${source.slug}.${lang}.${format}` }));
      if (lang !== SOURCE_LANG && options.formats.includes('html')) wanted.push({ kind: 'review', format: 'html', name: `${source.slug}.review.html` });
      const stale: typeof wanted = [];
      for (const output of wanted) {
        if (!keepIfCurrent(`${source.slug}/${output.name}`, outputHash(hash, output.kind, output.format))) stale.push(output);
      }
      const problem = oldProblems.get(`${source.slug}.${lang}`);
      if (!options.force && problem && problem.inputHash === hash && stale.every((o) => o.kind === 'briefing')) {
        // Same inputs as when it failed or was withheld: report it again without parsing.
        replay(report, problem, replayed);
        problems.set(`${source.slug}.${lang}`, problem);
        replayedLangs.add(lang);
        continue;
      }
      if (stale.length > 0) editions.push({ lang, formats: stale.filter((o) => o.kind === 'briefing').map((o) => o.format), review: stale.some((o) => o.kind === 'review') });
    }
    const bilingual = planBilingual(source, editionHashes, replayedLangs);
    if (bilingual) {
      // Both documents are needed, even where none of an edition's own files is.
      for (const lang of bilingual.langs) {
        const plan = editions.find((e) => e.lang === lang);
        if (plan) plan.document = true;
        else editions.push({ lang, formats: [], review: false, document: true });
      }
    }
    if (editions.length > 0) {
      planned.push({
        task: { paths, source, nowMs: now.getTime(), minCoverage, editions, ...(bilingual ? { bilingual: bilingual.formats } : {}) },
        editionHashes,
        ...(bilingual ? { bilingualHash: bilingual.hash } : {}),
      });
    }
  }

  /**
   * Marks `file` as this build's to answer for; keeps its manifest entry and returns true when its
   * input hash is unchanged and the file is still the one recorded (unless --force).
   */
  function keepIfCurrent(file: string, inputHash: string): boolean {
    considered.add(file);
    const entry = oldOutputs.get(file);
    if (options.force || !entry || entry.inputHash !== inputHash || !fileMatches(path.join(out, file), entry)) return false;
    outputs.set(file, entry);
    report.unchanged++;
    return true;
  }

  /**
   * The French–English edition's stale formats, when both languages are built: its input hash is
   * that of both editions. Not planned when an edition's failure is replayed (it would fail too).
   */
  function planBilingual(source: SourceFile, editionHashes: ReadonlyMap<Lang, string>, replayedLangs: ReadonlySet<Lang>) {
    const target = options.langs.find((lang) => lang !== SOURCE_LANG);
    const formats = options.formats.filter((format) => BILINGUAL_FORMATS.includes(format));
    if (!options.langs.includes(SOURCE_LANG) || !target || formats.length === 0) return undefined;
    const hash = sha256(`${editionHashes.get(SOURCE_LANG)}\0${editionHashes.get(target)}`);
    const stale = formats.filter((format) => !keepIfCurrent(`${source.slug}/${source.slug}.${SOURCE_LANG}-${target}.${format}`, outputHash(hash, 'bilingual', format)));
    if (stale.length === 0 || replayedLangs.size > 0) return undefined;
    return { formats: stale, hash, langs: [SOURCE_LANG, target] as const };
  }

  // Outputs outside this build's selection (other languages, formats, shards, slugs) stay as they are;
  // those of articles no longer in content/ are removed.
  const existing = new Set(everything.map((source) => source.slug));
  for (const [file, entry] of oldOutputs) {
    if (considered.has(file) || outputs.has(file)) continue;
    if (existing.has(entry.slug)) {
      outputs.set(file, entry);
      continue;
    }
    dropped.add(file);
    await removeOutput(report, out, entry, 'article deleted');
  }
  for (const [key, problem] of oldProblems) {
    if (existing.has(problem.slug) && !selected.some((s) => s.slug === problem.slug && options.langs.includes(problem.lang))) problems.set(key, problem);
  }

  // Render what is stale; write each file as its article completes.
  report.rendered = planned.length;
  const results = await render(planned, options, common, (plan, result) => record(report, plan, result, { out, now, oldOutputs, outputs, problems, dropped }));
  report.workers = results.workers;
  // An output that was not rebuilt (its edition failed, was replayed, or crashed) keeps its old
  // file, so it keeps its old entry, unless this build withdrew it.
  for (const file of considered) {
    const entry = oldOutputs.get(file);
    if (entry && !outputs.has(file) && !dropped.has(file)) outputs.set(file, entry);
  }

  const manifest: Manifest = { ...emptyManifest(generator()), outputs: [...outputs.values()], problems: [...problems.values()] };
  const manifestText = serializeManifest(manifest);
  await removeEmptyFolders(out, report.removed);
  // The index and feeds are a function of the manifest (whose input hashes cover the templates,
  // options and tool version): an unchanged manifest means they are current, if still there.
  if (manifestText !== previous.text || !CATALOGUE_FILES.every((name) => existsSync(path.join(out, name)))) {
    const catalogue = await publishCatalogue(paths, manifest, minCoverage);
    report.written.push(...catalogue.written);
    report.diagnostics.push(...catalogue.diagnostics);
  }
  // Last: a build killed before this point leaves the previous manifest.
  await writeIfChanged(path.join(out, MANIFEST_FILE), manifestText, previous.text);
  report.written.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return report;
}

function generator(): string {
  return `briefing ${toolVersion()}`;
}

/**
 * Renders the planned articles on `jobs` lanes pulling from one queue: the main thread is one
 * lane (it renders in-process between writes) and each other lane is a worker thread. With one
 * lane no worker starts at all — for a single article that is the fastest cold build.
 */
async function render(planned: Planned[], options: BuildOptions, common: CommonLocales, onResult: (plan: Planned, result: ArticleResult) => Promise<void>): Promise<{ workers: number }> {
  if (planned.length === 0) return { workers: 0 };
  const lanes = Math.min(Math.max(1, options.jobs ?? availableParallelism()), planned.length);
  let next = 0;
  let done = 0;
  const progress = (slug: string, event: BuildProgress['event']) => options.onProgress?.({ done, total: planned.length, slug, event });
  const lane = async (build: (task: ArticleTask) => Promise<ArticleResult>) => {
    while (next < planned.length) {
      const plan = planned[next++]!;
      progress(plan.task.source.slug, 'start');
      const result = await build(plan.task).catch((error: unknown) => crashed(plan.task, error));
      await onResult(plan, result);
      done++;
      progress(plan.task.source.slug, 'done');
    }
  };
  // Loaded only now: a build with nothing to render never loads the parsers and renderers.
  const { renderArticle } = await import('../pipeline/render-article.js');
  const inProcess = (task: ArticleTask) => renderArticle(task, common);
  if (lanes === 1) {
    await lane(inProcess);
    return { workers: 0 };
  }
  const pool = new ArticlePool(lanes - 1);
  try {
    await Promise.all([lane(inProcess), ...Array.from({ length: pool.capacity }, () => lane((task) => pool.run(task)))]);
  } finally {
    await pool.close();
  }
  return { workers: lanes - 1 };
}

/** An article whose renderer threw or whose worker died: every edition failed, not recorded. */
function crashed(task: ArticleTask, error: unknown): ArticleResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    slug: task.source.slug,
    diagnostics: [diagnostic(task.source.file, 'briefing:render-failed', `Rendering failed: ${message}`)],
    editions: task.editions.map(({ lang }) => ({ lang, outcome: 'failed', title: task.source.slug, sourceTitle: task.source.slug, date: '', coverage: 0, files: [], fallbacks: [], diagnostics: [], recordable: false })),
  };
}

interface RecordState {
  out: string;
  now: Date;
  oldOutputs: Map<string, OutputEntry>;
  outputs: Map<string, OutputEntry>;
  problems: Map<string, ProblemEntry>;
  dropped: Set<string>;
}

/** Writes an article's files and records its editions' outcomes in the report and the new manifest. */
async function record(report: BuildReport, plan: Planned, result: ArticleResult, state: RecordState): Promise<void> {
  const { out, oldOutputs, outputs, problems, dropped } = state;
  report.diagnostics.push(...result.diagnostics);
  const slug = result.slug;
  for (const edition of result.editions) {
    const key = `${slug}.${edition.lang}`;
    const hash = plan.editionHashes.get(edition.lang)!;
    let unwritten = false;
    for (const file of edition.files) {
      const relative = `${slug}/${file.name}`;
      const target = path.join(out, slug, file.name);
      const display = path.relative(process.cwd(), target) || target;
      try {
        await writeFileAtomic(target, file.data);
      } catch (error) {
        // Disk full, permissions…: this file keeps its previous version (and manifest entry).
        report.diagnostics.push(diagnostic(display, 'briefing:write-failed', `Cannot write the output: ${(error as NodeJS.ErrnoException).code ?? String(error)}`));
        unwritten = true;
        continue;
      }
      report.written.push({ path: path.relative(process.cwd(), target) || target, bytes: file.data.byteLength, ms: file.ms });
      const inputHash = outputHash(file.kind === 'bilingual' ? plan.bilingualHash! : hash, file.kind, file.format);
      outputs.set(relative, {
        path: relative, slug, lang: edition.lang, format: file.format, kind: file.kind, title: file.kind === 'review' ? edition.sourceTitle : edition.title, date: edition.date,
        sha256: file.sha256, bytes: file.data.byteLength, inputHash, coverage: edition.coverage, builtAt: state.now.toISOString(),
      });
    }
    report.diagnostics.push(...edition.diagnostics);
    if (edition.status && (edition.outcome !== 'failed' || edition.files.length > 0)) report.statuses.push(edition.status);
    if (edition.outcome === 'built') {
      if (edition.fallbacks.length > 0) report.fallbacks[key] = edition.fallbacks;
      if (unwritten) report.failed.push(key);
      continue;
    }
    report.failed.push(key);
    if (edition.outcome === 'withheld') {
      // Withdraw what an earlier build published of this edition: under the threshold, it is not
      // current. (The previous good output of a *failed* edition stays published.)
      for (const [file, entry] of oldOutputs) {
        if (entry.slug === slug && entry.lang === edition.lang && (entry.kind === 'briefing' || entry.kind === 'bilingual')) {
          outputs.delete(file);
          dropped.add(file);
          await removeOutput(report, out, entry, 'below --min-coverage');
        }
      }
    }
    if (edition.recordable) {
      const articleErrors = result.diagnostics.filter((d) => d.severity === 'error');
      problems.set(key, { slug, lang: edition.lang, inputHash: hash, reason: edition.outcome, diagnostics: [...articleErrors, ...edition.diagnostics] });
    }
  }
}

function replay(report: BuildReport, problem: ProblemEntry, seen: Set<string>): void {
  report.failed.push(`${problem.slug}.${problem.lang}`);
  for (const d of problem.diagnostics) {
    const key = JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    report.diagnostics.push(d);
  }
}

/** True when the file on disk is the one the manifest recorded (size, then sha256). */
export function fileMatches(file: string, entry: OutputEntry): boolean {
  // Synchronous for the same reason as FileHasher: many small reads, nothing to overlap them with.
  try {
    if (statSync(file).size !== entry.bytes) return false;
    return sha256(readFileSync(file)) === entry.sha256;
  } catch {
    return false;
  }
}

/**
 * Removes an output the manifest says this tool wrote — only if the file is still that output:
 * a file someone replaced by hand is left alone and reported.
 */
async function removeOutput(report: BuildReport, out: string, entry: OutputEntry, reason: RemovedFile['reason']): Promise<void> {
  const file = path.join(out, entry.path);
  const display = path.relative(process.cwd(), file) || file;
  if (!fileMatches(file, entry)) {
    try {
      await stat(file);
      report.diagnostics.push(diagnostic(display, 'briefing:kept-modified-output', `Not removed (${reason}): the file differs from the one this tool wrote. Delete it by hand if it is no longer wanted.`, undefined, 'warning'));
    } catch {
      // Already gone.
    }
    return;
  }
  await removeFile(file);
  report.removed.push({ path: display, reason });
}

/** Removes article folders left empty by removals (rmdir fails on anything non-empty). */
async function removeEmptyFolders(out: string, removed: readonly RemovedFile[]): Promise<void> {
  const folders = new Set(removed.map((r) => path.dirname(path.resolve(r.path))));
  for (const folder of folders) {
    if (path.dirname(folder) !== out) continue;
    await removeEmptyDirectory(folder);
  }
}

/** Temporaries of a killed build: in the output folder and its article folders. */
async function removeTemporaries(out: string): Promise<void> {
  await removeStaleTemporaries(out);
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeStaleTemporaries(path.join(out, entry.name));
}
