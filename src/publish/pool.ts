/**
 * A fixed pool of worker threads, each running one job at a time (an article's render, or the
 * parse the service's index page needs); fonts and compiled templates stay loaded between jobs.
 * Written on `node:worker_threads` rather than tinypool/piscina because those load their own
 * worker entry file from beside their module, which the single-file bundle of the bin does not
 * have; what is needed here is small: a queue, a few jobs per worker, and a worker that runs
 * over its time budget or out of memory failing only its own job.
 *
 * The job a worker is running is always the first of those sent to it (a worker takes them in
 * order, and says when it starts one), so the time budget is a timer on that first job: when it fires, the worker is
 * terminated — the only way to stop a thread stuck in synchronous code — the job fails with a
 * {@link JobStopped}, the jobs sent ahead go back to the front of the queue, and a new worker
 * takes over.
 */
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { ArticleResult, ArticleTask } from '../pipeline/article-task.js';
import type { ArticleSummary, WorkerJob, WorkerRequest, WorkerResponse } from './worker-protocol.js';

export interface PoolOptions {
  /** Worker threads. */
  size: number;
  /** Jobs sent ahead to each worker (the build: 2, so a worker never idles; the service: 1). */
  depth?: number;
  /** Longest run of one job (ms) before its worker is terminated; 0: no limit. */
  timeBudgetMs: number;
  /** Heap of each worker (MB): a job that needs more kills only its worker. */
  heapMb: number;
  /** Start every worker now (the service: its first request should not wait for one to load). */
  prewarm?: boolean;
  /**
   * Test hook, never set by the CLI: a module run as the worker instead of `worker.ts` (a wrapper
   * that imports it), to make a job hang or run out of memory on purpose.
   */
  entry?: URL;
}

/** Why a job was stopped from outside: its worker was terminated or died under it. */
export type StopReason = 'time-budget' | 'out-of-memory' | 'crashed' | 'closed';

/** A job whose worker was stopped (over its time budget, out of memory, crashed, or the pool closed). */
export class JobStopped extends Error {
  override name = 'JobStopped';
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
  }
}

interface Job {
  id: number;
  job: WorkerJob;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Lane {
  worker: Worker;
  /** Jobs sent to this worker, in order: the first is running. */
  jobs: Job[];
  /** The running job's time budget. */
  timer?: NodeJS.Timeout | undefined;
  stopped: boolean;
  /** Resolves when the worker has loaded its code (or is gone). */
  ready: Promise<void>;
  onReady: () => void;
}

/**
 * Where a render worker's old generation starts (MB; V8 clamps it under the worker's heap limit).
 * V8's default starts it small and raises it at each full GC; a worker rendering article after
 * article (≈ 30 MB live) then ran a full GC every ~4 articles, and each one also drops the
 * optimised code of functions that have no live closure at that moment — micromark's tokenizer
 * states, pdfkit's per-document closures, created anew for each parse or PDF — which the next
 * article re-optimises on V8's background threads (the same function compiled 5–7 times in 40
 * articles). Starting higher spaces those GCs out: 9 → 2 full GCs in 40 articles, 6–9 % less CPU
 * for a corpus build, for ~20 MB more resident memory per worker (docs/performance.md, "corpus3").
 */
const WORKER_INITIAL_OLD_MB = 96;
let initialOldSet = false;

/**
 * V8 reads this flag when an isolate is created, so it applies to the workers started after it
 * and not to the main thread, already running. A value given on the command line wins.
 */
function startOldGenerationAt(mb: number): void {
  if (initialOldSet) return;
  initialOldSet = true;
  if (process.execArgv.some((arg) => /^--initial[-_]old[-_]space[-_]size/.test(arg))) return;
  setFlagsFromString(`--initial-old-space-size=${mb}`);
}

/**
 * Where the worker's code is: the bundle's `dist/build-worker.mjs` when running from `dist/`
 * (this module is then in one of its chunks), else the TypeScript source loaded through tsx
 * (tests, bench).
 */
function createWorker(heapMb: number, entry: URL | undefined): Worker {
  startOldGenerationAt(WORKER_INITIAL_OLD_MB);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  const here = import.meta.url;
  if (!entry && !here.endsWith('.ts')) return new Worker(path.join(PACKAGE_ROOT, 'dist', 'build-worker.mjs'), { resourceLimits });
  const source = (entry ?? new URL('./worker.ts', here)).href;
  return new Worker(`import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(source)});`, { eval: true, resourceLimits });
}

export class ArticlePool {
  private readonly lanes = new Set<Lane>();
  private readonly queue: Job[] = [];
  private readonly depth: number;
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.depth = options.depth ?? 2;
    if (options.prewarm) for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** How many jobs can be in flight at once. */
  get capacity(): number {
    return this.options.size * this.depth;
  }

