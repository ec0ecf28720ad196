/** `briefing status`: translation coverage per article and language (read-only). */
import { EXIT } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { coverageReport } from '../../translate/project.js';
import type { Settings } from '../options.js';
import { formatDiagnostics } from '../../core/report.js';
import type { Output } from '../output.js';
import { keyFigureCap } from '../../render/pdf/theme.js';
import { previewLines } from '../preview-lines.js';

export async function statusCommand(settings: Settings, out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const { rows, diagnostics } = await coverageReport(paths, settings.slugs, settings.langs, { keyFigures: keyFigureCap(paths.templates) });
  if (settings.report === 'json') {
    out.stdout(JSON.stringify(rows, null, 2));
  } else {
    const header = ['article', 'lang', 'translated', 'stale', 'missing', 'obsolete', 'coverage'];
    const table = [
      header,
      ...rows.map((r) => [r.slug, r.lang, String(r.ok), String(r.stale), String(r.missing), String(r.obsolete), `${r.coverage.toFixed(1)} %`]),
    ];
    const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    out.stdout(table.map((row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n'));
  }
  if (settings.report !== 'json') for (const line of await previewLines(paths, settings.slugs)) out.stdout(line);
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
}
