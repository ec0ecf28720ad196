/** `briefing status`: translation coverage per article and language (read-only). */
import { EXIT } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { coverageReport } from '../../translate/project.js';
import type { Settings } from '../options.js';
import { formatDiagnostics } from '../../core/report.js';
import type { Output } from '../output.js';
import { keyFigureCap } from '../../render/pdf/theme.js';
import { previewLines } from '../preview-lines.js';
import { orphanedLocaleFiles } from '../../translate/orphans.js';

export async function statusCommand(settings: Settings, out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const { rows, unreadable, diagnostics } = await coverageReport(paths, settings.slugs, settings.langs, { keyFigures: keyFigureCap(paths.templates) });
  if (settings.slugs.length === 0) diagnostics.push(...(await orphanedLocaleFiles(paths)));
  if (settings.report === 'json') {
    out.stdout(JSON.stringify([...rows, ...unreadable], null, 2));
  } else {
    const header = ['article', 'lang', 'translated', 'stale', 'missing', 'obsolete', 'coverage'];
    const table = [
      header,
      ...rows.map((r) => [r.slug, r.lang, String(r.ok), String(r.stale), String(r.missing), String(r.obsolete), `${r.coverage.toFixed(1)} %`]),
    ];
    const widths = header.map((_, i) => Math.max(...[...table, ...unreadable.map((r) => [r.slug, r.lang])].map((row) => row[i]?.length ?? 0)));
    out.stdout(table.map((row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n'));
    // Never dropped silently: an article whose translation cannot be read is listed, with its error.
    for (const row of unreadable) out.stdout(`${row.slug.padEnd(widths[0]!)}  ${row.lang.padEnd(widths[1]!)}  unreadable: ${row.error}`);
  }
  if (settings.report !== 'json') for (const line of await previewLines(paths, settings.slugs)) out.stdout(line);
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
}
