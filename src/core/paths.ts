/** Where the package's own files live, whether running from `src/` (tests) or `dist/` (bin). */
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from './defaults.js';

/**
 * Root of the installed package (holds `templates/`, `package.json`): the nearest folder above
 * this module whose package.json is Briefing's. Found by walking up because this module runs
 * from `src/core/` in tests and from the single bundled `dist/briefing.mjs` in the bin.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The templates shipped with the tool, used where a project has none of its own. */
export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, DEFAULTS.folders.templates);

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'briefing') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Briefing's package.json was not found above ${start}`);
  }
}

/** Folders of a Briefing project, all relative to its root. */
export interface ProjectPaths {
  root: string;
  content: string;
  locales: string;
  templates: string;
  output: string;
}

/** The standard layout of a project rooted at `root`; `output` may be overridden (`--out`). */
export function projectPaths(root: string, output?: string): ProjectPaths {
  const abs = path.resolve(root);
  const { folders } = DEFAULTS;
  return {
    root: abs,
    content: path.join(abs, folders.content),
    locales: path.join(abs, folders.locales),
    templates: path.join(abs, folders.templates),
    output: path.resolve(abs, output ?? folders.output),
  };
}
