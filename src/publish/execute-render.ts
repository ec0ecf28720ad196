/**
 * Renders the planned articles on `jobs` lanes pulling from one queue: the main thread is one
 * lane (it renders in-process between writes) and each other lane is a worker thread. With one
 * lane no worker starts at all — for a single article that is the fastest cold build.
 */
import { availableParallelism } from 'node:os';
import { ruleDiagnostic } from '../core/errors.js';
import type { CommonLocales } from '../project/locales.js';
import type { ArticleResult, ArticleTask } from '../pipeline/render-article.js';
import { ArticlePool } from './pool.js';

export interface BuildProgress {
  /** Articles rendered so far, of `total` that need rendering. */
  done: number;
  total: number;
  /** The article that just started or finished. */
  slug: string;
  event: 'start' | 'done';
}

export interface RenderOptions {
  /** Lanes: the main thread and jobs-1 workers (default: one per core). */
  jobs?: number;
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
  const progress = (slug: string, event: BuildProgress['event']) => options.onProgress?.({ done, total: tasks.length, slug, event });
  const lane = async (build: (task: ArticleTask) => Promise<ArticleResult>) => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      progress(task.source.slug, 'start');
      const result = await build(task).catch((error: unknown) => crashed(task, error));
      await onResult(task, result);
      done++;
      progress(task.source.slug, 'done');
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
    diagnostics: [ruleDiagnostic('briefing:render-failed', task.source.file, { reason: message })],
    editions: task.editions.map(({ lang }) => ({
      lang,
      outcome: 'failed',
      title: task.source.slug,
      sourceTitle: task.source.slug,
      date: '',
      coverage: 0,
      files: [],
      fallbacks: [],
      diagnostics: [],
      recordable: false,
    })),
  };
}
