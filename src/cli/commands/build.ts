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
import { awaitingLine } from '../../publish/pending.js';
import { fallbackLines } from '../fallback-lines.js';
import { annotationsForRun } from '../github-annotations.js';

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
  // Awaiting translation is a state, not a failure, unless the team gates on it (--strict).
  const failed = report.failed.length > 0 || hasErrors(report.diagnostics) || (settings.strict && report.pending.length > 0);
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
  for (const line of fallbackLines(report)) out.stderr(line);
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  // Under GitHub Actions, also as annotations (on stderr, which the runner reads too: stdout may be --json).
  for (const line of annotationsForRun(diagnostics, settings.root)) out.stderr(line);
  for (const pending of report.pending) (settings.strict ? out.stderr : out.stdout)(awaitingLine(pending));
  if (settings.json) return code;
  const counts = countLine(report.diagnostics);
  const extra = [
    `${report.unchanged} unchanged`,
    ...(report.removed.length > 0 ? [`${report.removed.length} removed`] : []),
    ...(report.pending.length > 0 ? [`${report.pending.length} awaiting translation`] : []),
  ];
  const summary = `${report.written.length} file${report.written.length === 1 ? '' : 's'} written in ${elapsed} ms; ${extra.join(', ')}`;
  if (failed) {
    // Errors of an edition that was built (units shown in French) name no edition as not built.
    const notBuilt = [...report.failed, ...(settings.strict ? report.pending.map((p) => `${p.slug}.${p.lang}`) : [])];
    out.stderr(`${summary}${notBuilt.length > 0 ? `; not built: ${notBuilt.join(', ')}` : ''}${counts ? ` (${counts})` : ''}`);
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
    // Whole milliseconds: a summary for tools, not a benchmark.
    written: report.written.map((file) => ({ ...file, ms: Math.round(file.ms) })),
    unchanged: report.unchanged,
    removed: report.removed,
    failed: report.failed,
    pending: report.pending,
    diagnostics: report.diagnostics,
    ...(report.recoveredLock ? { recoveredLock: report.recoveredLock } : {}),
  };
}
