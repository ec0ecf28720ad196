/**
 * Help text: `briefing --help` (every command, one line each) and `briefing help <command>` /
 * `briefing <command> --help` (that command's usage, options and examples), as vitest's cac and
 * npm print theirs.
 */
import { DEFAULTS } from '../core/defaults.js';
import { COMMANDS, OPTIONS, type Command } from './options.js';

interface CommandHelp {
  /** Usage lines, without the leading "briefing ". */
  usage: readonly string[];
  /** What the command does, one or two lines. */
  summary: readonly string[];
  /** Command lines a user would type, with what each does. */
  examples: readonly (readonly [command: string, what: string])[];
}

const HELP: Record<Command, CommandHelp> = {
  build: {
    usage: [
      'build   [slug…] [--lang fr,en] [--format md,html,pdf] [--out DIR] [--min-coverage N] [--strict]',
      '        [--force] [--shard K/N] [--jobs N] [--time-budget SECONDS] [--wait SECONDS] [--json] [--verbose]',
    ],
    summary: [
      "Render briefings into output/<slug>/<slug>.<lang>.<ext> (and the translators' review page),",
      'skipping those whose inputs are unchanged; writes output/manifest.json, index.html, feed.<lang>.xml',
    ],
    examples: [
      ['briefing build', 'every article, every language and format; only what changed is rebuilt'],
      ['briefing build microsoft-openai --format pdf', 'the PDFs of one article'],
      ['briefing build --base-url https://www.example.gouv.fr/briefings/', 'absolute links in feeds and pages'],
      ['briefing build --strict --json', 'for CI: an article awaiting translation fails too; a summary on stdout'],
    ],
  },
  extract: {
    usage: ['extract [slug…] [--check] [--prune]'],
    summary: ["Write locales/fr/<slug>.json from the sources; keep other languages' files in step"],
    examples: [
      ['briefing extract', 'after editing an article: the French units, and new keys in locales/en/'],
      ['briefing extract --check', 'for CI: exit 1 if extraction would change a file'],
    ],
  },
  check: {
    usage: ['check   [slug…] [--lang en] [--strict] [--min-coverage N] [--json] [--accept KEY… [--rule ID]] [--verbose]'],
    summary: ['Lint locale files: missing, stale, obsolete, broken strings, QA and glossary warnings (file:line:column)'],
    examples: [
      ['briefing check', 'every translation; exit 1 on errors'],
      ['briefing check microsoft-openai --strict', 'warnings fail too'],
      ['briefing check microsoft-openai --accept lead.1', 'the French change of lead.1 needs no English change'],
      ['briefing check microsoft-openai --accept lead.1 --rule number-mismatch', 'accept a QA warning for that key'],
    ],
  },
  status: {
    usage: ['status  [slug…] [--lang en] [--json]'],
    summary: ['Translation coverage per article and language; drafts, embargoes and orphaned locale files'],
    examples: [
      ['briefing status', 'a table of every article'],
      ['briefing status --json', 'the same for tools'],
    ],
  },
  serve: {
    usage: [`serve   [--port ${DEFAULTS.port}] [--host ${DEFAULTS.host}] [--time-budget SECONDS] [--base-url URL]`],
    summary: [`Local web service: every briefing on demand, HTML with live preview (http://${DEFAULTS.host}:${DEFAULTS.port}/)`],
    examples: [
      ['briefing serve', `open http://${DEFAULTS.host}:${DEFAULTS.port}/`],
      ['briefing serve --port 0', 'any free port (printed)'],
    ],
  },
  'merge-manifests': {
    usage: ['merge-manifests MANIFEST|DIR… [--out DIR] [--base-url URL] [--json]'],
    summary: ['Join the manifests of sharded builds into one output folder (with its index and feeds)'],
    examples: [['briefing merge-manifests shard-1 shard-2 --out output', 'after `build --shard 1/2` and `--shard 2/2`']],
  },
  suggest: {
    usage: ['suggest SLUG… [--json]'],
    summary: ['Candidate key figures and sources found in the text, as front matter (figures:, sources:) to review and paste'],
    examples: [['briefing suggest microsoft-openai', 'YAML to review, then paste into the front matter']],
  },
  glossary: {
    usage: ['glossary import FILE.tbx|FILE.csv… [--replace]'],
    summary: ['Merge terms from a TBX or CSV file into locales/glossary.json (check warns when a translation strays from it)'],
    examples: [['briefing glossary import terms.tbx', 'add the terminology tool’s terms']],
  },
  xliff: {
    usage: ['xliff   export [slug…] [--lang en] [--out DIR] [--xliff-version 2.0|1.2] | import FILE…'],
    summary: ['Export translations as XLIFF for CAT tools (xliff/<slug>.<lang>.xlf), import them back after checks'],
    examples: [
      ['briefing xliff export --xliff-version 1.2', 'for Trados, memoQ, OmegaT…'],
      ['briefing xliff import xliff/microsoft-openai.en.xlf', 'write the translations back, checked'],
    ],
  },
  rename: {
    usage: ['rename  OLD NEW [--out DIR]'],
    summary: ['Rename an article: content/OLD.* and its locale files (translations, state) to NEW; removes output/OLD/'],
    examples: [['briefing rename accord-2025 accord-microsoft-openai', 'keeps every translation']],
  },
};