  /**
   * Renders one article on a worker. `commonId` names the reading of the common locale files the
   * render may share: a worker reads them again when it changes (once per build; every render
   * in the service).
   */
  run(task: ArticleTask, commonId: string): Promise<ArticleResult> {
    return this.submit({ kind: 'article', task, commonId }) as Promise<ArticleResult>;
  }

  /** Reads and parses one article on a worker (what the service's index page shows of it). */
  summarize(job: Extract<WorkerJob, { kind: 'summary' }>): Promise<ArticleSummary> {
    return this.submit(job) as Promise<ArticleSummary>;
  }

  /** Resolves when every worker started so far has loaded its code (or is gone). */
  async ready(): Promise<void> {
    await Promise.all([...this.lanes].map((lane) => lane.ready));
  }

  /** Terminates every worker; jobs not finished fail with a `JobStopped` ('closed'). */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new JobStopped('closed', 'the service is stopping');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const lanes = [...this.lanes];
    this.lanes.clear();
    for (const lane of lanes) {
      lane.stopped = true;
      lane.onReady();
      clearTimeout(lane.timer);
      for (const job of lane.jobs.splice(0)) job.reject(stopped);
    }
    await Promise.all(lanes.map((lane) => lane.worker.terminate()));
  }

  private submit(job: WorkerJob): Promise<unknown> {
    if (this.closed) return Promise.reject(new JobStopped('closed', 'the service is stopping'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): Lane {
    const worker = createWorker(this.options.heapMb, this.options.entry);
    let onReady = () => {};
    const ready = new Promise<void>((resolve) => (onReady = resolve));
    const lane: Lane = { worker, jobs: [], stopped: false, ready, onReady };
    this.lanes.add(lane);
    worker.on('message', (message: WorkerResponse) => {
      if ('ready' in message) return lane.onReady();
      if (lane.stopped || lane.jobs[0]?.id !== message.id) return;
      // The clock runs from the moment the worker starts the job, not while it boots or queues.
      if ('started' in message) return this.startClock(lane);
      const job = lane.jobs.shift()!;
      clearTimeout(lane.timer);
      lane.timer = undefined;
      if (lane.jobs.length === 0) worker.unref();
      if ('error' in message) job.reject(new Error(message.error));
      else job.resolve(message.result);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.stop(lane, new JobStopped('out-of-memory', `it needed more than ${this.options.heapMb} MB`));
      else this.stop(lane, new JobStopped('crashed', error.message));
    });
    worker.on('exit', (code) => this.stop(lane, new JobStopped('crashed', `its worker thread exited with code ${code}`)));
    // Idle workers must not keep the process alive if a caller forgets close(); busy ones must.
    worker.unref();
    return lane;
  }

  /** Starts the time budget of the job `lane` is running now (its first). */
  private startClock(lane: Lane): void {
    const budget = this.options.timeBudgetMs;
    if (budget <= 0 || lane.timer || lane.jobs.length === 0) return;
    lane.timer = setTimeout(() => this.stop(lane, new JobStopped('time-budget', `over the time budget of ${budget / 1000} s`)), budget);
  }

  /**
   * Ends `lane`: its running job fails with `error`, the jobs sent ahead go back to the front of
   * the queue (they are not at fault), and a new worker is started only when there is work.
   */
  private stop(lane: Lane, error: JobStopped): void {
    if (lane.stopped) return;
    lane.stopped = true;
    lane.onReady();
    clearTimeout(lane.timer);
    this.lanes.delete(lane);
    void lane.worker.terminate();
    const [running, ...ahead] = lane.jobs.splice(0);
    running?.reject(error);
    this.queue.unshift(...ahead);
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      // The least loaded worker with room; a new one (up to `size`) rather than queue behind a busy
      // one. Workers start only when there is work for them: one that cannot even start (a heap
      // too small for the renderers) fails one job at a time, never loops.
      let best: Lane | undefined;
      for (const lane of this.lanes) if (lane.jobs.length < this.depth && (!best || lane.jobs.length < best.jobs.length)) best = lane;
      if ((!best || best.jobs.length > 0) && this.lanes.size < this.options.size) best = this.spawn();
      if (!best) return;
      const job = this.queue.shift()!;
      best.jobs.push(job);
      best.worker.ref();
      const request: WorkerRequest = { id: job.id, job: job.job };
      best.worker.postMessage(request);
    }
  }
}
