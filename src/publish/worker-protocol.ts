/** The messages between the pool (`pool.ts`) and its worker threads (`worker.ts`). */
import type { Diagnostic } from '../core/errors.js';
import type { Article } from '../core/types.js';
import type { ArticleResult, ArticleTask } from '../pipeline/article-task.js';
import type { SourceFile } from '../project/sources.js';

/** What a worker is asked to do. */
export type WorkerJob =
  /** Render an article; the common locale files are read again when `commonId` changes. */
  | { kind: 'article'; task: ArticleTask; commonId: string }
  /** Parse an article's text (already read by the caller, which keys its cache by these bytes). */
  | { kind: 'summary'; source: SourceFile; text: string };

/** What the service's index page needs of an article: the parsed article, or why there is none. */
export interface ArticleSummary {
  /** Undefined when the article has errors. */
  article?: Article;
  diagnostics: Diagnostic[];
}

export type WorkerRequest = { id: number; job: WorkerJob };

export type WorkerResponse =
  /** Sent once, when the worker has loaded its code and takes jobs. */
  | { ready: true }
  /** Sent when the worker begins the job: its time budget starts then. */
  | { id: number; started: true }
  | { id: number; result: ArticleResult | ArticleSummary }
  | { id: number; error: string };
