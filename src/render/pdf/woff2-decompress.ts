/**
 * fontkit's WOFF2 decompressor, taken from Node instead of the `brotli` package: fontkit imports
 * `brotli/decompress.js` at start-up, which compiles ~1 MB of JavaScript and decodes a 120 KB
 * dictionary (~40 ms of every cold PDF build) for WOFF2 fonts the built-in theme never uses (its
 * fonts are TrueType). Node's zlib has the same decoder, native. The bundle maps that import here
 * (`--alias` in package.json's `bundle` script); code run from sources keeps the package.
 */
import { brotliDecompressSync } from 'node:zlib';

/**
 * brotli's `decompress(buffer, outputSize)`: the decompressed bytes of a Brotli stream, or null
 * for a broken one (as brotli answers, so fontkit reports "Error decoding compressed data in WOFF2").
 */
export default function brotliDecompress(buffer: Uint8Array, _outputSize?: number): Uint8Array | null {
  try {
    return brotliDecompressSync(buffer);
  } catch {
    return null;
  }
}
