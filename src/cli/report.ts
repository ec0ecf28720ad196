/** Terminal output: diagnostics as `path:line:column  severity  message  rule-id`, and the build table. */
import type { Diagnostic } from '../core/errors.js';
import type { WrittenFile } from '../build/index.js';

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

export function formatTable(files: readonly WrittenFile[]): string {
  const width = Math.max(4, ...files.map((f) => f.path.length));
  const rows = files.map((f) => `${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}  ${`${Math.round(f.ms)} ms`.padStart(7)}`);
  return [`${'file'.padEnd(width)}  ${'size'.padStart(9)}  ${'time'.padStart(7)}`, ...rows].join('\n');
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
