/** What a build reports: the files it wrote and removed, its diagnostics, and what it did per edition. */
import type { Diagnostic } from '../core/errors.js';
import type { ArticleStatus } from '../translate/types.js';
import type { RecoveredLock } from './lock.js';
import type { RemovalReason } from './plan.js';
import type { PendingTranslation } from './pending.js';

export interface WrittenFile {
  /** Path relative to the current directory. */
  path: string;
  bytes: number;
  ms: number;
}

export interface RemovedFile {
  /** Path relative to the current directory. */
  path: string;
  reason: RemovalReason;
}

export interface BuildReport {
  written: WrittenFile[];
  /** Outputs skipped because their inputs and file are unchanged. */
  unchanged: number;
  removed: RemovedFile[];
  diagnostics: Diagnostic[];
  /** Editions (slug.lang) that could not be built. */
  failed: string[];
  /** Translated editions withheld under their coverage threshold: awaiting translation (exit 0 unless --strict). */
  pending: PendingTranslation[];
  /** Per written edition, the keys shown in French (missing or stale translation). */
  fallbacks: Record<string, string[]>;
  /** Translation status of each translated edition rendered. */
  statuses: ArticleStatus[];
  /** Articles selected (after slugs and shard), and how many had to be rendered. */
  articles: number;
  rendered: number;
  /** Worker threads used (0: rendered in-process). */
  workers: number;
  /** A lock left by a dead build that this build took over, and why it was judged stale. */
  recoveredLock?: RecoveredLock;
}
