/**
 * What `/` and `/api/status` know of each article: its parse, made on a worker thread (within the
 * time budget) and kept by the article's bytes (LRU), so a request parses only articles saved
 * since the last one, and a crafted article never blocks the event loop. Articles still being
 * parsed after `waitMs` are listed by name; one whose parse failed (a stack overflow, its budget
 * exceeded) is listed with its error, never a 500.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Diagnostic } from '../core/errors.js';
import { readSource, type SourceFile } from '../project/sources.js';
import { stoppedDiagnostic } from '../publish/execute-render.js';
import { JobStopped, type ArticlePool } from '../publish/pool.js';
import type { ArticleSummary } from '../publish/worker-protocol.js';

/** One article as the index sees it now. */
export interface ArticleState {
  source: SourceFile;
  /** Undefined while its parse has not finished. */
  summary?: ArticleSummary;
}

export interface SummaryLimits {
  maxEntries: number;
  /** Bytes of article text behind the kept parses (a parse is a few times its text). */
  maxBytes: number;
  budgetSeconds: number;
  heapMb: number;
}

export class ArticleSummaries {
  private readonly cache: LRUCache<string, { summary?: ArticleSummary; pending: Promise<ArticleSummary> }>;
  /** Parses actually run (what the tests count). */
  parses = 0;

  constructor(
    private readonly pool: ArticlePool,
    private readonly limits: SummaryLimits,
  ) {
    this.cache = new LRUCache({ max: limits.maxEntries, maxSize: Math.max(1, limits.maxBytes) });
  }

  /**
   * The state of each of `sources`, waiting at most `waitMs` for parses under way (counted once
   * the workers have loaded, so the first page after start-up is complete; that wait is bounded
   * by `startMs`).
   */
  async of(sources: readonly SourceFile[], waitMs: number, startMs: number): Promise<ArticleState[]> {
    const entries = await Promise.all(sources.map((source) => this.entry(source)));
    const all = Promise.all(entries.map((entry) => entry.pending));
    await Promise.race([all, this.pool.ready(), delay(startMs)]);
    await Promise.race([all, delay(waitMs)]);
    return sources.map((source, i) => ({ source, ...(entries[i]!.summary ? { summary: entries[i]!.summary } : {}) }));
  }

  /**
   * The error of `source` if its current text was already stopped over its time budget while
   * parsing: every render parses it too, so none is started (each would hold a worker as long).
   */
  async overBudget(source: SourceFile): Promise<Diagnostic | undefined> {
    const read = await readSource(source);
    if (read.text === undefined) return undefined;
    const summary = this.cache.peek(keyOf(source, read.text))?.summary;
    return summary?.diagnostics.find((d) => d.ruleId === 'briefing:time-budget');
  }

  private async entry(source: SourceFile): Promise<{ summary?: ArticleSummary; pending: Promise<unknown> }> {
    const read = await readSource(source);
    if (read.text === undefined) {
      const summary = { diagnostics: read.diagnostics };
      return { summary, pending: Promise.resolve() };
    }
    const key = keyOf(source, read.text);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const entry: { summary?: ArticleSummary; pending: Promise<ArticleSummary> } = {
      pending: this.pool.summarize({ kind: 'summary', source, text: read.text }).catch((error: unknown) => {
        if (error instanceof JobStopped && error.reason === 'closed') throw error;
        return { diagnostics: [failed(source, error, this.limits)] };
      }),
    };
    this.parses++;
    entry.pending.then(
      (summary) => (entry.summary = summary),
      () => this.cache.delete(key),
    );
    this.cache.set(key, entry, { size: 256 + 4 * read.text.length });
    return entry;
  }
}

/** The parse depends on the text and on the names it is reported under. */
function keyOf(source: SourceFile, text: string): string {
  return `${source.file}\0${source.slug}\0${createHash('sha256').update(text).digest('base64url')}`;
}

function failed(source: SourceFile, error: unknown, limits: SummaryLimits): Diagnostic {
  return stoppedDiagnostic(source.file, error, limits.budgetSeconds, limits.heapMb);
}

/** Resolves after `ms` without keeping the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
