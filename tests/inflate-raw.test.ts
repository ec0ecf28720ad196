/**
 * The bundle's stand-in for `tiny-inflate` (Node's zlib): the same bytes and the same kind of
 * result as tiny-inflate for unicode-trie's tables and fontkit's WOFF tables, an error for a
 * broken or oversized stream; and the bundle really uses it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import inflate from '../src/render/pdf/inflate-raw.js';
import { reachableBundleFiles } from './helpers.js';

const require = createRequire(import.meta.url);
// The package it replaces (a dependency of fontkit and unicode-trie), as the reference.
const tinyInflate = require('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;

/** The compressed Unicode tables the bundle's modules inflate when they load. */
function tries(): Buffer[] {
  const root = path.join(import.meta.dirname, '..', 'node_modules');
  const files = ['unicode-properties/dist/module.mjs', 'linebreak/dist/module.mjs', 'fontkit/dist/module.mjs'];
  return files.flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/\("([A-Za-z0-9+/=]{200,})"\)/g)].map((m) => Buffer.from(m[1]!, 'base64')),
  );
}

describe('inflate-raw', () => {
  it("decodes unicode-trie's tables as tiny-inflate does, into buffers of their own", () => {
    const all = tries();
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const data of all) {
      const length = data.readUInt32LE(8);
      // unicode-trie inflates twice into buffers of the final length, then reads `.buffer`.
      const twice = (f: (source: Uint8Array, dest: Uint8Array) => Uint8Array) => f(f(data.subarray(12), new Uint8Array(length)), new Uint8Array(length));
      const ours = twice(inflate);
      expect(Buffer.from(ours).equals(Buffer.from(twice(tinyInflate)))).toBe(true);
      expect(ours.byteOffset).toBe(0);
      expect(ours.buffer.byteLength).toBe(ours.length);
    }
  });

  it('fills a Buffer destination and returns it (WOFF tables)', () => {
    const original = Buffer.from('glyf loca hmtx '.repeat(300), 'latin1');
    const dest = Buffer.alloc(original.length);
    expect(inflate(deflateRawSync(original), dest)).toBe(dest);
    expect(dest.equals(original)).toBe(true);
  });

  it('rejects a broken stream and output beyond the destination', () => {
    const compressed = deflateRawSync(Buffer.alloc(4096, 7));
    expect(() => inflate(compressed.subarray(0, 3), new Uint8Array(4096))).toThrow();
    expect(() => inflate(compressed, new Uint8Array(100))).toThrow();
  });

  it('replaces tiny-inflate in the bundle', () => {
    const seen = reachableBundleFiles();
    expect(seen.length).toBeGreaterThan(10);
    // tiny-inflate's own error message and fixed-tree setup.
    expect(seen.filter((file) => /tinf_|Data error/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
