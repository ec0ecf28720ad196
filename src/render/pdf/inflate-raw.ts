/**
 * `tiny-inflate` (a DEFLATE decoder in JavaScript) taken from Node's zlib instead. unicode-trie
 * inflates each Unicode property table twice when its module loads (unicode-properties, linebreak
 * and fontkit's shapers: ~40–70 ms of every cold PDF build in JavaScript, a few ms natively), and
 * fontkit uses it for WOFF tables. The bundle maps `tiny-inflate` here (`--alias` in package.json's
 * `bundle` script, through ./inflate-raw-cjs.cts); code run from sources keeps the package.
 */
import { inflateRawSync } from 'node:zlib';

/**
 * tiny-inflate's `inflate(source, dest)`: decodes the raw DEFLATE stream `source` into `dest`,
 * returns `dest`, or `dest.slice(0, decoded length)` when the stream is shorter, as tiny-inflate
 * does (unicode-trie reads the result through `.buffer`: it must not be a view of zlib's pool).
 * Output beyond `dest`'s length is an error here (zlib's `maxOutputLength`), where tiny-inflate
 * dropped it silently; so is a corrupt stream.
 */
export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const data = inflateRawSync(source, { maxOutputLength: Math.max(1, dest.length) });
  dest.set(data);
  return data.length < dest.length ? dest.slice(0, data.length) : dest;
}
