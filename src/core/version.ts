/** Versions read from package.json files: the tool's own (in input hashes, the manifest, --version) and its packages'. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** The `version` field of the package.json in `dir`. */
export function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * This tool's version, read once per process: a build asked for it four times (input hashes,
 * manifest, shaping store, index), each a read and parse of package.json. The code running is
 * the code loaded at start, so the version read then stays the right one.
 */
let ownVersion: string | undefined;
export function toolVersion(): string {
  ownVersion ??= packageVersion(PACKAGE_ROOT);
  return ownVersion;
}
