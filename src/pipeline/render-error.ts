/** A template, theme or renderer failure as a diagnostic in the user's own file (build and serve alike). */
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { TemplateError } from '../render/templates.js';
import { PdfThemeError } from '../render/pdf/theme.js';

export function renderErrorDiagnostic(error: unknown, paths: ProjectPaths, articleFile: string): Diagnostic {
  if (error instanceof TemplateError) {
    return diagnostic(path.relative(paths.root, error.file), 'briefing:template-error', error.message, { line: error.line, column: error.column });
  }
  if (error instanceof PdfThemeError) return diagnostic(path.relative(paths.root, error.file), 'briefing:invalid-theme', error.message);
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic(articleFile, 'briefing:render-failed', `Rendering failed: ${message}`);
}
