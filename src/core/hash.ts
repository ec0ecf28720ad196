/** The one content hash of the project: output checksums, input hashes, manifest entries. */
import { hash } from 'node:crypto';

/**
 * Hex sha256 of a string (as UTF-8) or bytes. The one-shot `crypto.hash` (Node 20.12+), not
 * `createHash`: a build hashes thousands of short strings (a no-op rebuild of 200 articles ~3 000:
 * edition, link and output hashes), and a Hash object per call was most of their cost.
 */
export function sha256(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}
