/**
 * A fixed pool of worker threads, each running `renderArticle` for one article at a time (its
 * fonts and compiled templates stay loaded between articles). Written on `node:worker_threads`
 * rather than tinypool/piscina because those load their own worker entry file from beside their
 * module, which the single-file bundle of the bin does not have; what is needed here — a queue,
 * one task per worker, a crashed worker failing only its article — is small.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { ArticleResult, ArticleTask } from '../pipeline/render-article.js';

export type WorkerRequest = { id: number; task: ArticleTask };
export type WorkerResponse = { id: number; result: ArticleResult } | { id: number; error: string };

interface Job {
  id: number;
  task: ArticleTask;
  resolve: (result: ArticleResult) => void;
  reject: (error: Error) => void;
}

/**
 * Where the worker's code is: the bundle's `dist/build-worker.mjs` when running from `dist/`
 * (this module is then in one of its chunks), else the TypeScript source loaded through tsx
 * (tests, bench).
 */
function createWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(path.join(PACKAGE_ROOT, 'dist', 'build-worker.mjs'));
  const source = new URL('./worker.ts', here).href;
  return new Worker(`import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(source)});`, { eval: true });
}

/**
 * Tasks sent ahead to each worker: the next article is already queued in the worker when it
 * finishes one, so it never idles waiting for the main thread (busy rendering its own article)
 * to hand it more work.
 */
const DEPTH = 2;

export class ArticlePool {
  private readonly workers = new Map<Worker, Job[]>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.set(this.spawn(), []);
  }

  /** How many tasks can be in flight at once. */
  get capacity(): number {
    return this.size * DEPTH;
  }

  run(task: ArticleTask): Promise<ArticleResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers.keys()];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = createWorker();
    worker.on('message', (message: WorkerResponse) => {
      const jobs = this.workers.get(worker);
      const index = jobs?.findIndex((job) => job.id === message.id) ?? -1;
      if (!jobs || index < 0) return;
      const [job] = jobs.splice(index, 1);
      if (jobs.length === 0) worker.unref();
      if ('error' in message) job!.reject(new Error(message.error));
      else job!.resolve(message.result);
      this.dispatch();
    });
    // A worker that dies (out of memory, a native crash) fails its articles only; a new one replaces it.
    let dead = false;
    const lost = (error: Error) => {
      if (dead) return;
      dead = true;
      const jobs = this.workers.get(worker) ?? [];
      this.workers.delete(worker);
      if (this.closed) return;
      for (const job of jobs) job.reject(error);
      this.workers.set(this.spawn(), []);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`build worker exited with code ${code}`)));
    // Idle workers must not keep the process alive if a caller forgets close(); busy ones must.
    worker.unref();
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // The least loaded worker with room.
      let best: [Worker, Job[]] | undefined;
      for (const entry of this.workers) if (entry[1].length < DEPTH && (!best || entry[1].length < best[1].length)) best = entry;
      if (!best) return;
      const [worker, jobs] = best;
      const job = this.queue.shift()!;
      jobs.push(job);
      worker.ref();
      const request: WorkerRequest = { id: job.id, task: job.task };
      worker.postMessage(request);
    }
  }
}
