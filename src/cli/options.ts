/**
 * Every option of every command, declared once: its type, its allowed values, the commands it
 * applies to, and the message that names the fix. `parseCommandLine` turns argv into typed
 * settings or a UsageError.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { UsageError } from '../core/errors.js';
import { DEFAULTS } from '../core/defaults.js';
import { FORMATS, LANGS, SOURCE_LANG, type Format, type Lang } from '../core/types.js';
import { parseShard, type Shard } from '../publish/shard.js';
import { qaRuleOption } from './qa-rule-option.js';
import { projectRoot } from './project-root.js';
import { XLIFF_VERSIONS, type XliffVersion } from '../translate/xliff/document.js';

export const COMMANDS = ['build', 'extract', 'check', 'status', 'serve', 'merge-manifests', 'suggest', 'glossary', 'xliff', 'rename'] as const;
export type Command = (typeof COMMANDS)[number];

const REPORT_FORMATS = ['text', 'json'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  value?: string;
  description: string;
  /** Shown in the help text as "(default …)"; the value itself comes from DEFAULTS. */
  defaultValue?: string | number;
  commands: readonly Command[];
}

const ALL = COMMANDS;
export const OPTIONS = {
  lang: { type: 'string', value: 'LIST', description: `Languages, comma-separated (${LANGS.join(',')}; check/status: target languages)`, commands: ALL },
  format: {
    type: 'string',
    value: 'LIST',
    description: `build: formats, comma-separated (${FORMATS.join(',')}); check/status: report format (text|json)`,
    commands: ['build', 'check', 'status'],
  },
  out: {
    type: 'string',
    value: 'DIR',
    description: 'Output folder (default: output/ in the project; xliff: xliff/)',
    commands: ['build', 'merge-manifests', 'xliff', 'rename'],
  },
  'xliff-version': {
    type: 'string',
    value: 'V',
    description: 'xliff export: XLIFF version written (2.0|1.2)',
    defaultValue: DEFAULTS.xliffVersion,
    commands: ['xliff'],
  },
  root: { type: 'string', value: 'DIR', description: 'Project folder holding content/, locales/, templates/ (default: .)', commands: ALL },
  'min-coverage': {
    type: 'string',
    value: 'N',
    description: 'Least % of up-to-date translations for an edition to be built/accepted',
    defaultValue: DEFAULTS.minCoverage,
    commands: ['build', 'check'],
  },
  port: { type: 'string', value: 'N', description: 'serve: port to listen on (0 picks a free one)', defaultValue: DEFAULTS.port, commands: ['serve'] },
  host: {
    type: 'string',
    value: 'ADDR',
    description: 'serve: address to listen on (others than loopback are reachable from the network)',
    defaultValue: DEFAULTS.host,
    commands: ['serve'],
  },
  'read-only': {
    type: 'boolean',
    description: 'serve: the translator workbench only shows; nothing can be saved (no write token is made)',
    commands: ['serve'],
  },
  force: { type: 'boolean', description: 'build: rebuild every output, even those whose inputs are unchanged', commands: ['build'] },
  shard: { type: 'string', value: 'K/N', description: 'build: only the K-th of N deterministic shares of the articles (CI matrix)', commands: ['build'] },
  jobs: {
    type: 'string',
    value: 'N',
    description: 'build: articles rendered in parallel, on worker threads (default: one per core)',
    commands: ['build'],
  },
  'time-budget': {
    type: 'string',
    value: 'SECONDS',
    description: 'build, serve: longest render of one article before it is stopped and reported (0: no limit)',
    defaultValue: DEFAULTS.timeBudgetSeconds,
    commands: ['build', 'serve'],
  },
  wait: {
    type: 'string',
    value: 'SECONDS',
    description: "build, merge-manifests: wait this long for another build's lock (0: fail at once, exit 3)",
    defaultValue: DEFAULTS.lockWaitSeconds,
    commands: ['build', 'merge-manifests'],
  },
  'base-url': {
    type: 'string',
    value: 'URL',
    description:
      "build, serve, merge-manifests: the site's address: site-relative links (/blog/x) of articles without url/canonical/source_url resolve against it; the feeds' links are absolute under it",
    commands: ['build', 'serve', 'merge-manifests'],
  },
  json: {
    type: 'boolean',
    description: 'print machine-readable output on stdout (build, merge-manifests: a summary; check, status: the report; suggest: the suggestions)',
    commands: ['build', 'merge-manifests', 'suggest', 'check', 'status'],
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    description: 'print only problems: no progress, tables or summary lines (the exit code says the rest)',
    commands: ['build', 'extract', 'check', 'glossary', 'xliff', 'rename'],
  },
  'no-internal-page': {
    type: 'boolean',
    description: "build: write no output/internal.html (the team's page: coverage, review pages, articles awaiting translation), and remove an earlier one",
    commands: ['build'],
  },
  check: { type: 'boolean', description: 'extract: change nothing; exit 1 if extraction would change a file (for CI)', commands: ['extract'] },
  prune: { type: 'boolean', description: 'extract: drop obsolete translations instead of keeping them aside', commands: ['extract'] },
  replace: { type: 'boolean', description: 'glossary import: the glossary becomes the imported terms (default: merge into it)', commands: ['glossary'] },
  strict: {
    type: 'boolean',
    description: 'check: warnings fail too (exit 1); build: an edition awaiting translation fails too (exit 1)',
    commands: ['check', 'build'],
  },
  verbose: { type: 'boolean', description: 'build, check: also print notes (info), such as front-matter fields ignored', commands: ['build', 'check'] },
  accept: {
    type: 'string',
    multiple: true,
    value: 'KEY',
    description: 'check: mark these stale keys as still correct (comma-separated or repeated)',
    commands: ['check'],
  },
  rule: {
    type: 'string',
    multiple: true,
    value: 'ID',
    description: 'check: with --accept KEY, accept these QA warnings of the key (number-mismatch, name-mismatch…) instead of a stale change',
    commands: ['check'],
  },
  help: { type: 'boolean', short: 'h', description: 'Show help', commands: ALL },
  version: { type: 'boolean', short: 'v', description: 'Show the version', commands: ALL },
} as const satisfies Record<string, OptionSpec>;

