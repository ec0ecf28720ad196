/**
 * The sources the front matter declares (`sources:`, ./declared-sources.ts) as translation units:
 * each title under `sources.<n>.title`, `n` the source's position in the list from 1. Publisher
 * names, addresses and dates are not units. Nothing found in the text becomes a source: detection
 * only suggests (`briefing suggest`).
 */
import type { Article, SourceUnit } from '../core/types.js';

export function sourceUnits(meta: Article['meta']): SourceUnit[] {
  return meta.sources.map((source, index) => {
    const id = String(index + 1);
    const { title, titlePlace, ...rest } = source;
    return { id, ...(title !== undefined ? { title: { key: `sources.${id}.title`, kind: 'source', markdown: title, place: titlePlace } } : {}), ...rest };
  });
}
