/** `briefing build`: render, write, print the table and the problems; returns the exit code. */
import { buildProject } from '../../build/index.js';
import { EXIT, hasErrors } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import type { Settings } from '../options.js';
import { countLine, formatDiagnostics, formatTable } from '../report.js';
import type { Output } from '../main.js';

export async function buildCommand(settings: Settings, out: Output): Promise<number> {
  const start = performance.now();
  const report = await buildProject({
    paths: projectPaths(settings.root, settings.out),
    slugs: settings.slugs,
    langs: settings.langs,
    formats: settings.formats,
    ...(settings.minCoverage !== undefined ? { minCoverage: settings.minCoverage } : {}),
  });
  if (report.written.length > 0) out.stdout(formatTable(report.written));
  for (const status of report.statuses) {
    const { missing, stale } = status.counts;
    if (missing + stale === 0 || !report.fallbacks[`${status.slug}.${status.lang}`]) continue;
    const keys = status.units.filter((u) => u.status === 'missing' || u.status === 'stale').map((u) => u.key);
    out.stderr(`${status.slug}.${status.lang}: ${missing + stale} segment${missing + stale === 1 ? '' : 's'} shown in French (${missing} missing, ${stale} stale; coverage ${status.coverage} %): ${keys.join(', ')}`);
  }
  if (report.diagnostics.length > 0) out.stderr(formatDiagnostics(report.diagnostics));
  const failed = report.failed.length > 0 || hasErrors(report.diagnostics);
  const counts = countLine(report.diagnostics);
  const summary = `${report.written.length} file${report.written.length === 1 ? '' : 's'} written in ${Math.round(performance.now() - start)} ms`;
  if (failed) {
    out.stderr(`${summary}; not built: ${report.failed.join(', ') || 'none'}${counts ? ` (${counts})` : ''}`);
    return EXIT.content;
  }
  out.stdout(`${summary}${counts ? ` (${counts})` : ''}`);
  return EXIT.ok;
}
