/**
 * Every option of every command, declared once: its type, its allowed values and the message
 * that names the fix. `parseCommandLine` turns argv into typed settings or a UsageError.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';
import { FORMATS, LANGS, type Format, type Lang } from '../core/types.js';

export const COMMANDS = ['build', 'extract'] as const;
export type Command = (typeof COMMANDS)[number];

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** For list options: the allowed values (comma-separated on the command line). */
  choices?: readonly string[];
  value?: string;
  description: string;
  commands: readonly Command[];
}

export const OPTIONS = {
  lang: { type: 'string', choices: LANGS, value: 'LIST', description: `Languages to build, comma-separated (${LANGS.join(',')})`, commands: ['build'] },
  format: { type: 'string', choices: FORMATS, value: 'LIST', description: `Formats to build, comma-separated (${FORMATS.join(',')})`, commands: ['build'] },
  out: { type: 'string', value: 'DIR', description: 'Output folder (default: output/ in the project)', commands: ['build'] },
  root: { type: 'string', value: 'DIR', description: 'Project folder holding content/, locales/, templates/ (default: .)', commands: ['build', 'extract'] },
  check: { type: 'boolean', description: 'Change nothing; exit 1 if extraction would change a file (for CI)', commands: ['extract'] },
  help: { type: 'boolean', short: 'h', description: 'Show help', commands: ['build', 'extract'] },
  version: { type: 'boolean', short: 'v', description: 'Show the version', commands: ['build', 'extract'] },
} as const satisfies Record<string, OptionSpec>;

export interface Settings {
  command: Command | undefined;
  slugs: string[];
  langs: Lang[];
  formats: Format[];
  out?: string;
  root: string;
  check: boolean;
  help: boolean;
  version: boolean;
}

export function parseCommandLine(argv: readonly string[]): Settings {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const flag = /'(-{1,2}[^']*)'/.exec((error as Error).message)?.[1];
    const known = Object.keys(OPTIONS).map((name) => `--${name}`).join(', ');
    throw new UsageError(flag ? `Unknown option "${flag}". Valid options: ${known}.` : `${(error as Error).message}. Valid options: ${known}.`);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command = first as Command | undefined;
  if (command !== undefined && !COMMANDS.includes(command)) {
    throw new UsageError(`Unknown command "${command}". Use one of: ${COMMANDS.join(', ')} (briefing --help).`);
  }
  if (command) {
    for (const name of Object.keys(values) as (keyof typeof OPTIONS)[]) {
      if (!(OPTIONS[name].commands as readonly string[]).includes(command)) {
        throw new UsageError(`Option --${name} does not apply to "${command}" (it is for: ${OPTIONS[name].commands.join(', ')}).`);
      }
    }
  }
  return {
    command,
    slugs: rest,
    langs: list('lang', values.lang, LANGS),
    formats: list('format', values.format, FORMATS),
    ...(values.out !== undefined ? { out: values.out } : {}),
    root: values.root ?? '.',
    check: values.check ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** A comma-separated choice list; unknown values name the valid ones. Order follows `choices`. */
function list<T extends string>(name: string, raw: string | undefined, choices: readonly T[]): T[] {
  if (raw === undefined) return [...choices];
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  const bad = items.find((item) => !(choices as readonly string[]).includes(item));
  if (bad !== undefined || items.length === 0) {
    throw new UsageError(`Unexpected value "--${name}=${raw}". Use ${choices.join(', ')} (comma-separated).`);
  }
  return choices.filter((choice) => items.includes(choice));
}

export function helpText(version: string): string {
  const lines = [
    `briefing ${version} — French articles into French/English briefings (Markdown, HTML, PDF)`,
    '',
    'Usage:',
    '  briefing build [slug…] [--lang fr,en] [--format md,html,pdf] [--out DIR]',
    '  briefing extract [slug…] [--check]',
    '',
    'Commands:',
    '  build     Render briefings into output/<slug>/<slug>.<lang>.<ext>',
    '  extract   Write locales/fr/<slug>.json from the French sources',
    '',
    'Options:',
    ...Object.entries(OPTIONS).map(([name, spec]) => {
      const flag = `${'short' in spec ? `-${spec.short}, ` : '    '}--${name}${'value' in spec ? ` ${spec.value}` : ''}`;
      return `  ${flag.padEnd(22)}${spec.description}`;
    }),
    '',
    'Exit codes: 0 ok · 1 content errors (file:line:column shown) · 2 usage error',
  ];
  return lines.join('\n');
}
