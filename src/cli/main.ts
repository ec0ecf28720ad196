/**
 * The `briefing` command: a thin layer over the programmatic stages. It sets `process.exitCode`
 * (0 ok, 1 content errors, 2 usage) instead of exiting deep inside; stack traces only with DEBUG.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { helpText, parseCommandLine } from './options.js';
import { buildCommand } from './commands/build.js';
import { extractCommand } from './commands/extract.js';
import { checkCommand } from './commands/check.js';
import { statusCommand } from './commands/status.js';
import { serveCommand } from './commands/serve.js';

/** Where a command prints (injectable for tests). */
export interface Output {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const consoleOutput: Output = { stdout: (line) => console.log(line), stderr: (line) => console.error(line) };

export function version(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], out: Output = consoleOutput): Promise<number> {
  try {
    const settings = parseCommandLine(argv);
    if (settings.version) {
      out.stdout(version());
      return EXIT.ok;
    }
    if (settings.help || settings.command === undefined) {
      out.stdout(helpText(version()));
      return settings.help ? EXIT.ok : EXIT.usage;
    }
    const commands = { build: buildCommand, extract: extractCommand, check: checkCommand, status: statusCommand, serve: serveCommand };
    return await commands[settings.command](settings, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`briefing: ${error.message}`);
      return EXIT.usage;
    }
    out.stderr(`briefing: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG && error instanceof Error) out.stderr(error.stack ?? '');
    else out.stderr('Run again with DEBUG=1 for the stack trace, and report it.');
    return EXIT.content;
  }
}
