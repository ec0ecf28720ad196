/** Where the package's own files live, whether running from `src/` (tests) or `dist/` (bin). */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Root of the installed package (holds `templates/`, `locales/`, `package.json`). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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
  return {
    root: abs,
    content: path.join(abs, 'content'),
    locales: path.join(abs, 'locales'),
    templates: path.join(abs, 'templates'),
    output: output ? path.resolve(abs, output) : path.join(abs, 'output'),
  };
}
