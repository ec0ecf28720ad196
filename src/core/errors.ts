/**
 * Two kinds of failure, kept apart (like unified's vfile messages vs TypeErrors):
 * - `Diagnostic`: a problem in *content* (an article, a locale file, a template) with a place and
 *   a rule id; gathered per file and reported together; exit code 1.
 * - `UsageError`: the command line or environment is wrong; exit code 2, message says the fix.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A problem in a content file, printed as `path:line:column  severity  message  rule-id`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** Namespaced rule id, e.g. `briefing:invalid-json`. */
  ruleId: string;
  /** Extra context shown under the message (e.g. the French source text). */
  note?: string;
}

/** Builds a diagnostic; `place` defaults to the start of the file. */
export function diagnostic(
  file: string,
  ruleId: string,
  message: string,
  place: { line: number; column: number } = { line: 1, column: 1 },
  severity: Severity = 'error',
): Diagnostic {
  return { file, line: place.line, column: place.column, severity, message, ruleId };
}

/** Thrown by a stage whose input is unusable; carries the diagnostics that explain why. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
    this.name = 'ContentError';
  }
}

/** The command line or environment is wrong (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, content: 1, usage: 2, locked: 3 } as const;

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
