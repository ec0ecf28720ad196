/**
 * The text of a PDF as its glyphs are drawn, without the ActualText that makes a word split at a
 * line end read whole (src/render/pdf/split-word-text.ts): tests about where lines break, and
 * where a hyphen is drawn, read this copy; readers and copy-paste get the PDF itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Writes `out`: `file` with every `/Span <</ActualText …>> BDC … EMC` unwrapped (its content kept). */
export function withoutActualText(file: string, out: string): void {
  const qdf = `${out}.qdf`;
  // Uncompressed content streams, one operator a line (exit 3: warnings only).
  try {
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  } catch (error) {
    if ((error as { status?: number }).status !== 3) throw error;
  }
  const lines = readFileSync(qdf, 'latin1').split('\n');
  const open: boolean[] = [];
  const kept = lines.filter((line) => {
    // pdfkit writes a mark's dictionary over several lines: its last one ends with BDC.
    if (line.endsWith(' BDC') || line.endsWith(' BMC')) {
      const actual = line.startsWith('/Span <</ActualText ');
      open.push(actual);
      return !actual;
    }
    if (line === 'EMC') return !open.pop();
    return true;
  });
  writeFileSync(qdf, kept.join('\n'), 'latin1');
  // Stream lengths rewritten after the edit.
  writeFileSync(out, execFileSync('fix-qdf', [qdf]));
}
