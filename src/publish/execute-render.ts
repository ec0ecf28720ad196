/**
 * Renders the planned articles on `jobs` lanes pulling from one queue. With a time budget (the
 * default) every lane is a worker thread: only a worker can be stopped when an article runs over
 * its budget or out of memory, the main thread cannot. With the budget off (`--time-budget 0`,
 * for trusted content) the main thread is one lane (it renders in-process between writes) and
 * each other lane is a worker; with one lane no worker starts at all — the fastest cold build of a
 * single article (docs/performance.md has both figures). A build of one small article renders it
 * in-process under the budget too (see in-process.ts: its render is far shorter than the budget).
 */
import { availableParallelism } from 'node:os';
import { DEFAULTS } from '../core/defaults.js';
import { ruleDiagnostic } from '../core/errors.js';
import type { CommonLocales } from '../project/locales.js';
import type { ArticleResult, ArticleTask } from '../pipeline/article-task.js';
import { articleFailed } from '../pipeline/article-task.js';
import { rendersInProcess } from './in-process.js';
import { ArticlePool, JobStopped, type PoolOptions } from './pool.js';

export interface BuildProgress {
  /** Articles rendered so far, of `total` that need rendering. */
  done: number;
  total: number;
  /** The article that just started or finished. */
  slug: string;
  event: 'start' | 'done';
}

export interface RenderOptions {
  /** Lanes, workers or the main thread (default: one per core). */
  jobs?: number;
  /** Longest render of one article (s) before it is stopped (default DEFAULTS.timeBudgetSeconds; 0: none). */
  timeBudgetSeconds?: number;
  /** Heap of each worker (MB; default DEFAULTS.workerHeapMb). */
  workerHeapMb?: number;
  /** Test hook (see `PoolOptions.entry`): never set by the CLI. */
  workerEntry?: URL;
  onProgress?: (progress: BuildProgress) => void;
}

/**
 * Renders `tasks`, handing each result to `onResult` as its article completes (the next article
 * of that lane starts once `onResult` is done). Returns how many worker threads it used.
 */
export async function renderTasks(
  tasks: readonly ArticleTask[],
  options: RenderOptions,
  common: CommonLocales,
  onResult: (task: ArticleTask, result: ArticleResult) => Promise<void>,
): Promise<{ workers: number }> {
  if (tasks.length === 0) return { workers: 0 };
  const lanes = Math.min(Math.max(1, options.jobs ?? availableParallelism()), tasks.length);
  let next = 0;
  let done = 0;
  const budgetSeconds = options.timeBudgetSeconds ?? DEFAULTS.timeBudgetSeconds;
  const heapMb = options.workerHeapMb ?? DEFAULTS.workerHeapMb;
  const progress = (slug: string, event: BuildProgress['event']) => options.onProgress?.({ done, total: tasks.length, slug, event });
  const lane = async (build: (task: ArticleTask) => Promise<ArticleResult>) => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      progress(task.source.slug, 'start');
      const result = await build(task).catch((error: unknown) => crashed(task, error, budgetSeconds, heapMb));
      await onResult(task, result);
      done++;
      progress(task.source.slug, 'done');
    }
  };
  const workers = budgetSeconds > 0 && !rendersInProcess(tasks, budgetSeconds) ? lanes : lanes - 1;
  // Loaded only when the main thread renders: a build with nothing to render, or rendering on
  // workers only, never loads the parsers and renderers here.
  const inProcess = async (task: ArticleTask) => (await import('../pipeline/render-article.js')).renderArticle(task, common);
  if (workers === 0) {
    await lane(inProcess);
    await saveShaping();
    return { workers: 0 };
  }
  const size = Math.max(1, (options.jobs ?? availableParallelism()) - (workers === lanes ? 0 : 1));
  const pool = warmPool({ size, timeBudgetMs: budgetSeconds * 1000, heapMb, ...(options.workerEntry ? { entry: options.workerEntry } : {}) });
  const commonId = `build ${++builds}`;
  const onWorkers = Array.from({ length: workers * 2 }, () => lane((task) => pool.run(task, commonId)));
  await Promise.all(workers === lanes ? onWorkers : [lane(inProcess), ...onWorkers]);
  if (workers !== lanes) await saveShaping();
  return { workers };
}

/**
 * Keeps the words the main thread shaped for the next process (render/pdf/shaping-store.ts; that
 * module loads no renderer). Workers only read the store: one writer per build.
 */
async function saveShaping(): Promise<void> {
  (await import('../render/pdf/shaping-store.js')).saveShapedRuns();
}

let builds = 0;
let shared: { key: string; pool: ArticlePool } | undefined;

/**
 * The process's pool for these options. Its idle workers do not keep the process alive, and stay
 * loaded for the next build of a long-lived process (the tests, a program calling buildProject):
 * a worker's start-up (loading the renderers and fonts) costs more than rendering an article.
 */
function warmPool(options: PoolOptions): ArticlePool {
  const key = JSON.stringify({ ...options, entry: options.entry?.href });
  if (shared?.key !== key) {
    void shared?.pool.close();
    shared = { key, pool: new ArticlePool(options) };
  }
  return shared.pool;
}

/**
 * An article whose renderer threw or whose worker was stopped: every edition failed, not recorded
 * (a budget exceeded on a busy machine may pass on the next build).
 */
function crashed(task: ArticleTask, error: unknown, budgetSeconds: number, heapMb: number): ArticleResult {
  return articleFailed(task, [stoppedDiagnostic(task.source.file, error, budgetSeconds, heapMb)], false);
}

/** The diagnostic of an article that could not finish, placed at the article (the input at fault). */
export function stoppedDiagnostic(file: string, error: unknown, budgetSeconds: number, heapMb: number) {
  if (error instanceof JobStopped && error.reason === 'time-budget') return ruleDiagnostic('briefing:time-budget', file, { seconds: budgetSeconds });
  if (error instanceof JobStopped && error.reason === 'out-of-memory') return ruleDiagnostic('briefing:out-of-memory', file, { mb: heapMb });
  return ruleDiagnostic('briefing:render-failed', file, { reason: error instanceof Error ? error.message : String(error) });
}
