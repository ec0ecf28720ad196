/**
 * `--shard K/N`: a deterministic share of the articles, so a CI matrix can spread a corpus over N
 * machines. An article's shard is a hash of its slug modulo N — not its position in the list — so
 * adding or removing an article never moves the others to another shard.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.js';

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

export function parseShard(raw: string): Shard {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Unexpected value "--shard=${raw}". Use K/N with 1 ≤ K ≤ N, e.g. --shard 2/4 for the second of four machines.`);
  }
  return { index, count };
}

/** The 1-based shard of `slug` among `count`. */
export function shardOf(slug: string, count: number): number {
  const digest = createHash('sha256').update(slug).digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

export function inShard(slug: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(slug, shard.count) === shard.index;
}
