/**
 * The `briefing` command: a thin layer over the programmatic stages. It sets `process.exitCode`
 * (0 ok, 1 content errors, 2 usage, 3 locked, 4 internal error) instead of exiting deep inside;
 * stack traces only with DEBUG.
 */
import { EXIT, hasErrors, UsageError } from '../core/errors.js';
import { toolVersion as version } from '../core/version.js';
import { limits } from '../core/limits.js';
import { parseCommandLine, type Command } from './options.js';
import { commandHelp, generalHelp } from './help.js';
import { readConfig, withConfig } from './config.js';
import { formatDiagnostics } from '../core/report.js';
import type { Settings } from './options.js';
import { consoleOutput, type Output } from './output.js';
import { LockedError } from '../publish/lock.js';

export type { Output } from './output.js';

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], out: Output = consoleOutput): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    // A malformed BRIEFING_LIMITS is a usage error here, not a failure in every render.
    limits();
    for (const notice of parsed.notices) out.stderr(`briefing: ${notice}`);
    if (parsed.version) {
      out.stdout(version());
      return EXIT.ok;
    }
    if (parsed.help || parsed.command === undefined) {
      out.stdout(parsed.command ? commandHelp(parsed.command, version()) : generalHelp(version()));
      return parsed.help ? EXIT.ok : EXIT.usage;
    }
    // The project's settings (briefing.config.json); flags given on the command line win.
    const { config, diagnostics } = await readConfig(parsed.root);
    if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
    if (hasErrors(diagnostics)) return EXIT.content;
    const settings = withConfig(parsed, config);
    // --quiet: only problems. Machine output (--json) is still printed: it was asked for.
    if (settings.quiet && !settings.json && settings.report !== 'json') out = { stdout: () => {}, stderr: out.stderr };
    // Each command's modules load only when it runs: a build with nothing to render, or a
    // `status`, does not pay for loading the parsers and renderers.
    const commands: Record<Command, () => Promise<(settings: Settings, out: Output) => Promise<number>>> = {
      build: async () => (await import('./commands/build.js')).buildCommand,
      extract: async () => (await import('./commands/extract.js')).extractCommand,
      check: async () => (await import('./commands/check.js')).checkCommand,
      status: async () => (await import('./commands/status.js')).statusCommand,
      serve: async () => (await import('./commands/serve.js')).serveCommand,
      'merge-manifests': async () => (await import('./commands/merge-manifests.js')).mergeManifestsCommand,
      suggest: async () => (await import('./commands/suggest.js')).suggestCommand,
      glossary: async () => (await import('./commands/glossary.js')).glossaryCommand,
      xliff: async () => (await import('./commands/xliff.js')).xliffCommand,
      rename: async () => (await import('./commands/rename.js')).renameCommand,
    };
    return await (await commands[parsed.command]())(settings, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`briefing: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof LockedError) {
      out.stderr(`briefing: ${error.message}`);
      return EXIT.locked;
    }
    out.stderr(`briefing: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG && error instanceof Error) out.stderr(error.stack ?? '');
    else out.stderr('Run again with DEBUG=1 for the stack trace, and report it.');
    // Not 1: the build stopped midway, and a wrapper must not publish its output as if complete.
    return EXIT.internal;
  }
}
