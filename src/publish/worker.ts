/**
 * Entry of a render worker thread (bundled as `dist/build-worker.mjs`): runs the jobs the pool
 * sends, one at a time — an article's render (posting back its rendered files) or an article's
 * parse for the service's index page. Fonts and templates stay loaded for the worker's life, the
 * common locale files for one build.
 */
import { parentPort, isMainThread } from 'node:worker_threads';
import { hasErrors } from '../core/errors.js';
import { parseArticle } from '../parse/index.js';
import { renderArticle } from '../pipeline/render-article.js';
import { commonLocales, type CommonLocales } from '../project/locales.js';
import type { ArticleSummary, WorkerJob, WorkerRequest, WorkerResponse } from './worker-protocol.js';

if (isMainThread || !parentPort) throw new Error('build-worker runs as a worker thread of briefing build');
const port = parentPort;
let common: CommonLocales | undefined;
let commonId = '';

// The pool sends jobs ahead (see `depth` in pool.ts); they run one after the other.
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    port.postMessage({ id: request.id, started: true } satisfies WorkerResponse);
    port.postMessage(await handle(request));
  });
});

port.postMessage({ ready: true } satisfies WorkerResponse);

async function handle({ id, job }: WorkerRequest): Promise<WorkerResponse> {
  try {
    return { id, result: await run(job) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

async function run(job: WorkerJob) {
  if (job.kind === 'summary') {
    const parsed = parseArticle(job.text, job.source.file, job.source.slug);
    const summary: ArticleSummary = { diagnostics: parsed.diagnostics, ...(hasErrors(parsed.diagnostics) ? {} : { article: parsed.article }) };
    return summary;
  }
  const { task } = job;
  if (!common || commonId !== job.commonId) {
    common = commonLocales(task.paths);
    commonId = job.commonId;
  }
  return renderArticle(task, common);
}
