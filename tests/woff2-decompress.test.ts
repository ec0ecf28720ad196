/**
 * The bundle's stand-in for fontkit's `brotli/decompress.js` (Node's zlib): the same bytes for a
 * Brotli stream, null for a broken one; and the bundle really uses it (no brotli dictionary in dist).
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import brotliDecompress from '../src/render/pdf/woff2-decompress.js';
import { reachableBundleFiles } from './helpers.js';

describe('woff2-decompress', () => {
  it('gives back the bytes of a Brotli stream, and null for a broken one', () => {
    const original = Buffer.from(`${'glyf loca hmtx '.repeat(5000)}é€😀`, 'utf8');
    const compressed = brotliCompressSync(original);
    expect(Buffer.from(brotliDecompress(compressed, original.length)!).equals(original)).toBe(true);
    expect(brotliDecompress(compressed.subarray(0, compressed.length >> 1), original.length)).toBeNull();
  });

  it('replaces the brotli package in the bundle', () => {
    const seen = reachableBundleFiles();
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((file) => readFileSync(file, 'utf8').includes('BrotliDecompressBuffer'))).toEqual([]);
  });
});
