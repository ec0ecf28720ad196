/**
 * Entry of a build worker thread (bundled as `dist/build-worker.mjs`): builds the articles the
 * pool sends, one at a time, and posts back their rendered files. Fonts, templates and common
 * locale files stay loaded for the worker's life, which is one build.
 */
import { parentPort, isMainThread } from 'node:worker_threads';
import { renderArticle } from '../pipeline/render-article.js';
import { commonLocales, type CommonLocales } from '../project/locales.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

if (isMainThread || !parentPort) throw new Error('build-worker runs as a worker thread of briefing build');
const port = parentPort;
let common: CommonLocales | undefined;
let commonRoot = '';

// The pool sends tasks ahead (see DEPTH in pool.ts); they run one after the other.
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => port.postMessage(await handle(request)));
});

async function handle({ id, task }: WorkerRequest): Promise<WorkerResponse> {
  try {
    if (!common || commonRoot !== task.paths.root) {
      common = commonLocales(task.paths);
      commonRoot = task.paths.root;
    }
    return { id, result: await renderArticle(task, common) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