export interface Settings {
  command: Command | undefined;
  slugs: string[];
  langs: Lang[];
  formats: Format[];
  report: ReportFormat;
  out?: string;
  root: string;
  minCoverage?: number;
  /** The site's address (`--base-url`): site-relative links resolve against it when an article gives none. */
  baseUrl?: string;
  port: number;
  host: string;
  /** `serve --read-only`: no writes. */
  readOnly: boolean;
  force: boolean;
  shard?: Shard;
  jobs?: number;
  /** Seconds one article may render. */
  timeBudget: number;
  /** Seconds to wait for the output folder's lock. */
  wait: number;
  json: boolean;
  /** Print only problems (`--quiet`). */
  quiet: boolean;
  /** The options given on the command line: they win over briefing.config.json (./config.ts). */
  given: ReadonlySet<string>;
  check: boolean;
  prune: boolean;
  /** `glossary import --replace`. */
  replace: boolean;
  strict: boolean;
  /** Print `info` diagnostics too. */
  verbose: boolean;
  /** Write `output/internal.html` (false with `--no-internal-page`). */
  internalPage: boolean;
  accept: string[];
  /** QA rules to accept for the `accept` keys (`--rule`), as full ids. */
  rules: string[];
  /** `briefing xliff export --xliff-version`. */
  xliffVersion: XliffVersion;
  help: boolean;
  version: boolean;
  /** Notes on options that were adjusted (printed on stderr, the command still runs). */
  notices: string[];
}

