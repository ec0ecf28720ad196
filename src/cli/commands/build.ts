/** `briefing build`: render what changed, print the table (or --json) and the problems; returns the exit code. */
import { buildProject, type BuildReport } from '../../publish/build.js';
import { EXIT, hasErrors } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import type { Settings } from '../options.js';
import { countLine, formatDiagnostics } from '../../core/report.js';
import { formatTable } from '../table.js';
import type { Output } from '../output.js';
import { createProgress } from '../progress.js';
import { shownDiagnostics } from '../shown-diagnostics.js';

export async function buildCommand(settings: Settings, out: Output): Promise<number> {
  const start = performance.now();
  const progress = out.progress && !settings.json ? createProgress(out.progress) : undefined;
  let report: BuildReport;
  try {
    report = await buildProject({
      paths: projectPaths(settings.root, settings.out),
      slugs: settings.slugs,
      langs: settings.langs,
      formats: settings.formats,
      ...(settings.minCoverage !== undefined ? { minCoverage: settings.minCoverage } : {}),
      ...(settings.baseUrl !== undefined ? { baseUrl: settings.baseUrl } : {}),
      force: settings.force,
      internalPage: settings.internalPage,
      ...(settings.shard ? { shard: settings.shard } : {}),
      ...(settings.jobs !== undefined ? { jobs: settings.jobs } : {}),
      timeBudgetSeconds: settings.timeBudget,
      waitMs: settings.wait * 1000,
      ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
      onLockWait: (holder) =>
        out.stderr(
          `briefing: waiting up to ${settings.wait} s for the build holding the output folder${holder ? ` (pid ${holder.pid}, since ${holder.started})` : ''}…`,
        ),
    });
  } finally {
    progress?.end();
  }
  const elapsed = Math.round(performance.now() - start);
  const failed = report.failed.length > 0 || hasErrors(report.diagnostics);
  const code = failed ? EXIT.content : EXIT.ok;
  if (report.recoveredLock) {
    const { holder, reason } = report.recoveredLock;
    out.stderr(`briefing: recovered the lock ${holder ? `left by pid ${holder.pid} (started ${holder.started})` : 'of the output folder'}, ${reason}`);
  }
  const diagnostics = shownDiagnostics(report.diagnostics, settings.verbose);
  if (settings.json) {
    out.stdout(JSON.stringify(jsonSummary({ ...report, diagnostics }, code, elapsed), null, 2));
  } else {
    if (report.written.length > 0) out.stdout(formatTable(report.written));
    for (const removed of report.removed) out.stdout(`removed ${removed.path} (${removed.reason})`);
  }
  for (const status of report.statuses) {
    const { missing, stale } = status.counts;
    if (missing + stale === 0 || !report.fallbacks[`${status.slug}.${status.lang}`]) continue;
    const keys = status.units.filter((u) => u.status === 'missing' || u.status === 'stale').map((u) => u.key);
    out.stderr(
      `${status.slug}.${status.lang}: ${missing + stale} segment${missing + stale === 1 ? '' : 's'} shown in French (${missing} missing, ${stale} stale; coverage ${status.coverage} %): ${keys.join(', ')}`,
    );
  }
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  if (settings.json) return code;
  const counts = countLine(report.diagnostics);
  const extra = [`${report.unchanged} unchanged`, ...(report.removed.length > 0 ? [`${report.removed.length} removed`] : [])];
  const summary = `${report.written.length} file${report.written.length === 1 ? '' : 's'} written in ${elapsed} ms; ${extra.join(', ')}`;
  if (failed) {
    out.stderr(`${summary}; not built: ${report.failed.join(', ') || 'none'}${counts ? ` (${counts})` : ''}`);
    return code;
  }
  out.stdout(`${summary}${counts ? ` (${counts})` : ''}`);
  return code;
}

function jsonSummary(report: BuildReport, exitCode: number, elapsedMs: number): object {
  return {
    exitCode,
    elapsedMs,
    articles: report.articles,
    rendered: report.rendered,
    workers: report.workers,
    written: report.written,
    unchanged: report.unchanged,
    removed: report.removed,
    failed: report.failed,
    diagnostics: report.diagnostics,
    ...(report.recoveredLock ? { recoveredLock: report.recoveredLock } : {}),
  };
}
