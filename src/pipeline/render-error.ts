/**
 * A renderer failure as a diagnostic in the user's own file (build and serve alike). Every input
 * a renderer reads throws a `FileProblem` naming that file (template, theme, logo, stylesheet,
 * translation breaking the bilingual pairing), placed where the file has lines: it is reported
 * there. Only an unexpected failure is reported against the article, as `briefing:render-failed`.
 */
import path from 'node:path';
import { FileProblem, ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';

export function renderErrorDiagnostic(error: unknown, paths: ProjectPaths, articleFile: string): Diagnostic {
  if (error instanceof FileProblem) {
    // Files read from the templates folder are absolute; locale files are already project-relative.
    return error.toDiagnostic(path.isAbsolute(error.file) ? path.relative(paths.root, error.file) : error.file);
  }
  return ruleDiagnostic('briefing:render-failed', articleFile, { reason: error instanceof Error ? error.message : String(error) });
}
