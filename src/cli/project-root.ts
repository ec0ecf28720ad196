/**
 * The project a command works on when `--root` is not given: the nearest folder, from the current
 * one upwards, that holds `content/` or `briefing.config.json` (as git finds `.git/` and npm
 * `package.json`), so a command typed in `locales/en/` works on its project. None found: the
 * current folder, whose messages then say what is missing.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from '../core/defaults.js';

/** The project's settings file (./config.ts), at its root. */
export const CONFIG_FILE = 'briefing.config.json';

export function projectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (isProject(dir)) return dir === path.resolve(start) ? '.' : dir;
    const parent = path.dirname(dir);
    if (parent === dir) return '.';
    dir = parent;
  }
}

function isProject(dir: string): boolean {
  const content = path.join(dir, DEFAULTS.folders.content);
  return (existsSync(content) && statSync(content).isDirectory()) || existsSync(path.join(dir, CONFIG_FILE));
}
