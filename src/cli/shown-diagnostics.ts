/** Which diagnostics a command prints: `info` ones (notes, such as front-matter fields ignored) only with `--verbose`. */
import type { Diagnostic } from '../core/errors.js';

/** The diagnostics to print: all with `verbose`, else the errors and warnings. */
export function shownDiagnostics(diagnostics: readonly Diagnostic[], verbose: boolean): Diagnostic[] {
  return verbose ? [...diagnostics] : diagnostics.filter((d) => d.severity !== 'info');
}
