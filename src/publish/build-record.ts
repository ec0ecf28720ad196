/**
 * The build record, as ninja's log: `<output>/.briefing-build.json` keeps what the last no-op
 * build looked at (a key: sha256 over the options, tool, every edition's input and content hashes,
 * the articles listed, the manifest's bytes and the outputs' stat cache) and the report it returned.
 * A build whose key is the same, whose every output still has the stat data remembered for it and
 * whose index, feeds and team page are there as asked replays that report without parsing the
 * manifest nor planning: the plan is a function of exactly these (plan.ts is pure), so it would
 * decide the same again — keep everything, write nothing.
 *
 * What the key does not hold it need not: the clock reaches a no-op plan only through each
 * article's embargo state, which is part of its input hash (so an embargo lifting changes the
 * key); a file changed within the stat caches' racy window is hashed from its bytes, never taken
 * from its stat data; BRIEFING_LIMITS and the tool's version are in every input hash (`tool`).
 * Written only by a build that planned and rendered, removed and wrote nothing; removed by every
 * other build that reads one. Only a cache: a missing or damaged record costs the planning again.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { lstatSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/errors.js';
import type { Format, Lang } from '../core/types.js';
import type { SourceFile } from '../project/sources.js';
import { writeFileAtomic } from './atomic-write.js';
import type { BuildReport } from './build-report.js';
import { outputCheck } from './execute-files.js';
import type { OutputEntry } from './manifest.js';
import type { EditionInputs } from './plan-inputs.js';
import type { Shard } from './shard.js';
import { readRegularFile, type StatCache } from './stat-cache.js';

export const BUILD_RECORD_FILE = '.briefing-build.json';
const VERSION = 1;

export interface BuildRecord {
  key: string;
  report: BuildReport;
}

/** Everything a build's plan depends on but the outputs' files (checked one by one: {@link outputsUnchanged}). */
export interface RecordKeyParts {
  generator: string;
  root: string;
  output: string;
  /** Report paths are relative to it. */
  cwd: string;
  langs: readonly Lang[];
  formats: readonly Format[];
  minCoverage: number;
  baseUrl?: string;
  internalPage: boolean;
  slugs?: readonly string[];
  shard?: Shard;
  everything: readonly SourceFile[];
  editions: EditionInputs;
  /** The manifest's text as read (undefined: absent or unreadable, as its diagnostics say). */
  manifest: { text?: string; diagnostics: Diagnostic[] };
  /** {@link StatCache.digest} of the outputs' stat cache (none: it changed since read, so no key). */
  statCache: string;
}

/** sha256 over every part: equal keys, equal plans. Hashed piece by piece (a JSON text of it all costs ~30 ms for 200 articles). */
export function recordKey(parts: RecordKeyParts): string {
  const { editions, manifest, everything, ...options } = parts;
  const hash = createHash('sha256');
  const add = (value: unknown) => hash.update(JSON.stringify(value ?? null)).update('\n');
  add({ version: VERSION, options: { ...options, baseUrl: options.baseUrl ?? null, slugs: options.slugs ?? null, shard: options.shard ?? null } });
  // Every source shares its project's bounds: each distinct one once, then each source by its index.
  const bounds = new Map<SourceFile['bounds'], number>();
  for (const source of everything) if (!bounds.has(source.bounds)) bounds.set(source.bounds, bounds.size);
  add([...bounds.keys()]);
  for (const source of everything) add([source.slug, source.file, source.absolute, bounds.get(source.bounds)]);
  add([...editions.existing].sort());
  add(editions.shared);
  for (const article of editions.selected) add([article.source.slug, article.hashes, article.contentHashes]);
  if (manifest.text === undefined) add({ absent: manifest.diagnostics });
  else hash.update('manifest\n').update(manifest.text);
  return hash.digest('hex');
}

/** The record in `out`, if any and well-formed (anything else is ignored: it is only a cache). */
export function readBuildRecord(out: string): BuildRecord | undefined {
  try {
    const data = JSON.parse(readRegularFile(path.join(out, BUILD_RECORD_FILE))) as { version?: unknown; key?: unknown; report?: unknown };
    if (data.version !== VERSION || typeof data.key !== 'string' || !isReport(data.report)) return undefined;
    return { key: data.key, report: data.report };
  } catch {
    return undefined;
  }
}

/** Whether `record` stands for this build: same key (pure; the outputs are checked apart). */
export function replays(record: BuildRecord | undefined, key: string): record is BuildRecord {
  return record !== undefined && record.key === key;
}

/**
 * Whether every output the stat cache remembers is still the file it remembers, as the plan's
 * check finds it (execute-files.ts `fileMatches`): a regular file inside the output folder with
 * the same size, inode, mtime and ctime. The record is only written when the cache covers every
 * recorded output ({@link coversOutputs}), and its digest is in the key.
 */
export function outputsUnchanged(out: string, cache: StatCache): boolean {
  const check = outputCheck(cache);
  let folderChecked: string | undefined;
  for (const [relative] of cache.files()) {
    const file = path.join(out, relative);
    // An article's files come one after the other: its folder is checked once.
    const folder = path.dirname(file);
    if (folder !== folderChecked) {
      if (!check.inside(out, folder)) return false;
      folderChecked = folder;
    }
    try {
      const stats = lstatSync(file, { bigint: true });
      if (!stats.isFile() || cache.sha256(relative, stats) === undefined) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Whether the stat cache remembers exactly the recorded outputs, each with the size and sha256 the manifest gives it. */
export function coversOutputs(cache: StatCache, outputs: readonly OutputEntry[]): boolean {
  const remembered = new Map(cache.files());
  if (remembered.size !== outputs.length) return false;
  return outputs.every((entry) => {
    const found = remembered.get(entry.path);
    return found !== undefined && found[0] === String(entry.bytes) && found[4] === entry.sha256;
  });
}

/** Whether `report` is a no-op's that JSON gives back exactly (what a replay returns). */
export function recordable(report: BuildReport): boolean {
  if (report.written.length > 0 || report.removed.length > 0 || report.rendered > 0 || report.recoveredLock !== undefined) return false;
  return isDeepStrictEqual(JSON.parse(JSON.stringify(report)), report);
}

export async function writeBuildRecord(out: string, record: BuildRecord): Promise<void> {
  // A failure only costs the planning next time.
  await writeFileAtomic(path.join(out, BUILD_RECORD_FILE), `${JSON.stringify({ version: VERSION, ...record })}\n`).catch(() => undefined);
}

/** Removes the record: a build that plans may change what it stands for. */
export async function removeBuildRecord(out: string): Promise<void> {
  await rm(path.join(out, BUILD_RECORD_FILE), { force: true }).catch(() => undefined);
}

function isReport(value: unknown): value is BuildReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const arrays = ['written', 'removed', 'diagnostics', 'failed', 'pending', 'statuses'].every((field) => Array.isArray(r[field]));
  const numbers = ['unchanged', 'articles', 'rendered', 'workers'].every((field) => typeof r[field] === 'number');
  return arrays && numbers && typeof r.fallbacks === 'object' && r.fallbacks !== null && (r.written as unknown[]).length === 0;
}