const EXIT_CODES = [
  'Exit codes: 0 ok · 1 content errors (file:line:column shown; check: errors, or warnings with --strict) · 2 usage error',
  '            3 output folder locked by another build (nothing done; try later or --wait)',
  '            4 internal error (a bug: the build stopped midway; do not publish, report it)',
];

/** Options every command takes, listed once in the general help. */
const COMMON_OPTIONS = new Set(Object.entries(OPTIONS).flatMap(([name, spec]) => (spec.commands.length === COMMANDS.length ? [name] : [])));

function optionLine(name: string): string {
  const spec = OPTIONS[name as keyof typeof OPTIONS];
  const flag = `${'short' in spec ? `-${spec.short}, ` : '    '}--${name}${'value' in spec ? ` ${spec.value}` : ''}`;
  const fallback = 'defaultValue' in spec ? ` (default ${spec.defaultValue})` : '';
  return `  ${flag.padEnd(24)}${spec.description}${fallback}`;
}

/** `briefing --help`: every command's usage and what it does, the options all take, the exit codes. */
export function generalHelp(version: string): string {
  return [
    `briefing ${version} — French articles into French/English briefings (Markdown, HTML, PDF)`,
    '',
    'Usage:',
    ...COMMANDS.flatMap((command) => HELP[command].usage.map((line, i) => `  ${i === 0 ? 'briefing ' : '         '}${line}`)),
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.padEnd(16)}${HELP[command].summary.join(' ')}`),
    '',
    'Options of every command:',
    ...[...COMMON_OPTIONS].map(optionLine),
    '',
    'Run `briefing help <command>` (or `briefing <command> --help`) for its options and examples.',
    'Settings shared by every run (base URL, languages, coverage…) go in briefing.config.json.',
    '',
    ...EXIT_CODES,
  ].join('\n');
}

/** `briefing help <command>`: its usage, what it does, the options it takes, examples. */
export function commandHelp(command: Command, version: string): string {
  const help = HELP[command];
  const options = Object.entries(OPTIONS).flatMap(([name, spec]) => ((spec.commands as readonly string[]).includes(command) ? [name] : []));
  const width = Math.max(...help.examples.map(([line]) => line.length));
  return [
    `briefing ${command} — ${help.summary.join(' ')}`,
    '',
    'Usage:',
    ...help.usage.map((line, i) => `  ${i === 0 ? 'briefing ' : '         '}${line}`),
    '',
    'Options:',
    ...options.map(optionLine),
    '',
    'Examples:',
    ...help.examples.map(([line, what]) => `  ${line.padEnd(width)}   ${what}`),
    '',
    ...EXIT_CODES,
    '',
    `briefing ${version}`,
  ].join('\n');
}