export function parseCommandLine(argv: readonly string[]): Settings {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw argumentError(error as Error & { code?: string }, argv);
  }
  const { values, positionals } = parsed;
  // `briefing help [command]` is `briefing [command] --help`.
  const asksHelp = positionals[0] === 'help';
  const [first, ...rest] = asksHelp ? positionals.slice(1) : positionals;
  const command = first as Command | undefined;
  if (command !== undefined && !COMMANDS.includes(command)) {
    const near = nearest(command, COMMANDS);
    throw new UsageError(`Unknown command "${command}".${near ? ` Did you mean "${near}"?` : ''} Use one of: ${COMMANDS.join(', ')} (briefing --help).`);
  }
  if (command && !asksHelp) {
    for (const name of Object.keys(values) as (keyof typeof OPTIONS)[]) {
      if (!(OPTIONS[name].commands as readonly string[]).includes(command)) {
        throw new UsageError(`Option --${name} does not apply to "${command}" (it is for: ${OPTIONS[name].commands.join(', ')}).`);
      }
    }
  }
  const notices: string[] = [];
  const translating = command === 'check' || command === 'status' || command === 'xliff';
  const langs = list('lang', values.lang, LANGS);
  return {
    command,
    slugs: rest,
    // check and status look at translations: French is the source, never a target.
    langs: translating && values.lang === undefined ? LANGS.filter((lang) => lang !== SOURCE_LANG) : langs,
    formats: translating ? [...FORMATS] : list('format', values.format, FORMATS),
    // `--json` is the one spelling of machine output; check and status keep `--format json` too.
    report: translating ? (values.json ? 'json' : (list('format', values.format, REPORT_FORMATS, 'text')[0] ?? 'text')) : 'text',
    ...(values.out !== undefined ? { out: values.out } : {}),
    root: values.root ?? projectRoot(process.cwd()),
    ...(values['min-coverage'] !== undefined ? { minCoverage: percentage(values['min-coverage']) } : {}),
    ...(values['base-url'] !== undefined ? { baseUrl: baseUrl(values['base-url']) } : {}),
    port: values.port === undefined ? DEFAULTS.port : port(values.port),
    host: host(values.host),
    readOnly: values['read-only'] ?? false,
    force: values.force ?? false,
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    ...(values.jobs !== undefined ? { jobs: jobs(values.jobs, notices) } : {}),
    timeBudget:
      values['time-budget'] !== undefined ? count('time-budget', values['time-budget'], 0, 'seconds, e.g. --time-budget 120') : DEFAULTS.timeBudgetSeconds,
    wait: values.wait !== undefined ? count('wait', values.wait, 0, 'seconds, e.g. --wait 600') : DEFAULTS.lockWaitSeconds,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    given: new Set(Object.keys(values)),
    check: values.check ?? false,
    prune: values.prune ?? false,
    replace: values.replace ?? false,
    strict: values.strict ?? false,
    verbose: values.verbose ?? false,
    internalPage: !(values['no-internal-page'] ?? false),
    accept: (values.accept ?? [])
      .flatMap((item) => item.split(','))
      .map((key) => key.trim())
      .filter(Boolean),
    rules: qaRuleOption(values.rule, values.accept ?? []),
    xliffVersion: list('xliff-version', values['xliff-version'], XLIFF_VERSIONS, DEFAULTS.xliffVersion)[0] ?? DEFAULTS.xliffVersion,
    help: asksHelp || (values.help ?? false),
    version: values.version ?? false,
    notices,
  };
}

/** The command named in `argv` (its first word that is a command), for a message about its options. */
function commandIn(argv: readonly string[]): Command | undefined {
  return argv.find((word): word is Command => (COMMANDS as readonly string[]).includes(word));
}

/**
 * A parseArgs error in plain words: an option that needs a value and has none, a switch given a
 * value, or an unknown option with the nearest one of the command ("did you mean --force?").
 */
