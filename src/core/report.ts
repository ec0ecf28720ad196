/** Diagnostics as text: `path:line:column  severity  message  rule-id`, for the terminal and the preview overlay. */
import type { Diagnostic } from './errors.js';

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`;
  return d.note ? `${head}\n    ${d.note.replace(/\n/g, '\n    ')}` : head;
}

/** Diagnostics sorted by file and place, one per line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return [...diagnostics]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
    .map(formatDiagnostic)
    .join('\n');
}

/** `1 error, 2 warnings` (empty when there are none). */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
