/** Versions read from package.json files: the tool's own (in input hashes, the manifest, --version) and its packages'. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** The `version` field of the package.json in `dir`. */
export function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** This tool's version. */
export function toolVersion(): string {
  return packageVersion(PACKAGE_ROOT);
}