function argumentError(error: Error & { code?: string }, argv: readonly string[]): UsageError {
  const flag = /'(-{1,2}[^'\s]*)/.exec(error.message)?.[1] ?? '';
  const name = flag.replace(/^-+/, '');
  const spec = Object.hasOwn(OPTIONS, name) ? (OPTIONS as Record<string, OptionSpec>)[name] : undefined;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && spec?.type === 'string') {
    return new UsageError(`Option --${name} needs a value, e.g. --${name} ${spec.value ?? 'VALUE'}.`);
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && spec)
    return new UsageError(`Option --${name} is a switch: it takes no value (write --${name} alone).`);
  const command = commandIn(argv);
  const names = Object.entries(OPTIONS).flatMap(([option, s]) => (!command || (s.commands as readonly string[]).includes(command) ? [option] : []));
  const near = nearest(name, names);
  const where = command ? `briefing ${command} --help` : 'briefing --help';
  return new UsageError(
    `Unknown option "${flag}".${near ? ` Did you mean --${near}?` : ''} Valid options: ${names.map((n) => `--${n}`).join(', ')} (${where}).`,
  );
}

/** The choice closest to a mistyped `word` (at most 2 edits, 1 for words of 4 letters or fewer), if any. */
function nearest(word: string, choices: readonly string[]): string | undefined {
  if (choices.length === 0 || word === '') return undefined;
  const best = closest(word.toLowerCase(), [...choices]);
  return distance(word.toLowerCase(), best) <= (word.length <= 4 ? 1 : 2) ? best : undefined;
}

/** `--base-url`: an absolute http(s) address, else a usage error that shows one. */
function baseUrl(raw: string): string {
  if (/^https?:\/\//i.test(raw) && URL.canParse(raw)) return new URL(raw).href;
  throw new UsageError(`--base-url must be an absolute web address, e.g. --base-url https://www.example.gouv.fr/ (got "${raw}").`);
}

/**
 * `--jobs`, at most one lane per core: each worker is a V8 isolate with its own fonts and code
 * (~100 MB before any article), and lanes beyond the cores only wait (64 lanes on 2 cores: 3.2 GB).
 */
function jobs(raw: string, notices: string[]): number {
  const asked = count('jobs', raw, 1, 'e.g. --jobs 4');
  const cores = availableParallelism();
  if (asked <= cores) return asked;
  notices.push(`--jobs ${asked} is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine: using --jobs ${cores}.`);
  return cores;
}

/** A comma-separated choice list; unknown values name the valid ones. Order follows `choices`. */
function list<T extends string>(name: string, raw: string | undefined, choices: readonly T[], single?: T): T[] {
  if (raw === undefined) return single ? [single] : [...choices];
  // Values are case-insensitive: --lang EN, --format PDF.
  const items = raw
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.find((item) => !(choices as readonly string[]).includes(item));
  if (bad !== undefined || items.length === 0 || (single && items.length > 1)) {
    throw new UsageError(`Unexpected value "--${name}=${raw}". Use ${single ? 'one of ' : ''}${choices.join(', ')}${single ? '' : ' (comma-separated)'}.`);
  }
  return choices.filter((choice) => items.includes(choice));
}

function port(raw: string): number {
  const value = Number(raw);
  if (!/^\d{1,5}$/.test(raw.trim()) || value > 65535)
    throw new UsageError(`Unexpected value "--port=${raw}". Use a port number from 0 to 65535, e.g. --port ${DEFAULTS.port} (0 picks a free port).`);
  return value;
}

function host(raw: string | undefined): string {
  if (raw === undefined) return DEFAULTS.host;
  // An address or a host name: letters, digits, dots, hyphens, colons (IPv6).
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(raw.trim()))
    throw new UsageError(`Unexpected value "--host=${raw}". Use an address such as ${DEFAULTS.host} (the default), ::1 or 0.0.0.0.`);
  return raw.trim();
}

function percentage(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new UsageError(`Unexpected value "--min-coverage=${raw}". Use a percentage from 0 to 100, e.g. --min-coverage 90.`);
  }
  return value;
}

/** A whole number ≥ `min`. */
function count(name: string, raw: string, min: number, example: string): number {
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || value < min) {
    throw new UsageError(`Unexpected value "--${name}=${raw}". Use a whole number ≥ ${min} (${example}).`);
  }
  return value;
}
