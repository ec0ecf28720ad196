/**
 * The project's configuration, `briefing.config.json` at its root: the settings every run of
 * build, serve, check and CI shares (the site's address, languages, formats, coverage threshold,
 * strictness, the internal page, serve's port and host). A flag given on the command line wins
 * over the file. Every mistake is placed at its line and column, with the fix
 * (`briefing:invalid-config`); an unknown field gets "did you mean".
 */
import path from 'node:path';
import type { MemberNode, ValueNode } from '@humanwhocodes/momoa';
import { closest, distance } from 'fastest-levenshtein';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { FORMATS, LANGS, SOURCE_LANG, type Format, type Lang } from '../core/types.js';
import { readOptionalInputSync } from '../project/read-file.js';
import type { Settings } from './options.js';
import { CONFIG_FILE } from './project-root.js';

/** What the file may set, each with the option it stands for. */
export interface ProjectConfig {
  baseUrl?: string;
  languages?: Lang[];
  formats?: Format[];
  minCoverage?: number;
  strict?: boolean;
  internalPage?: boolean;
  port?: number;
  host?: string;
}

type Field = keyof ProjectConfig;

/** Each field: the command-line option it stands for, what it must be, and its reader. */
const FIELDS: Record<Field, { option: string; expected: string; read: (value: unknown) => unknown }> = {
  baseUrl: {
    option: 'base-url',
    expected: 'an absolute web address, e.g. "https://www.example.gouv.fr/briefings/"',
    read: (v) => (typeof v === 'string' && /^https?:\/\//i.test(v) && URL.canParse(v) ? new URL(v).href : undefined),
  },
  languages: { option: 'lang', expected: `a list of languages among ${LANGS.join(', ')}, e.g. ["fr", "en"]`, read: (v) => choices(v, LANGS) },
  formats: { option: 'format', expected: `a list of formats among ${FORMATS.join(', ')}, e.g. ["html", "pdf"]`, read: (v) => choices(v, FORMATS) },
  minCoverage: {
    option: 'min-coverage',
    expected: 'a percentage from 0 to 100, e.g. 80',
    read: (v) => (typeof v === 'number' && v >= 0 && v <= 100 ? v : undefined),
  },
  strict: { option: 'strict', expected: 'true or false', read: (v) => (typeof v === 'boolean' ? v : undefined) },
  internalPage: { option: 'no-internal-page', expected: 'true or false', read: (v) => (typeof v === 'boolean' ? v : undefined) },
  port: {
    option: 'port',
    expected: 'a port number from 0 to 65535',
    read: (v) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535 ? v : undefined),
  },
  host: {
    option: 'host',
    expected: 'an address such as "127.0.0.1"',
    read: (v) => (typeof v === 'string' && /^[A-Za-z0-9.:-]{1,253}$/.test(v) ? v : undefined),
  },
};

function choices<T extends string>(value: unknown, all: readonly T[]): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items = value.map((item) => (typeof item === 'string' ? item.trim().toLowerCase() : ''));
  return items.every((item) => (all as readonly string[]).includes(item)) ? all.filter((choice) => items.includes(choice)) : undefined;
}

/** Reads `<root>/briefing.config.json` (absent: no settings), with every problem placed in it. */
export async function readConfig(root: string): Promise<{ config: ProjectConfig; diagnostics: Diagnostic[] }> {
  const file = path.join(root, CONFIG_FILE);
  const shown = path.relative(process.cwd(), file) || CONFIG_FILE;
  const bytes = readOptionalInputSync(file);
  if (bytes === undefined) return { config: {}, diagnostics: [] };
  // The JSON parser with places loads only for a project that has settings: every command reads
  // them, and a no-op build need not load it otherwise.
  const { parse: parseJson } = await import('@humanwhocodes/momoa');
  const diagnostics: Diagnostic[] = [];
  const problem = (node: { loc: { start: { line: number; column: number } } }, params: { field?: string; expected: string }) =>
    diagnostics.push(ruleDiagnostic('briefing:invalid-config', shown, params, { line: node.loc.start.line, column: node.loc.start.column }));
  let body: ValueNode;
  try {
    body = parseJson(bytes.toString('utf8').replace(/^\uFEFF/, ''), { mode: 'json' }).body;
  } catch (error) {
    const e = error as { line?: number; column?: number; message?: string };
    const syntax = (e.message ?? 'unreadable').replace(/\s*\(\d+:\d+\)\s*$/, '');
    diagnostics.push(ruleDiagnostic('briefing:invalid-config', shown, { expected: `valid JSON (${syntax})` }, { line: e.line ?? 1, column: e.column ?? 1 }));
    return { config: {}, diagnostics };
  }
  if (body.type !== 'Object') {
    problem(body, { expected: 'an object of settings, e.g. { "baseUrl": "https://…", "minCoverage": 80 }' });
    return { config: {}, diagnostics };
  }
  const config: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const member of body.members as MemberNode[]) {
    const name = member.name.type === 'String' ? member.name.value : '';
    if (name === '$schema' || name === '$comment') continue;
    if (!Object.hasOwn(FIELDS, name)) {
      const known = Object.keys(FIELDS);
      const near = closest(name, known);
      const hint = distance(name, near) <= 3 ? `absent (did you mean "${near}"?)` : `absent: the settings are ${known.join(', ')}`;
      problem(member.name, { field: name, expected: hint });
      continue;
    }
    const field = FIELDS[name as Field];
    const value = field.read(plainValue(member.value));
    if (value === undefined) problem(member.value, { field: name, expected: field.expected });
    else config[name] = value;
  }
  return { config: { ...config } as ProjectConfig, diagnostics };
}

/** A JSON node's value (objects and nulls are not settings: they read as undefined). */
function plainValue(node: ValueNode): unknown {
  switch (node.type) {
    case 'String':
    case 'Number':
    case 'Boolean':
      return node.value;
    case 'Array':
      return node.elements.map((element) => plainValue(element.value));
    default:
      return undefined;
  }
}

/** `settings` with the configuration's values where no flag was given (the command line wins). */
export function withConfig(settings: Settings, config: ProjectConfig): Settings {
  const unset = (field: Field) => config[field] !== undefined && !settings.given.has(FIELDS[field].option);
  const next = { ...settings };
  if (unset('baseUrl')) next.baseUrl = config.baseUrl!;
  if (unset('languages')) {
    // check and status look at target languages: French is the source.
    const translating = settings.command === 'check' || settings.command === 'status';
    next.langs = translating ? config.languages!.filter((lang) => lang !== SOURCE_LANG) : config.languages!;
  }
  if (unset('formats') && settings.command === 'build') next.formats = config.formats!;
  if (unset('minCoverage')) next.minCoverage = config.minCoverage!;
  if (unset('strict')) next.strict = config.strict!;
  if (unset('internalPage')) next.internalPage = config.internalPage!;
  if (unset('port')) next.port = config.port!;
  if (unset('host')) next.host = config.host!;
  return next;
}
