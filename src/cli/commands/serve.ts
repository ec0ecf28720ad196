/**
 * `briefing serve`: starts the service, prints its address, logs renders and their problems, and
 * stops on SIGINT/SIGTERM within a second, whatever is rendering (responses in flight get a short
 * grace, then the render workers are terminated and the port is freed).
 */
import { buildTime } from '../../core/clock.js';
import { DEFAULTS } from '../../core/defaults.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { listSources } from '../../project/sources.js';
import { isLoopback, startServer, type BriefingServer } from '../../serve/server.js';
import type { Settings } from '../options.js';
import { formatDiagnostics } from '../../core/report.js';
import type { Output } from '../output.js';
import { toolVersion } from '../../core/version.js';

export async function serveCommand(settings: Settings, out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  buildTime(); // an invalid SOURCE_DATE_EPOCH is a usage error now, not on every request
  await listSources(paths); // no content/ folder: say so before listening
  if (!isLoopback(settings.host)) {
    out.stderr(
      `briefing: warning: listening on ${settings.host}: every briefing and the translation status are readable by anyone who can reach this machine on port ${settings.port}${settings.readOnly ? '' : ', and whoever sees the printed address (its token) can save translations; prefer an SSH tunnel, or add --read-only'}.`,
    );
  }
  let server: BriefingServer;
  try {
    server = await startServer({
      paths,
      host: settings.host,
      port: settings.port,
      toolVersion: toolVersion(),
      timeBudgetSeconds: settings.timeBudget,
      readOnly: settings.readOnly,
      ...(settings.minCoverage !== undefined ? { minCoverage: settings.minCoverage } : {}),
      ...(settings.baseUrl !== undefined ? { baseUrl: settings.baseUrl } : {}),
      onRender: (file, render) => {
        if (render.ok) out.stdout(`rendered ${file.name} in ${Math.round(render.ms)} ms`);
        else out.stderr(`${file.name} cannot be rendered:\n${formatDiagnostics(render.diagnostics)}`);
      },
      onError: (error) => out.stderr(`briefing: internal error: ${error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error)}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`Port ${settings.port} is already in use on ${settings.host}. Stop the other service or pick another port with --port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`Cannot listen on "${settings.host}": not an address of this machine. Use 127.0.0.1 (the default).`);
    if (code === 'EACCES') throw new UsageError(`Not allowed to listen on port ${settings.port}. Use a port above 1023, e.g. --port 4173.`);
    throw error;
  }
  // The token in the URL lets this browser save translations (a cookie once opened; see src/serve/token.ts).
  const address = server.token === undefined ? `${server.url} (read-only)` : `${server.url}?token=${server.token}`;
  out.stdout(`Serving ${paths.root} at ${address} (Ctrl+C to stop)`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    // Once: a second Ctrl+C during shutdown gets Node's default, an immediate stop.
    const stop = (received: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(received);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out.stdout(`${signal}: stopping (responses in flight get ${DEFAULTS.serve.shutdownGraceMs} ms, renders still running are stopped)…`);
  await server.close();
  out.stdout('Stopped.');
  return EXIT.ok;
}
