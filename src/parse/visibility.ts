/**
 * Whether an article is public: `status: draft` (or `brouillon`, any case) is built for preview
 * only, and so is an article whose `embargo:` instant has not come yet. Decided from the parsed
 * front matter and the build's clock, the one time source (src/core/clock.ts).
 */
import type { ArticleMeta } from '../core/types.js';

/** Why an output is not public: a draft, or an embargo still running. */
export type Visibility = 'draft' | 'embargoed';
export const VISIBILITIES: readonly Visibility[] = ['draft', 'embargoed'];

/** The `status:` values that mean "draft", lower-cased (English, French). */
const DRAFT_STATUSES: ReadonlySet<string> = new Set(['draft', 'brouillon']);

/** The article's visibility at `nowMs`: `undefined` when it is public. */
export function visibilityOf(meta: Pick<ArticleMeta, 'status' | 'embargo'>, nowMs: number): { visibility: Visibility; embargo?: string } | undefined {
  if (meta.status !== undefined && DRAFT_STATUSES.has(meta.status.trim().toLowerCase())) return { visibility: 'draft' };
  if (meta.embargo !== undefined && embargoRunning(meta.embargo, nowMs)) return { visibility: 'embargoed', embargo: meta.embargo };
  return undefined;
}

/** Whether an embargo (any ISO instant `Date` reads) still holds at `nowMs`. */
export function embargoRunning(embargo: string, nowMs: number): boolean {
  return nowMs < Date.parse(embargo);
}
