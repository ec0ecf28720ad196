/**
 * At most `concurrency` renders at once, `queue` more waiting; beyond that the caller is told to
 * come back later (`503` + `Retry-After`) instead of piling work onto a 2-core machine.
 */

export class OverloadedError extends Error {
  override name = 'OverloadedError';
}

export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Runs `task` when a slot is free. @throws OverloadedError when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new OverloadedError('Too many renders in progress');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never dips below a queued task.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
