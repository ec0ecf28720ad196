/** The build's table of written files: path, size, time. */
import type { WrittenFile } from '../publish/build-report.js';

export function formatTable(files: readonly WrittenFile[]): string {
  const width = Math.max(4, ...files.map((f) => f.path.length));
  const rows = files.map((f) => `${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}  ${`${Math.round(f.ms)} ms`.padStart(7)}`);
  return [`${'file'.padEnd(width)}  ${'size'.padStart(9)}  ${'time'.padStart(7)}`, ...rows].join('\n');
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
