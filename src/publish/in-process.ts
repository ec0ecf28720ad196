/**
 * Whether a build may render its articles on the main thread despite a time budget: a cold build
 * of one small article would spend more on starting a worker (a fresh isolate loading the whole
 * renderer bundle, parsing its own fonts) than on the render itself.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from '../core/defaults.js';
import { SOURCE_LANG } from '../core/types.js';
import type { ArticleTask } from '../pipeline/article-task.js';

/**
 * True when `tasks` is a single article whose source and translation files total at most
 * `DEFAULTS.inProcessMaxBytes` and the budget is at least `DEFAULTS.inProcessMinBudgetSeconds`:
 * linear stages keep such a render far under the budget, which the main thread could not enforce.
 */
export function rendersInProcess(tasks: readonly ArticleTask[], budgetSeconds: number): boolean {
  if (tasks.length !== 1 || budgetSeconds < DEFAULTS.inProcessMinBudgetSeconds) return false;
  const task = tasks[0]!;
  const files = [
    task.source.absolute,
    ...task.editions.filter((e) => e.lang !== SOURCE_LANG).map((e) => path.join(task.paths.locales, e.lang, `${task.source.slug}.json`)),
  ];
  let bytes = 0;
  for (const file of files) bytes += statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return bytes <= DEFAULTS.inProcessMaxBytes;
}
