/**
 * Two kinds of failure, kept apart (like unified's vfile messages vs TypeErrors):
 * - `Diagnostic`: a problem in *content* (an article, a locale file, a template) with a place and
 *   a rule id; gathered per file and reported together; exit code 1.
 * - `UsageError`: the command line or environment is wrong; exit code 2, message says the fix.
 * Anything else that escapes is a bug: exit code 4 (`EXIT.internal`), never 1, so a wrapper that
 * publishes after content errors does not publish a build that stopped midway.
 * Rule ids, their severities and messages are one table: `src/core/rules.ts`.
 */
import type { Place } from './types.js';
import { ruleMessage, ruleSeverity, ruleUrl, START, type RuleId, type RuleParams, type Severity } from './rules.js';

export type { RuleId, Severity } from './rules.js';

/** A problem in a content file, printed as `path:line:column  severity  message  rule-id`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** Namespaced rule id, e.g. `briefing:invalid-json`. */
  ruleId: RuleId;
  /** Where the rule is documented (`docs/rules.md#invalid-json`), like vfile-message's `url`. */
  url: string;
  /** Extra context shown under the message (e.g. the French source text). */
  note?: string;
}

/**
 * The diagnostic of rule `id` in `file`, worded by the rule table from `params`; `place`
 * defaults to the start of the file, the severity to the rule's.
 */
export function ruleDiagnostic<R extends RuleId>(
  id: R,
  file: string,
  params: RuleParams<R>,
  place: Place = START,
  options: { severity?: Severity; note?: string | undefined } = {},
): Diagnostic {
  const d: Diagnostic = {
    file,
    line: place.line,
    column: place.column,
    severity: options.severity ?? ruleSeverity(id),
    message: ruleMessage(id, params),
    ruleId: id,
    url: ruleUrl(id),
  };
  return options.note === undefined ? d : { ...d, note: options.note };
}

/**
 * A renderer's input file is wrong (a template, the theme, the logo, a stylesheet, a translation
 * that breaks the bilingual pairing). Thrown where the file is read; `file` is absolute, or
 * relative to the project root; `place` is where the file has lines. The pipeline turns it into
 * its diagnostic without guessing (src/pipeline/render-error.ts).
 */
export class FileProblem<R extends RuleId = RuleId> extends Error {
  constructor(
    readonly ruleId: R,
    readonly file: string,
    readonly params: RuleParams<R>,
    readonly place?: Place,
    options?: { cause?: unknown },
  ) {
    super(`${file}${place ? `:${place.line}:${place.column}` : ''}: ${ruleMessage(ruleId, params)}`, options);
    this.name = 'FileProblem';
  }

  /** The diagnostic, with `file` as `displayFile` (the path shown, relative to the project). */
  toDiagnostic(displayFile: string): Diagnostic {
    return ruleDiagnostic(this.ruleId, displayFile, this.params, this.place);
  }
}

/** The command line or environment is wrong (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes, documented in the README, docs/publishing.md and `--help`. */
export const EXIT = { ok: 0, content: 1, usage: 2, locked: 3, internal: 4 } as const;

/** Identity of a problem: the same rule and message at the same place (the note aside), for reporting it once. */
export function diagnosticKey(d: Diagnostic): string {
  return JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message]);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
